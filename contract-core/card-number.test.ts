// The card-number rule against its table of cases, and the bounds it keeps on any input.
import { describe, expect, test } from 'vitest';
import { CARD_NUMBER_CASES } from './card-number.cases.ts';
import { findCardNumber, findCardNumberInBody, maskCard } from './card-number.ts';

describe('the table of cases', () => {
  test.each(CARD_NUMBER_CASES.map((c) => [c.reason, c] as const))('%s', (_, c) => {
    const found = findCardNumberInBody(c.body, JSON.parse(c.body));
    expect(found !== undefined, c.body).toBe(c.refused);
    if (c.refused) expect(found?.field).toBe(c.field);
  });
});

describe('findCardNumber', () => {
  test('answers the digits of the card, without its separators or the groups around it', () => {
    expect(findCardNumber('no. 1 4242-4242 4242 4242 12 30')).toBe('4242424242424242');
    expect(findCardNumber('４２４２ ４２４２ ４２４２ ４２４２')).toBe('4242424242424242');
    expect(maskCard('4242424242424242')).toBe('************4242');
  });
  test('the raw text alone finds a number JSON.parse changes', () => {
    expect(findCardNumberInBody('{"n":1000000000000000009}', JSON.parse('{"n":1000000000000000009}'))).toEqual({
      digits: '1000000000000000009',
      field: undefined,
    });
  });
});

describe('bounded work for any input', () => {
  test('a body nested 100,000 levels deep is walked without recursion', () => {
    const depth = 100_000;
    const text = `${'['.repeat(depth)}"4242424242424242"${']'.repeat(depth)}`;
    const found = findCardNumberInBody(text, JSON.parse(text));
    expect(found?.digits).toBe('4242424242424242');
    expect(found?.field?.split('.')).toHaveLength(depth);
  });
  test('a megabyte of one-digit groups is read once, each group at most 19 times', () => {
    const text = '1 '.repeat(512 * 1024);
    const started = performance.now();
    expect(findCardNumber(text)).toBeUndefined();
    // Linear work takes a few tens of milliseconds here; a quadratic scan would take minutes.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});
