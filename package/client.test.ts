// The typed client against a sandbox: the key sent, the success body, a problem as `error` that the guard
// recognises for its operation, and headers given in any form kept.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';
import { createPayjpClient, isProblemOf } from './client.ts';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('createPayjpClient', () => {
  test('sends the key, answers the success body, and a problem the operation answers as `error`', async () => {
    const payjp = createPayjpClient({ baseUrl: sandbox.url, secretKey: 'sk_test_clientTest1', headers: new Headers({ 'x-request-source': 'client.test' }) });
    const sent: (string | null)[] = [];
    payjp.use({ onRequest: ({ request }) => void sent.push(request.headers.get('x-request-source'), request.headers.has('authorization') ? 'key' : null) });
    const created = await payjp.POST('/v2/customers', { body: { email: 'typed@example.com' }, params: { header: { 'Idempotency-Key': 'client-test-1' } } });
    expect(created.error).toBeUndefined();
    expect(created.data?.email).toBe('typed@example.com');
    expect(sent).toEqual(['client.test', 'key']);
    const missing = await payjp.GET('/v2/customers/{customer_id}', { params: { path: { customer_id: 'cus_doesNotExist0' } } });
    expect(missing.error?.code).toBe('not_found');
    expect(isProblemOf('getCustomer', missing.error)).toBe(true);
    expect(isProblemOf('getAllCustomers', missing.error)).toBe(false);
  });
  test('without a key the API answers 401 unauthorized; no baseUrl is an error', async () => {
    const { error, response } = await createPayjpClient({ baseUrl: sandbox.url }).GET('/v2/customers');
    expect([response.status, error?.code]).toEqual([401, 'unauthorized']);
    expect(() => createPayjpClient({ baseUrl: '' })).toThrow('baseUrl is required');
  });
});
