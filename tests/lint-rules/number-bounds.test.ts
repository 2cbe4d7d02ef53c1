// contract/number-bounds: every number has both bounds, or a generating tool sends values the server rounds.
import { expect, it } from 'vitest';
import { lintWith, spec } from './support.ts';

const withSchemas = (schemas: object) => spec({}, { components: { schemas } });

it('refuses a number without a bound, at the schema', async () => {
  const found = await lintWith('number-bounds', withSchemas({ Quantity: { type: 'integer', minimum: 1 }, Amount: { type: ['number', 'null'] } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      'a number without maximum: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)',
      '#/components/schemas/Quantity',
    ],
    [
      'a number without minimum and maximum: give the bounds the API has, with their evidence in x-evidence (published, client, or inferred and why)',
      '#/components/schemas/Amount',
    ],
  ]);
});

it('takes exclusive bounds and other types', async () => {
  expect(await lintWith('number-bounds', withSchemas({ Rate: { type: 'number', exclusiveMinimum: 0, maximum: 100 }, Name: { type: 'string' } }))).toEqual([]);
});

it('reads a number typed beside a $ref with the schema it references (Redocly hands rules the referenced schema alone)', async () => {
  const found = await lintWith(
    'number-bounds',
    withSchemas({ Code: { type: 'string' }, Price: { type: 'object', properties: { currency: { $ref: '#/components/schemas/Code', type: 'integer' } } } }),
  );
  expect(found.map((f) => f.pointer)).toEqual(['#/components/schemas/Price/properties/currency']);
});
