// Idempotency keys: replay of the same request, conflict for other parameters, timeout while the first runs,
// malformed keys; which answers are stored for replay (the catalog's `replay`); and a key released when the
// first attempt failed with a 5xx.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CATALOG } from '../generated/error-catalog.ts';
import { type Answer, type Client, type RequestOptions, cardBody, sandboxClient } from './test-support.ts';

describe('without latency', () => {
  let client: Client;
  beforeAll(async () => {
    client = await sandboxClient();
  });
  afterAll(() => client.close());
  const withKey = (key: string) => ({ headers: { 'idempotency-key': key } });

  it('replays the stored response for the same key and request, without doing it twice', async () => {
    const first = await client.post('/v2/customers', { email: 'once@example.jp', metadata: { a: 1, b: 2 } }, withKey('create-once'));
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // Same parameters in another key order are the same request.
    const again = await client.post('/v2/customers', { metadata: { b: 2, a: 1 }, email: 'once@example.jp' }, withKey('create-once'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const all = await client.ok('GET', '/v2/customers?limit=100');
    expect(all.data.filter((c: { email: string }) => c.email === 'once@example.jp')).toHaveLength(1);
  });

  it('replays errors too (same status and body)', async () => {
    const first = await client.post('/v2/payment_refunds', { payment_flow_id: 'pfw_missing' }, withKey('refund-missing'));
    const again = await client.post('/v2/payment_refunds', { payment_flow_id: 'pfw_missing' }, withKey('refund-missing'));
    expect(first.status).toBe(404);
    expect([again.status, again.body]).toEqual([first.status, first.body]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('stores for replay exactly the answers the catalog marks stored; the others are carried out again', async () => {
    const customer = (await client.ok('POST', '/v2/customers', {})).id;
    const card = async (token: string) => (await client.ok('POST', '/v2/payment_methods', cardBody(token, { customer_id: customer }))).id;
    const pay = async (token: string) => ({
      body: { amount: 1000, currency: 'jpy', customer_id: customer, payment_method_id: await card(token), confirm: true },
    });
    const cases: [string, string, RequestOptions][] = [
      ['/v2/payment_flows', 'processing_error', await pay('tok_processing_error')],
      ['/v2/payment_flows', 'card_declined', await pay('tok_card_declined')],
      ['/v2/payment_refunds', 'not_found', { body: { payment_flow_id: 'pfw_missing' } }],
      ['/v2/customers', 'validation_error', { body: { sandbox_unknown_field: 1 } }],
      ['/v2/customers', 'invalid_request', { raw: '{"email": ' }],
      ['/v2/customers', 'card_number_not_allowed', { body: { description: '4242424242424242' } }],
    ];
    for (const [path, code, request] of cases) {
      const key = { ...request, headers: { 'idempotency-key': `replay-${code}` } };
      const [first, again] = [await client.call('POST', path, key), await client.call('POST', path, key)];
      expect([first.body.code, again.body.code], code).toEqual([code, code]);
      const stored = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].replay === 'stored';
      expect(again.headers.get('idempotent-replayed'), `${code} is ${stored ? '' : 'not '}stored`).toBe(stored ? 'true' : null);
    }
    // A stored 402 processing_error is only replayed under its key: a new attempt goes under a new key.
    const retry = await client.call('POST', '/v2/payment_flows', { ...cases[0]![2], headers: { 'idempotency-key': 'replay-processing_error-2' } });
    expect([retry.body.code, retry.headers.get('idempotent-replayed')]).toEqual(['processing_error', null]);
  });

  it('answers 409 idempotency_conflict for other parameters or another path under the key', async () => {
    await client.post('/v2/customers', { email: 'x@example.jp' }, withKey('reused'));
    expect((await client.post('/v2/customers', { email: 'y@example.jp' }, withKey('reused'))).body.code).toBe('idempotency_conflict');
    expect((await client.post('/v2/products', { name: 'x' }, withKey('reused'))).body.code).toBe('idempotency_conflict');
  });

  it('scopes keys by API key', async () => {
    await client.post('/v2/customers', { email: 'scoped@example.jp' }, withKey('scoped'));
    const other = await client.call('POST', '/v2/customers', { body: { email: 'other@example.jp' }, key: 'sk_test_anotherAccount', ...withKey('scoped') });
    expect(other.status).toBe(200);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
  });

  it.each(['', 'has space', 'a'.repeat(256), 'clé'])('answers 400 invalid_idempotency_key for %j', async (key) => {
    expect((await client.post('/v2/customers', {}, withKey(key))).body.code).toBe('invalid_idempotency_key');
  });
});

describe('while the first request is running', () => {
  let client: Client;
  beforeAll(async () => {
    client = await sandboxClient({ latencyMs: 300, idempotencyWaitMs: 50 });
  });
  afterAll(() => client.close());

  it('answers 409 idempotency_timeout with Retry-After, then replays once the first is done', async () => {
    const options = { headers: { 'idempotency-key': 'concurrent-1' } };
    const first = client.post('/v2/customers', { email: 'slow@example.jp' }, options);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const duplicate = await client.post('/v2/customers', { email: 'slow@example.jp' }, options);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('idempotency_timeout');
    expect(duplicate.headers.get('retry-after')).toMatch(/^\d+$/);
    const original = await first;
    const later = await client.post('/v2/customers', { email: 'slow@example.jp' }, options);
    expect(later.body).toEqual(original.body);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('after an injected 500', () => {
  it('releases the key, so that a retry under it is processed (once)', async () => {
    const client = await sandboxClient({ errorRate: 0.5, seed: 7 });
    try {
      const options = { headers: { 'idempotency-key': 'retry-after-500' } };
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 20 && statuses.at(-1) !== 200; attempt += 1)
        statuses.push((await client.post('/v2/customers', { email: 'retried@example.jp' }, options)).status);
      expect(statuses).toContain(500);
      expect(statuses.at(-1)).toBe(200);
      // Half of all requests are injected 500s: send until one is not.
      const past500 = async (send: () => Promise<Answer>): Promise<Answer> => {
        let answer = await send();
        for (let attempt = 0; attempt < 20 && answer.status === 500; attempt += 1) answer = await send();
        return answer;
      };
      const again = await past500(() => client.post('/v2/customers', { email: 'retried@example.jp' }, options));
      expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
      const all = await past500(() => client.get('/v2/customers?limit=100'));
      expect(all.body.data.filter((c: { email: string }) => c.email === 'retried@example.jp')).toHaveLength(1);
    } finally {
      await client.close();
    }
  });
});
