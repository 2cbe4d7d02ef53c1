// contract/baseline-errors (bundle): every operation answers the statuses of the codes that apply to every
// operation (the catalog's `applies_to: every`), and writes also list the idempotency codes.
import { expect, it } from 'vitest';
import { everyOperationStatuses, loadCatalog } from '../../scripts/lib/catalog.ts';
import { lintWith, ok, spec } from './support.ts';

const catalog = loadCatalog();
const STATUSES = everyOperationStatuses(catalog);
const WRITE_CODES = catalog.filter((def) => def.appliesTo === 'writes').map((def) => def.code);
const answering = (statuses: string[]) => ({ ...ok(), ...Object.fromEntries(statuses.map((status) => [status, { description: 'error' }])) });

it('takes an operation with every baseline status, and a write that lists the idempotency codes too', async () => {
  const document = spec({
    '/v2/things': {
      get: { operationId: 'getThings', responses: answering(STATUSES) },
      post: { operationId: 'createThing', responses: answering(STATUSES), 'x-errors': WRITE_CODES },
    },
  });
  expect(await lintWith('baseline-errors', document)).toEqual([]);
});

it('refuses an operation without one of them, at the operation', async () => {
  // 403 and 400 too: those come from the catalog's `applies_to: every`, not from a list in the rule.
  for (const status of ['429', '403', '400']) {
    const found = await lintWith(
      'baseline-errors',
      spec({ '/v2/things': { get: { operationId: 'getThings', responses: answering(STATUSES.filter((s) => s !== status)) } } }),
    );
    expect(found.map((f) => [f.message, f.pointer])).toEqual([[`getThings: missing response ${status}`, '#/paths/~1v2~1things/get']]);
  }
});

it('refuses a write without the idempotency codes', async () => {
  const found = await lintWith(
    'baseline-errors',
    spec({ '/v2/things': { post: { operationId: 'createThing', responses: answering(STATUSES), 'x-errors': WRITE_CODES.slice(1) } } }),
  );
  expect(found.map((f) => f.message)).toEqual([`createThing: missing ${WRITE_CODES[0]}`]);
});
