import { describe, expect, it } from 'vitest';
import { compareFields, fieldsOf } from './fields.ts';

const document = {
  components: {
    schemas: {
      Base: { type: 'object', required: ['id'], properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['a', 'b'] } } },
      Item: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } },
    },
  },
};
const of = (schema: unknown) => fieldsOf(document, schema);

describe('fieldsOf', () => {
  it('merges allOf members, follows $refs, and names array items with []', () => {
    const fields = of({
      allOf: [
        { $ref: '#/components/schemas/Base' },
        { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
      ],
    });
    expect(Object.fromEntries([...fields].map(([name, f]) => [name, [f.types, f.required, f.enum]]))).toEqual({
      id: ['string', true, null],
      kind: ['string', false, ['a', 'b']],
      items: ['array', true, null],
      'items[]': ['object', true, null],
      'items[].name': ['string', true, null],
    });
    expect(fields.get('items[].name')?.pointer).toBe('/properties/items/items/properties/name');
  });

  it("keeps every allOf part of a property they both name (a webhook: Event's data and the resource)", () => {
    const fields = of({
      allOf: [
        { type: 'object', properties: { data: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
        { type: 'object', required: ['data'], properties: { data: { $ref: '#/components/schemas/Item' } } },
      ],
    });
    expect(Object.fromEntries([...fields].map(([name, f]) => [name, f.required]))).toEqual({ data: true, 'data.id': true, 'data.name': true });
  });

  it('counts a field of any oneOf variant', () => {
    expect([...of({ oneOf: [{ properties: { card: { type: 'object' } } }, { properties: { paypay: { type: 'object' } } }] }).keys()]).toEqual([
      'card',
      'paypay',
    ]);
  });
});

describe('compareFields', () => {
  const before = of({
    type: 'object',
    required: ['id', 'data'],
    properties: { id: { type: 'string' }, data: { type: 'object', properties: { x: { type: 'integer' } } }, kind: { type: 'string', enum: ['a'] } },
  });

  it('reports the outermost removed field only, and an added one outside new objects', () => {
    const after = of({
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, kind: { type: 'string', enum: ['a'] }, extra: { type: 'object', properties: { y: { type: 'string' } } } },
    });
    expect(compareFields(before, after).map((c) => c.detail)).toEqual(['data removed', 'extra added']);
  });

  it('reports a retyped field, one no longer required, and a new enum value', () => {
    const after = of({
      type: 'object',
      required: ['data'],
      properties: {
        id: { type: ['string', 'null'] },
        data: { type: 'object', properties: { x: { type: 'integer' } } },
        kind: { type: 'string', enum: ['a', 'b'] },
      },
    });
    expect(compareFields(before, after).map((c) => [c.kind, c.detail])).toEqual([
      ['retyped', 'id retyped string → null|string'],
      ['optional', 'id no longer always sent'],
      ['enum-value-added', 'kind may now be b'],
    ]);
  });

  it('finds nothing when only the order of keys differs', () => {
    const after = of({
      properties: { kind: { enum: ['a'], type: 'string' }, data: { properties: { x: { type: 'integer' } }, type: 'object' }, id: { type: 'string' } },
      required: ['data', 'id'],
      type: 'object',
    });
    expect(compareFields(before, after)).toEqual([]);
  });
});
