// The behaviour cases: which an operation gets, their shape-only form on a stateless target, and what the
// pagination case finds wrong in the pages of a stateful one.
import { describe, expect, test } from 'vitest';
import type { Exchange, SendRequest } from '../client.ts';
import { behaviourCases } from './behaviour.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';

const named = (operationId: string) => new Map(behaviourCases(contextOf(operationId)).map((s) => [s.name, s]));
const PAGINATION = 'pagination: pages of one agree with the whole list';

describe('behaviourCases', () => {
  test('a replay for an operation that takes a key; pagination and a filter for a list', () => {
    expect([...named('updateCustomer').keys()]).toEqual(['replay: same key, same request']);
    expect(named('getAllCustomers').has(PAGINATION)).toBe(true);
    expect(named('getCustomer').size).toBe(0);
  });

  test("on a stateless target: the success's request, and no check (nothing to compare)", async () => {
    const step = named('updateCustomer').get('replay: same key, same request')!;
    const parts = await step.request(stubRun(false));
    expect(parts.body).toEqual(operation('updateCustomer').requestBody?.example);
    expect(step.check!({ id: 'another' }, { response: { headers: new Headers() } } as Exchange)).toEqual([]);
  });

  test('on a stateful target: the page after the first must begin with the second object of the whole list', async () => {
    const whole = { data: [{ id: 'cus_1' }, { id: 'cus_2' }], has_more: false };
    const answer = (request: SendRequest) =>
      request.query?.['limit'] === 1 ? { status: 200, body: { data: [{ id: 'cus_1' }], has_more: true } } : { status: 200, body: whole };
    const step = named('getAllCustomers').get(PAGINATION)!;
    const parts = await step.request(stubRun(true, answer));
    expect(parts.query).toEqual({ limit: 1, starting_after: 'cus_1' });
    expect(step.check!({ data: [{ id: 'cus_2' }], has_more: false }, undefined as never)).toEqual([]);
    expect(step.check!({ data: [{ id: 'cus_3' }], has_more: false }, undefined as never)).toEqual(['the page after cus_1 begins with cus_3, not cus_2']);
  });
});
