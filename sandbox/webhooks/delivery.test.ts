// Webhook delivery: what is sent where, pending_webhooks, retries, timeouts, the queue's bound, the log
// pages, and each fault, seeded. Receivers are local servers on 127.0.0.1 (contract-core/testing/); the
// payloads are the events as the API answers them (judged by the spec in tests/webhooks/, with the receiver
// tool merchants use).
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type Received, type TestReceiver, startReceiver, until } from '../../contract-core/testing/webhook-receiver.ts';
import type { SandboxOptions } from '../server.ts';
import { type Client, cardBody, sandboxClient } from '../test-support.ts';
import type { WebhookOptions } from './options.ts';

const TOKEN = 'whook_sandbox_delivery_test';
/** The schedule of minutes to hours in milliseconds: 1 min → 3 ms, 6 h → 1.1 s. */
const FAST = 0.00005;

let client: Client | undefined;
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await client?.close();
  client = undefined;
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(answer?: Parameters<typeof startReceiver>[0]): Promise<TestReceiver> {
  const started = await startReceiver(answer);
  receivers.push(started);
  return started;
}

async function sandbox(webhooks: WebhookOptions, options: SandboxOptions = {}): Promise<Client> {
  client = await sandboxClient({ ...options, webhooks: { token: TOKEN, ...webhooks } });
  return client;
}

