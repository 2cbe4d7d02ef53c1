// inOrder lays a server's steps out in the table's order, each server's own steps right after the check they follow.
import { expect, it } from 'vitest';
import { REQUEST_CHECKS, inOrder } from './request-checks.ts';

it("puts every check in the table's order, a server's own steps after the check they follow", () => {
  const checks = Object.fromEntries(REQUEST_CHECKS.map(({ check }) => [check, check])) as Record<(typeof REQUEST_CHECKS)[number]['check'], string>;
  expect(inOrder(checks, { key: ['rate limit'], route: ['faults', 'more faults'] })).toEqual([
    'target',
    'key',
    'rate limit',
    'route',
    'faults',
    'more faults',
    'idempotency-key',
    'body',
    'publishable-key',
    'query',
  ]);
});
