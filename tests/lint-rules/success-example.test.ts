// contract/success-example: every success response shows an example, which the mock answers with.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

it('refuses a success response without an example, and takes an error response without one', async () => {
  const responses = {
    '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
    '404': { description: 'gone', content: { 'application/json': { schema: { type: 'object' } } } },
  };
  const found = await lintWith('success-example', spec({ '/v2/things': { get: { operationId: 'getThings', responses } } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    ['a success response needs an example', '#/paths/~1v2~1things/get/responses/200/content/application~1json'],
  ]);
});

it('takes one with an example', async () => {
  expect(await lintWith('success-example', spec({ '/v2/things': { get: { operationId: 'getThings', responses: ok() } } }))).toEqual([]);
});
