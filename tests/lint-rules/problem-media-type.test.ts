// contract/problem-media-type (bundle): every error answer is application/problem+json and nothing else.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

const answering = (content: object) =>
  spec({ '/v2/things': { get: { operationId: 'getThings', responses: { ...ok(), '400': { description: 'bad', content } } } } });

it('refuses an error answered as application/json, at the response', async () => {
  const found = await lintWith('problem-media-type', answering({ 'application/json': { schema: { type: 'object' } } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    ['error response 400 must have exactly application/problem+json content (has application/json)', '#/paths/~1v2~1things/get/responses/400'],
  ]);
});

it('takes problem+json alone', async () => {
  expect(await lintWith('problem-media-type', answering({ 'application/problem+json': { schema: { type: 'object' } } }))).toEqual([]);
});
