// Webhook retries on a test clock (sandbox/README.md, "Test clocks"): at the real schedule (1 min, 5 min, …),
// moving the sandbox's clock past a retry's time sends it at once, and no sooner; an event fired by a move
// (a session's expiry) is delivered like any other.
import { afterEach, expect, it } from 'vitest';
import { type TestReceiver, startReceiver, until } from '../../contract-core/testing/webhook-receiver.ts';
import { type Client, sandboxClient } from '../test-support.ts';

const TOKEN = 'whook_sandbox_clock_test';
let client: Client | undefined;
let hook: TestReceiver | undefined;
afterEach(async () => {
  await client?.close();
  await hook?.close();
  client = hook = undefined;
});

const deliveriesOf = async (eventId: string) => (await (await fetch(`${client!.url}/sandbox/webhooks/deliveries?event_id=${eventId}`)).json()).data;
const advance = async (by: string) => {
  const answer = await client!.post('/sandbox/clock', { advance: by });
  expect(answer.status).toBe(200);
  return answer.body.fired.webhook_deliveries as number;
};

it('a retry a minute of real time away is sent when the clock passes it, and not before', async () => {
  // The first attempt fails, the next succeeds; the schedule is the real one (first retry after 1 min).
  hook = await startReceiver((_request, received) => (received.length === 1 ? 500 : 200));
  client = await sandboxClient({ webhooks: { token: TOKEN, endpoints: [{ url: hook.url }] } });
  const customer = await client.ok('POST', '/v2/customers', { email: 'retry@example.jp' });
  const [event] = (await client.ok('GET', `/v2/events?resource_id=${customer.id}`)).data;
  await until('the first attempt', async () => (await deliveriesOf(event.id))[0]?.attempts.length === 1);
  const [failed] = await deliveriesOf(event.id);
  expect(Date.parse(failed.next_attempt_at) - Date.parse(failed.attempts[0].sent_at)).toBeGreaterThanOrEqual(60_000);

  expect(await advance('59s')).toBe(0);
  expect(hook.received).toHaveLength(1);
  expect(await advance('1s')).toBe(1);
  await until('the retry', () => hook!.received.length === 2);
  await until('the delivery to succeed', async () => (await deliveriesOf(event.id))[0].status === 'succeeded');
  const [delivered] = await deliveriesOf(event.id);
  expect(Date.parse(delivered.attempts[1].sent_at) - Date.parse(delivered.attempts[0].sent_at)).toBeGreaterThanOrEqual(60_000);
  expect((await client.ok('GET', `/v2/events/${event.id}`)).pending_webhooks).toBe(0);
});

it('a checkout session expired by a move of the clock is delivered as checkout.session.expired', async () => {
  hook = await startReceiver();
  client = await sandboxClient({ webhooks: { token: TOKEN, endpoints: [{ url: hook.url, types: ['checkout.session.expired'] }] } });
  const price = (await client.ok('GET', '/v2/prices?limit=1')).data[0];
  const session = await client.ok('POST', '/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price.id, quantity: 1 }] });
  await client.post('/sandbox/clock', { advance: '25h' });
  await until('the expiry to be delivered', () => hook!.received.some((request) => JSON.parse(request.body).data.id === session.id));
  const delivered = JSON.parse(hook.received.find((request) => JSON.parse(request.body).data.id === session.id)!.body);
  expect(delivered).toMatchObject({ type: 'checkout.session.expired', created_at: session.expires_at, data: { id: session.id, status: 'expired' } });
});
