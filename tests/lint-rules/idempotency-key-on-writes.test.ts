// contract/idempotency-key-on-writes: every write of the API takes the Idempotency-Key header.
import { expect, it } from 'vitest';
import { lintWith, ok, spec } from './support.ts';

const KEY = { in: 'header', name: 'Idempotency-Key', schema: { type: 'string' } };

it('refuses a POST without it, at the operation', async () => {
  const found = await lintWith('idempotency-key-on-writes', spec({ '/v2/things': { post: { operationId: 'createThing', responses: ok() } } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([['createThing: a POST needs the Idempotency-Key header parameter', '#/paths/~1v2~1things/post']]);
});

it('takes a write with it, a read without it, and a webhook (a request PAY.JP sends) without it', async () => {
  const document = spec(
    { '/v2/things': { post: { operationId: 'createThing', parameters: [KEY], responses: ok() }, get: { operationId: 'getThings', responses: ok() } } },
    { webhooks: { 'thing.created': { post: { operationId: 'eventThingCreated', responses: ok() } } } },
  );
  expect(await lintWith('idempotency-key-on-writes', document)).toEqual([]);
});