/** A page of the sandbox's own (not the API's): status and JSON. */
async function page(path: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${client!.url}${path}`);
  return { status: response.status, body: await response.json() };
}

const settled = () => until('every delivery to settle', async () => (await page('/sandbox/webhooks')).body.active_deliveries === 0);
const createCustomers = async (count: number): Promise<string[]> => {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) ids.push((await client!.ok('POST', '/v2/customers', { email: `c${i}@example.jp` })).id);
  return ids;
};
/** The IDs of the events about `resourceIds`, in the order they were created. */
const eventsOf = async (resourceIds: readonly string[]): Promise<string[]> =>
  (await Promise.all(resourceIds.map(async (id) => (await client!.ok('GET', `/v2/events?resource_id=${id}`)).data.toReversed())))
    .flat()
    .map((event: { id: string }) => event.id);
const idsOf = (received: readonly Received[]) => received.map((request) => request.eventId);

describe('delivery', () => {
  it('posts each new event with the endpoint’s token, as the API answers it, after the request is answered', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }] });
    const customer = await client!.ok('POST', '/v2/customers', { email: 'hanako@example.jp' });
    await client!.ok('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer.id }));
    const events = (await client!.ok('GET', '/v2/events?limit=2')).data.toReversed();
    expect(events.map((event: { type: string }) => event.type)).toEqual(['customer.created', 'payment_method.attached']);
    await until('two deliveries', () => hook.received.length === 2);
    // Only what happened after start: the seeded customer's and payments' events are not sent.
    expect(idsOf(hook.received)).toEqual(events.map((event: { id: string }) => event.id));
    for (const [i, request] of hook.received.entries()) {
      expect(request.headers['x-payjp-webhook-token']).toBe(TOKEN);
      expect(request.headers['content-type']).toBe('application/json');
      // As listed, but sent while the endpoint had not yet acknowledged it.
      const { pending_webhooks: _pending, updated_at: _updated, ...asListed } = events[i];
      expect(JSON.parse(request.body)).toEqual({ ...asListed, pending_webhooks: 1, updated_at: expect.any(String) });
    }
  });

  it('counts the endpoints not yet acknowledged in pending_webhooks, and sends each only the types it asked for', async () => {
    const acknowledging = await receiver();
    const hanging = await receiver(() => 'hang');
    const attachedOnly = await receiver();
    await sandbox({ endpoints: [{ url: acknowledging.url }, { url: hanging.url }, { url: attachedOnly.url, types: ['payment_method.attached'] }] });
    const [customer] = await createCustomers(1);
    const method = await client!.ok('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer }));
    const [created, attached] = await eventsOf([customer!, method.id]);
    await until('the acknowledgements', () => acknowledging.received.length === 2 && attachedOnly.received.length === 1);
    await until('the events to count them', async () => (await client!.ok('GET', `/v2/events/${attached}`)).pending_webhooks === 1);
    // customer.created: 2 endpoints (one acknowledged); payment_method.attached: 3 (two acknowledged).
    expect((await client!.ok('GET', `/v2/events/${created}`)).pending_webhooks).toBe(1);
    expect(idsOf(attachedOnly.received)).toEqual([attached]);
    const log = (await page(`/sandbox/webhooks/deliveries?event_id=${attached}`)).body;
    expect(log).toMatchObject({ event_id: attached, pending_webhooks: 1 });
    expect(log.data.map((delivery: { endpoint: string; status: string }) => [delivery.endpoint, delivery.status])).toEqual([
      [acknowledging.url, 'succeeded'],
      [hanging.url, 'pending'],
      [attachedOnly.url, 'succeeded'],
    ]);
  });

  it('retries a non-2xx answer on the schedule, then marks the delivery failed', async () => {
    const failing = await receiver(() => 500);
    await sandbox({ endpoints: [{ url: failing.url }], timeScale: FAST });
    const [customer] = await createCustomers(1);
    const [event] = await eventsOf([customer!]);
    const summary = (await page('/sandbox/webhooks')).body;
    await until('the delivery to fail', async () => (await page(`/sandbox/webhooks/deliveries?event_id=${event}`)).body.data[0].status === 'failed');
    const [delivery] = (await page(`/sandbox/webhooks/deliveries?event_id=${event}`)).body.data;
    expect(delivery.attempts.map((attempt: { http_status: number }) => attempt.http_status)).toEqual([500, 500, 500, 500, 500, 500]);
    expect(delivery).toMatchObject({ note: 'no 2xx answer in 6 attempts', next_attempt_at: null });
    expect(failing.received).toHaveLength(6);
    // Each retry waited at least its turn of the schedule (timers fire no earlier, give or take a millisecond).
    const gaps = failing.received.slice(1).map((request, i) => request.at - failing.received[i]!.at);
    gaps.forEach((gap, i) => expect(gap).toBeGreaterThanOrEqual(summary.retry_delays_ms[i] - 1));
    expect((await client!.ok('GET', `/v2/events/${event}`)).pending_webhooks).toBe(1);
  });

  it('counts a timeout and a refused connection as failed attempts', async () => {
    const hanging = await receiver(() => 'hang');
    const closedPort = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    await sandbox({ endpoints: [{ url: hanging.url }, { url: `http://127.0.0.1:${closedPort}/hook` }], timeoutMs: 100, timeScale: FAST });
    const [event] = await eventsOf(await createCustomers(1));
    const deliveries = async () => (await page(`/sandbox/webhooks/deliveries?event_id=${event}`)).body.data;
    await until('two attempts each', async () => (await deliveries()).every((delivery: { attempts: unknown[] }) => delivery.attempts.length >= 2));
    const [timedOut, refused] = await deliveries();
    expect(timedOut.attempts[0]).toMatchObject({ http_status: null, error: 'no answer within 100 ms' });
    expect(timedOut.attempts[0].duration_ms).toBeGreaterThanOrEqual(99);
    expect(refused.attempts[0]).toMatchObject({ http_status: null, error: expect.stringMatching(/^ECONNREFUSED/) });
  });

  it('never holds up the API: an endpoint that never answers leaves requests unaffected, and the queue is bounded', async () => {
    const hanging = await receiver(() => 'hang');
    await sandbox({ endpoints: [{ url: hanging.url }], maxQueued: 3 });
    const customers = await createCustomers(10);
    const events = await eventsOf(customers);
    expect(events).toHaveLength(10);
    await until('the first delivery to be in flight', () => hanging.received.length === 1);
    const summary = (await page('/sandbox/webhooks')).body;
    expect(summary.active_deliveries).toBe(3);
    const statuses = await Promise.all(events.map(async (id) => (await page(`/sandbox/webhooks/deliveries?event_id=${id}`)).body.data[0]));
    expect(statuses.map((delivery) => delivery.status)).toEqual([...Array(3).fill('pending'), ...Array(7).fill('failed')]);
    expect(statuses[9].note).toBe('not sent: 3 deliveries were already waiting');
  });

  it('bounds the queue in characters of the events it holds too, whatever their size', async () => {
    // The size of a customer.created event, as a sandbox without endpoints records it.
    const measuring = await sandboxClient();
    const made = (await measuring.ok('POST', '/v2/customers', { email: 'c0@example.jp' })).id;
    const size = JSON.stringify((await measuring.ok('GET', `/v2/events?resource_id=${made}`)).data[0]).length;
    await measuring.close();
    const hanging = await receiver(() => 'hang');
    await sandbox({ endpoints: [{ url: hanging.url }], maxQueuedChars: Math.floor(2.5 * size) });
    const events = await eventsOf(await createCustomers(4));
    await until('the first delivery to be in flight', () => hanging.received.length === 1);
    const summary = (await page('/sandbox/webhooks')).body;
    expect(summary).toMatchObject({ active_deliveries: 2, active_chars: 2 * size, max_queued_chars: Math.floor(2.5 * size) });
    const statuses = await Promise.all(events.map(async (id) => (await page(`/sandbox/webhooks/deliveries?event_id=${id}`)).body.data[0]));
    expect(statuses.map((delivery) => delivery.status)).toEqual(['pending', 'pending', 'failed', 'failed']);
    expect(statuses[3].note).toBe(`not sent: the deliveries waiting already held ${Math.floor(2.5 * size)} characters of events`);
  });
});

