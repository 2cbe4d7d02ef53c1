// The Idempotency-Key cases: a key of the wrong format, and one key for two different requests.
import { describe, expect, test } from 'vitest';
import { INVALID_IDEMPOTENCY_KEY, idempotencyCases, variant } from './idempotency.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';

const cases = (operationId: string) => new Map(idempotencyCases(contextOf(operationId)).map((s) => [s.name, s]));

describe('idempotencyCases', () => {
  test('400 for a key of the wrong format, with the valid request otherwise', async () => {
    const step = cases('updateCustomer').get('400 invalid_idempotency_key')!;
    const parts = await step.request(stubRun(false));
    expect(parts.headers).toEqual({ 'idempotency-key': INVALID_IDEMPOTENCY_KEY });
    expect(parts.body).toEqual(operation('updateCustomer').requestBody?.example);
  });

  test('409 on a stateful target: the first request under a new key succeeds, the second changes the body', async () => {
    const step = cases('updateCustomer').get('409 idempotency_conflict (same key, other body)')!;
    const run = stubRun(true);
    const second = await step.request(run);
    expect(run.sent).toHaveLength(1);
    const first = run.sent[0]!;
    expect(first.headers?.['idempotency-key']).toMatch(/^contract-/);
    expect(second.headers).toEqual(first.headers);
    expect(second.params).toEqual({ customer_id: 'customer_id-made' });
    expect(second.body).not.toEqual(first.body);
  });

  test('409 fails to prepare when the first request under the key does not succeed', async () => {
    const step = cases('updateCustomer').get('409 idempotency_conflict (same key, other body)')!;
    await expect(step.request(stubRun(true, () => ({ status: 404, body: { code: 'not_found' } })))).rejects.toThrow(
      /the first request under the key answered 404/,
    );
  });

  test('409 with another object of the path when no field of the body makes another request', async () => {
    const step = cases('createBalanceUrl').get('409 idempotency_conflict (same key, other body)')!;
    const second = await step.request(stubRun(true));
    expect(second.params).toEqual({ balance_id: 'balance_id-other' });
  });

  test('none for an operation that takes no key', () => {
    expect(cases('getCustomer').size).toBe(0);
  });

  test('variant changes metadata first, and is undefined when the body has no field to change', () => {
    expect(variant(operation('updateCustomer'), { email: 'a@example.jp' })).toEqual({ email: 'a@example.jp', metadata: { contract_variant: 'b' } });
    expect(variant(operation('createBalanceUrl'), undefined)).toBeUndefined();
  });
});
