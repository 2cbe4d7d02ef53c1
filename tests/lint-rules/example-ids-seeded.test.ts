// contract/example-ids-seeded: the objects a request example names exist in a fresh sandbox, and a request
// named not_found names one that does not.
import { expect, it } from 'vitest';
import { EXAMPLE_OBJECTS } from '../../contract-core/example-objects.ts';
import { body, lintWith, ok, spec } from './support.ts';

const create = (examples: Record<string, unknown>) =>
  spec({ '/v2/things': { post: { operationId: 'createThing', requestBody: body(examples), responses: ok('thing'), 'x-errors': ['not_found'] } } });

it('takes an example naming seeded objects, and a not_found one naming a missing object', async () => {
  expect(await lintWith('example-ids-seeded', create({ thing: { customer_id: EXAMPLE_OBJECTS.customer }, not_found: { customer_id: 'cus_missing' } }))).toEqual(
    [],
  );
});

it('refuses an example naming an object a fresh sandbox does not hold, at the example', async () => {
  const found = await lintWith('example-ids-seeded', create({ thing: { customer_id: 'cus_taro_yamda' } }));
  expect(found.map((f) => [f.message, f.pointer])).toEqual([
    [
      "example 'thing' names cus_taro_yamda, which a fresh sandbox does not hold: name an object of contract-core/example-objects.ts, or add it there and to sandbox/resources/seed.ts",
      '#/paths/~1v2~1things/post/requestBody/content/application~1json/examples/thing',
    ],
  ]);
});

it('refuses a not_found example naming only objects that exist', async () => {
  expect((await lintWith('example-ids-seeded', create({ thing: {}, not_found: { customer_id: EXAMPLE_OBJECTS.customer } }))).map((f) => f.message)).toEqual([
    "createThing: request 'not_found' names only objects a fresh sandbox holds: it must name one that does not exist",
  ]);
});
