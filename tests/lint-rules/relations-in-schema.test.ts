// contract/relations-in-schema: a relation stated in words has its machine-readable counterpart: in the schema
// for fields, in x-parameter-rules for query parameters.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

const contact = (extra: object = {}) =>
  spec(
    {},
    {
      components: {
        schemas: {
          Contact: {
            type: 'object',
            properties: { email: { type: 'string' }, phone: { type: 'string', description: 'This or `email` is required.' } },
            ...extra,
          },
        },
      },
    },
  );

it('refuses a relation between fields in words only, at the field', async () => {
  const found = await lintWith('relations-in-schema', contact());
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      'property phone: the description states a relation ("This or `email` is required") the schema does not: add its anyOf/oneOf/if/not/dependentRequired/dependentSchemas counterpart',
      '#/components/schemas/Contact/properties/phone',
    ],
  ]);
  expect(await lintWith('relations-in-schema', contact({ anyOf: [{ required: ['email'] }, { required: ['phone'] }] }))).toEqual([]);
});

const cursor = (name: string) => ({ name, in: 'query', schema: { type: 'string' }, description: 'Not together with the other cursor.' });
const list = (extra: object) =>
  spec({ '/v2/things': { get: { operationId: 'getThings', parameters: [cursor('starting_after'), cursor('ending_before')], responses: ok(), ...extra } } });

it('refuses a relation between query parameters without x-parameter-rules', async () => {
  expect((await lintWith('relations-in-schema', list({}))).map((f) => f.message)).toEqual([
    'getThings: parameter starting_after\'s description states a relation ("Not together with") that x-parameter-rules does not',
    'getThings: parameter ending_before\'s description states a relation ("Not together with") that x-parameter-rules does not',
  ]);
  expect(await lintWith('relations-in-schema', list({ 'x-parameter-rules': [{ mutuallyExclusive: ['starting_after', 'ending_before'] }] }))).toEqual([]);
});

it('refuses x-parameter-rules naming what is no query parameter, or outside the vocabulary', async () => {
  const unknown = await lintWith('relations-in-schema', list({ 'x-parameter-rules': [{ mutuallyExclusive: ['starting_after', 'ending_before', 'cursor'] }] }));
  expect(unknown.map((f) => f.message)).toEqual(["getThings: x-parameter-rules names 'cursor', which is not a query parameter of the operation"]);
  const malformed = await lintWith('relations-in-schema', list({ 'x-parameter-rules': [{ exclusive: ['starting_after', 'ending_before'] }] }));
  expect(malformed[0]?.message).toMatch(/^getThings: x-parameter-rules\[0\] must be \{mutuallyExclusive: \[two or more parameter names\]\}/);
});
