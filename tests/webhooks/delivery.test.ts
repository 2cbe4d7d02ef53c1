// The sandbox's webhooks end to end, judged by the receiver tools merchants use: a scripted payment day
// delivered exactly as the events list shows it; with duplicates, reordering and drops, a receiver that
// deduplicates and reconciles ends with the same events; each documented type triggered and delivered; a
// receiver that fails for a while gets the retries and pending_webhooks returns to 0.
import { execFile } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type Client, sandboxClient } from '../../sandbox/test-support.ts';
import type { WebhookOptions } from '../../sandbox/webhooks/options.ts';
import { until } from '../../contract-core/testing/webhook-receiver.ts';
import { TRIGGER_TYPES, trigger } from '../../webhooks/trigger.ts';
import { verifyWebhook } from '../../webhooks/verify.ts';
import { type Merchant, eventsSince, newestEvent, startMerchant } from './merchant.ts';
import { paymentDay } from './payment-day.ts';

const TOKEN = 'whook_end_to_end';
/** The retry schedule's minutes as tenths of milliseconds: 1 min → 6 ms. */
const FAST = 0.0001;

let client: Client | undefined;
let merchant: Merchant | undefined;
afterEach(async () => {
  await client?.close();
  await merchant?.receiver.close();
  client = undefined;
  merchant = undefined;
});

/** A sandbox posting to a merchant's receiver that starts listening now. */
async function shop(
  webhooks: Omit<WebhookOptions, 'endpoints' | 'token'> = {},
  seed?: number,
  status?: Parameters<typeof startMerchant>[1],
): Promise<{ client: Client; merchant: Merchant; cursor: string }> {
  merchant = await startMerchant(TOKEN, status);
  client = await sandboxClient({
    ...(seed === undefined ? {} : { seed }),
    webhooks: { endpoints: [{ url: merchant.receiver.url }], token: TOKEN, ...webhooks },
  });
  merchant.cursor = await newestEvent(client);
  return { client, merchant, cursor: merchant.cursor };
}

const settled = () =>
  until(
    'every delivery to settle',
    async () => ((await (await fetch(`${client!.url}/sandbox/webhooks`)).json()) as { active_deliveries: number }).active_deliveries === 0,
  );