describe('the delivery log pages', () => {
  it('answers the summary, the newest deliveries and one event’s, and says what is wrong otherwise', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }] });
    const events = await eventsOf(await createCustomers(3));
    await settled();
    const summary = (await page('/sandbox/webhooks')).body;
    expect(summary).toMatchObject({
      endpoints: [{ url: hook.url, types: null }],
      timeout_ms: 10_000,
      active_deliveries: 0,
      lost_events: { count: 0, newest: [] },
    });
    expect(JSON.stringify(summary)).not.toContain(TOKEN);
    const recent = (await page('/sandbox/webhooks/deliveries?limit=2')).body.data;
    expect(recent.map((delivery: { event_id: string }) => delivery.event_id)).toEqual([events[2], events[1]]);
    expect(recent[0]).toMatchObject({ status: 'succeeded', injected: null, attempts: [{ number: 1, http_status: 200, error: null }] });
    expect((await page('/sandbox/webhooks/deliveries?event_id=evnt_nothing')).status).toBe(404);
    for (const limit of ['0', '1001', 'ten', '']) expect((await page(`/sandbox/webhooks/deliveries?limit=${limit}`)).status, limit).toBe(400);
    expect((await page('/sandbox/webhooks/elsewhere')).status).toBe(404);
    // Not the API's namespace: no key needed, and no API route answers there.
    expect((await client!.get('/v2/sandbox/webhooks', {})).status).toBe(404);
  });

  it('says so when no webhooks are configured', async () => {
    client = await sandboxClient();
    const answer = await page('/sandbox/webhooks/deliveries');
    expect(answer).toMatchObject({ status: 404, body: { error: expect.stringContaining('SANDBOX_WEBHOOK_URLS') } });
  });
});

describe('faults, off by default and seeded', () => {
  it('lost events are never created: the API answers, the events list and the endpoints never see them', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }], lostEventRate: 1 });
    const customers = await createCustomers(3);
    expect(await eventsOf(customers)).toEqual([]);
    const summary = (await page('/sandbox/webhooks')).body;
    expect(summary.lost_events.count).toBe(3);
    expect(summary.lost_events.newest.map((lost: { resource_id: string }) => lost.resource_id)).toEqual(customers.toReversed());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(hook.received).toEqual([]);
    // The objects themselves are there: reconciling the resources finds what the events missed.
    for (const id of customers) expect((await client!.ok('GET', `/v2/customers/${id}`)).id).toBe(id);
  });

  it('dropped deliveries are never sent nor retried, and the event stays pending', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }], dropRate: 1 });
    const events = await eventsOf(await createCustomers(3));
    await settled();
    expect(hook.received).toEqual([]);
    for (const id of events) {
      const log = (await page(`/sandbox/webhooks/deliveries?event_id=${id}`)).body;
      expect(log).toMatchObject({ pending_webhooks: 1, data: [{ status: 'dropped', attempts: [] }] });
    }
  });

  it('duplicated deliveries arrive twice and are acknowledged once', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }], duplicateRate: 1 });
    const events = await eventsOf(await createCustomers(2));
    await settled();
    expect(idsOf(hook.received)).toEqual([events[0], events[0], events[1], events[1]]);
    for (const id of events) {
      const log = (await page(`/sandbox/webhooks/deliveries?event_id=${id}`)).body;
      expect(log.pending_webhooks).toBe(0);
      expect(log.data.map((delivery: { injected: string | null }) => delivery.injected)).toEqual([null, 'duplicate']);
    }
  });

  it('reordered deliveries let the next one go first', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }], reorderRate: 1 });
    const events = await eventsOf(await createCustomers(4));
    await settled();
    expect(idsOf(hook.received)).toEqual([events[1], events[0], events[3], events[2]]);
  });

  it('delayed deliveries wait a random time below the delay', async () => {
    const hook = await receiver();
    await sandbox({ endpoints: [{ url: hook.url }], delayMs: 400 }, { seed: 11 });
    const before = performance.now();
    await createCustomers(5);
    await settled();
    const waits = hook.received.map((request) => request.at - before);
    expect(Math.max(...waits) - Math.min(...waits)).toBeGreaterThan(50);
    expect(Math.max(...waits)).toBeLessThan(400 + 1_000);
  });

  it('the same seed gives the same faults, another seed others', async () => {
    /** Per customer created: its event lost, or what became of each of its deliveries. */
    const run = async (seed: number): Promise<string[]> => {
      const hook = await receiver();
      await sandbox({ endpoints: [{ url: hook.url }], duplicateRate: 0.3, dropRate: 0.3, lostEventRate: 0.2 }, { seed });
      const customers = await createCustomers(20);
      await settled();
      const outcome: string[] = [];
      for (const id of customers) {
        const [event] = await eventsOf([id]);
        const log = event === undefined ? [] : (await page(`/sandbox/webhooks/deliveries?event_id=${event}`)).body.data;
        outcome.push(
          event === undefined
            ? 'lost'
            : log.map((delivery: { status: string; injected: string | null }) => `${delivery.status}${delivery.injected ? '+duplicate' : ''}`).join(','),
        );
      }
      await client!.close();
      client = undefined;
      return outcome;
    };
    const first = await run(42);
    expect(first).toEqual(await run(42));
    expect(first).not.toEqual(await run(43));
    // And each fault happened at least once in these 20 events.
    expect(first).toContain('lost');
    expect(first).toContain('dropped');
    expect(first).toContain('succeeded,succeeded+duplicate');
  });
});
