// inOrder lays a server's steps out in the table's order, each server's own steps right after the check they
// follow; answeredBy runs them until one answers.
import { expect, it } from 'vitest';
import { ANSWERED, REQUEST_CHECKS, answeredBy, inOrder } from './request-checks.ts';

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

it('runs the steps until one answers, awaiting those that return a promise', async () => {
  const ran: string[] = [];
  const step =
    (name: string, outcome?: typeof ANSWERED, later = false) =>
    () => {
      ran.push(name);
      return later ? Promise.resolve(outcome) : outcome;
    };
  expect(await answeredBy([step('a'), step('b', undefined, true), step('c', ANSWERED, true), step('d')], {})).toBe(true);
  expect(ran).toEqual(['a', 'b', 'c']);
  expect(await answeredBy([step('e'), step('f', undefined, true)], {})).toBe(false);
});