describe('webhooks end to end', () => {
  it('delivers a scripted payment day exactly as the events list shows it, faults off', async () => {
    const shopping = await shop();
    await paymentDay(shopping.client);
    const listed = await eventsSince(shopping.client, shopping.cursor);
    await until('every event delivered', () => shopping.merchant.receiver.received.length >= listed.length);
    await settled();
    // Every documented type happened during the day, and more.
    for (const type of TRIGGER_TYPES) expect(listed.map((event) => event.type)).toContain(type);
    expect(listed.length).toBeGreaterThan(25);
    // Same IDs, in the same order (one request at a time per endpoint), payloads as listed and valid.
    const received = shopping.merchant.receiver.received;
    expect(received.map((request) => request.eventId)).toEqual(listed.map((event) => event.id));
    received.forEach((request, i) => {
      const { event } = verifyWebhook(request, { token: TOKEN });
      const { pending_webhooks: _pending, updated_at: _updated, ...asListed } = listed[i]!;
      expect(event).toMatchObject({ ...asListed, pending_webhooks: 1 });
    });
    expect(shopping.merchant.handled.map((event) => event.id)).toEqual(listed.map((event) => event.id));
    expect(shopping.merchant.duplicates).toBe(0);
    // Every endpoint acknowledged every event.
    expect((await eventsSince(shopping.client, shopping.cursor)).every((event) => event.pending_webhooks === 0)).toBe(true);
  });

  it('with duplicates, reordering and drops, a receiver that deduplicates and reconciles ends with the same events', async () => {
    const shopping = await shop({ duplicateRate: 0.3, reorderRate: 0.3, dropRate: 0.3, delayMs: 20 }, 20_261_123);
    await paymentDay(shopping.client);
    await settled();
    const listed = await eventsSince(shopping.client, shopping.cursor);
    const ids = listed.map((event) => event.id);
    const arrived = shopping.merchant.receiver.received.map((request) => request.eventId!);
    // The faults happened: some events twice, some out of order, some never.
    expect(arrived.length).toBeGreaterThan(new Set(arrived).size);
    expect(shopping.merchant.duplicates).toBe(arrived.length - new Set(arrived).size);
    const firstArrivals = [...new Set(arrived)];
    expect(firstArrivals).not.toEqual(ids.filter((id) => firstArrivals.includes(id)));
    const missing = ids.filter((id) => !arrived.includes(id));
    expect(missing.length).toBeGreaterThan(0);
    // Reconciling brings exactly the missing ones, each once; a second pass brings nothing.
    expect(await shopping.merchant.reconcile(shopping.client)).toBe(missing.length);
    expect(await shopping.merchant.reconcile(shopping.client)).toBe(0);
    expect(shopping.merchant.handled.map((event) => event.id).sort()).toEqual([...ids].sort());
  });

  it('with every delivery dropped, a receiver that polls the events list catches up with every event, none twice', async () => {
    const shopping = await shop({ dropRate: 1 });
    await paymentDay(shopping.client);
    await settled();
    expect(shopping.merchant.receiver.received).toEqual([]);
    const listed = await eventsSince(shopping.client, shopping.cursor);
    expect(await shopping.merchant.reconcile(shopping.client)).toBe(listed.length);
    expect(await shopping.merchant.reconcile(shopping.client)).toBe(0);
    expect(shopping.merchant.handled.map((event) => event.id)).toEqual(listed.map((event) => event.id));
  });

  it('triggering each documented type delivers a payload of that type, valid by the spec', async () => {
    const shopping = await shop();
    for (const type of TRIGGER_TYPES) {
      const { eventId } = await trigger(type, { baseUrl: shopping.client.url, key: 'sk_test_triggerE2e' });
      await until(`${type} ${eventId} delivered`, () => shopping.merchant.receiver.received.some((request) => request.eventId === eventId));
      const delivery = shopping.merchant.receiver.received.find((request) => request.eventId === eventId)!;
      expect(verifyWebhook(delivery, { token: TOKEN })).toMatchObject({ known: true, event: { id: eventId, type } });
    }
  });

  it('a receiver that answers 500 gets the documented retries, and pending_webhooks returns to 0 once it acknowledges', async () => {
    // The first three deliveries of each event fail, the fourth is acknowledged.
    const shopping = await shop({ timeScale: FAST }, undefined, (_request, attempt) => (attempt <= 3 ? 500 : undefined));
    const { eventId } = await trigger('payment_flow.succeeded', { baseUrl: shopping.client.url });
    const event = async () => shopping.client.ok('GET', `/v2/events/${eventId}`);
    const summary = (await (await fetch(`${shopping.client.url}/sandbox/webhooks`)).json()) as { retry_delays_ms: number[] };
    await until('a first failed attempt', () => shopping.merchant.receiver.received.some((request) => request.eventId === eventId));
    expect((await event()).pending_webhooks).toBe(1);
    await until('the acknowledgement', async () => (await event()).pending_webhooks === 0);
    const log = (await (await fetch(`${shopping.client.url}/sandbox/webhooks/deliveries?event_id=${eventId}`)).json()) as { data: any[] };
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({ status: 'succeeded', next_attempt_at: null });
    expect(log.data[0].attempts.map((attempt: { http_status: number }) => attempt.http_status)).toEqual([500, 500, 500, 200]);
    const arrivals = shopping.merchant.receiver.received.filter((request) => request.eventId === eventId).map((request) => request.at);
    arrivals.slice(1).forEach((at, i) => expect(at - arrivals[i]!).toBeGreaterThanOrEqual(summary.retry_delays_ms[i]! - 1));
    expect(shopping.merchant.handled.map((handled) => handled.id)).toContain(eventId);
  });
});

describe('npm run trigger', () => {
  it('prints the ID of the event it caused', async () => {
    const shopping = await shop();
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        process.execPath,
        ['webhooks/trigger.ts', 'payment_method.attached', '--base-url', shopping.client.url],
        { env: { ...process.env, PAYJP_SECRET_KEY: 'sk_test_cli' } },
        (error, out) => (error ? reject(error) : resolve(out)),
      ),
    );
    const id = stdout.trim();
    expect(id).toMatch(/^evnt_\w+$/);
    expect(await shopping.client.ok('GET', `/v2/events/${id}`)).toMatchObject({ type: 'payment_method.attached' });
  });
});
