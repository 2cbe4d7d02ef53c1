// contract/error-codes-known: x-errors names catalog codes only; error responses come from the catalog.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

const operation = (extra: object) => spec({ '/v2/things': { post: { operationId: 'createThing', responses: ok(), ...extra } } });

it('takes catalog codes, bare or with the reason we add them', async () => {
  expect(await lintWith('error-codes-known', operation({ 'x-errors': ['not_found', { card_declined: 'why we add it' }] }))).toEqual([]);
});

it('refuses an unknown code at its entry', async () => {
  expect(await lintWith('error-codes-known', operation({ 'x-errors': ['not_found', 'not_fuond'] }))).toEqual([
    {
      message: "createThing: unknown error code 'not_fuond': it is not in openapi/errors/catalog.yaml",
      pointer: '#/paths/~1v2~1things/post/x-errors/1',
      line: expect.any(Number),
    },
  ]);
});

it('refuses an entry that is neither a code nor {code: reason}, and x-errors that is no list', async () => {
  const [entry] = await lintWith('error-codes-known', operation({ 'x-errors': [{ not_found: 3 }] }));
  expect(entry?.message).toMatch(/^createThing: an x-errors entry is a code the client names for this operation, or \{code: why we add it\}; got/);
  expect(entry?.pointer).toBe('#/paths/~1v2~1things/post/x-errors/0');
  expect((await lintWith('error-codes-known', operation({ 'x-errors': 'not_found' }))).map((f) => f.message)).toEqual([
    'x-errors must be a list of error codes',
  ]);
});

it('refuses an error response written by hand', async () => {
  const found = await lintWith('error-codes-known', operation({ responses: { ...ok(), '404': { description: 'Gone.' } } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    ['createThing: response 404 is written by hand; list its codes in x-errors and the catalog writes it', '#/paths/~1v2~1things/post/responses/404'],
  ]);
});
