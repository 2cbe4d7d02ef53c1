// contract/no-time-in-request-example: a request example holds no literal time, which would go stale.
import { expect, it } from 'vitest';
import { body, lintWith, ok, spec } from './support.ts';

const operation = (example: unknown) => ({ post: { operationId: 'createThing', requestBody: body({ thing: example }), responses: ok() } });

it('refuses a literal time, at its example, with the pointer to it', async () => {
  const found = await lintWith('no-time-in-request-example', spec({ '/v2/things': operation({ locale: 'ja', expires_at: '2026-11-24T03:00:00Z' }) }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      'a request example holds the literal time 2026-11-24T03:00:00Z at examples/thing/expires_at: it goes stale; leave the field out of the example (clients compute times from now)',
      '#/paths/~1v2~1things/post/requestBody/content/application~1json/examples/thing',
    ],
  ]);
});

it('takes an example without one, and a webhook body (a past moment PAY.JP sends) with one', async () => {
  const document = spec(
    { '/v2/things': operation({ locale: 'ja', day: '2026-11-24' }) },
    { webhooks: { 'thing.created': operation({ created_at: '2026-11-24T03:00:00Z' }) } },
  );
  expect(await lintWith('no-time-in-request-example', document)).toEqual([]);
});
