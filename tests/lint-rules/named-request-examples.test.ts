// contract/named-request-examples: each request example is named as the response example it produces, so that
// example-driven tools (Specmatic) send each one as written.
import { expect, it } from 'vitest';
import { body, lintWith, ok, spec } from './support.ts';

const ID = { name: 'thing_id', in: 'path', required: true, schema: { type: 'string' } };
const update = (extra: object) => spec({ '/v2/things/{thing_id}': { post: { operationId: 'updateThing', responses: ok('thing'), ...extra } } });
const messages = async (document: object) => (await lintWith('named-request-examples', document)).map((f) => f.message);

it('takes a body and a path parameter whose examples are named as the answers', async () => {
  expect(await messages(update({ parameters: [{ ...ID, examples: { thing: { value: 'thg_1' } } }], requestBody: body({ thing: { name: 'a' } }) }))).toEqual([]);
});

it('refuses a bare request example, at it', async () => {
  const media = { schema: { type: 'object' }, example: { name: 'a' } };
  const found = await lintWith(
    'named-request-examples',
    update({ parameters: [{ ...ID, example: 'thg_1' }], requestBody: { content: { 'application/json': media } } }),
  );
  expect(found.map((f) => [f.message, f.pointer])).toContainEqual([
    'updateThing: a request example needs a name: write it under examples, named as the response example it produces',
    '#/paths/~1v2~1things~1{thing_id}/post/requestBody/content/application~1json/example',
  ]);
});

it('refuses a request example named as no answer, and a success example without its request', async () => {
  expect(await messages(update({ parameters: [{ ...ID, example: 'thg_1' }], requestBody: body({ renamed: { name: 'a' } }) }))).toEqual([
    "updateThing: request example 'renamed' names no response example of the operation (successes: thing; errors: their codes): name it as the answer it produces",
    "updateThing: success example 'thing' has no request example of that name in the request body: example-driven tools then send a body of their own making",
  ]);
});

it('refuses a path parameter with named examples that lacks a request, and an example of it that no answer names', async () => {
  const parameter = { ...ID, examples: { thign: { value: 'thg_1' } } };
  expect(await messages(update({ parameters: [parameter], requestBody: body({ thing: { name: 'a' } }) }))).toEqual([
    "updateThing: success example 'thing' has no example of that name in path parameter thing_id: example-driven tools then invent the ID",
    "parameter thing_id: example 'thign' is named as no response example of the operations that use it",
  ]);
});
