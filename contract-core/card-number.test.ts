// The card-number rule against its table of cases, and the bounds it keeps on any input.
import { describe, expect, test } from 'vitest';
import { CARD_NUMBER_CASES } from './card-number.cases.ts';
import { BRANDS, brandOf, findCardNumber, findCardNumberInBody, maskCard, passesLuhn } from './card-number.ts';

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
  test("each brand's issuer prefixes and lengths, at both ends of each range; a number just outside is no card", () => {
    const withCheckDigit = (body: string) => [...'0123456789'].map((d) => body + d).find(passesLuhn)!;
    const card = (prefix: number, length: number) => withCheckDigit(String(prefix).padEnd(length - 1, '0'));
    for (const brand of BRANDS) {
      for (const [low, high] of brand.prefixes) {
        for (const length of brand.lengths) {
          expect(brandOf(card(low, length)), `${brand.name} ${low} ${length}`).toBe(brand.name);
          expect(brandOf(card(high, length)), `${brand.name} ${high} ${length}`).toBe(brand.name);
        }
      }
    }
    expect([card(2220, 16), card(2721, 16), card(56, 16), card(3527, 16), card(3590, 16), card(306, 14), card(33, 15), card(6012, 16)].map(brandOf)).toEqual(
      Array(8).fill(undefined),
    );
    expect(brandOf(card(4, 13))).toBeUndefined();
  });
  test('the raw text alone finds a number JSON.parse changes', () => {
    // 4000000000000000006 is a Visa number; parsed, it is 4000000000000000000, which fails Luhn.
    expect(findCardNumberInBody('{"n":4000000000000000006}', JSON.parse('{"n":4000000000000000006}'))).toEqual({
      digits: '4000000000000000006',
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
