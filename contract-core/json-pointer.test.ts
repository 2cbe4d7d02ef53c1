// JSON pointers (RFC 6901): written and read back, with the escapes and the array indexes the RFC gives.
import { describe, expect, test } from 'vitest';
import { pointerOf, segmentsOf, valueAt } from './json-pointer.ts';

const document = { 'a/b': { '~c': [10, 20] }, list: [{ id: 'x' }], $ref: 'kept' };

describe('JSON pointers', () => {
  test('escape ~ as ~0 and / as ~1, and read them back (RFC 6901 §3, §4)', () => {
    expect(pointerOf('paths', '/v2/customers', 'a~b', 0)).toBe('/paths/~1v2~1customers/a~0b/0');
    expect(segmentsOf('/paths/~1v2~1customers/a~0b/0')).toEqual(['paths', '/v2/customers', 'a~b', '0']);
    expect(segmentsOf('/~01')).toEqual(['~1']);
    expect(segmentsOf('')).toEqual([]);
  });

  test('name values in objects and arrays; nothing where there is none', () => {
    expect(valueAt(document, '')).toBe(document);
    expect(valueAt(document, pointerOf('a/b', '~c', 1))).toBe(20);
    expect(valueAt(document, '/list/0/id')).toBe('x');
    expect([valueAt(document, '/list/01'), valueAt(document, '/list/length'), valueAt(document, '/nothing/here')]).toEqual([undefined, undefined, undefined]);
  });

  test('apply `through` to each node before stepping into it', () => {
    const seen: unknown[] = [];
    expect(valueAt(document, '/list/0/id', (node) => (seen.push(node), node))).toBe('x');
    expect(seen).toEqual([document, document.list, document.list[0]]);
  });
});
