// Makes a running sandbox emit an event of a documented type by doing what causes it, over HTTP with a test
// key, as a merchant's code and customer would: a payment that succeeds, is declined or needs 3-D Secure, a
// card attached to a customer, a refund, a checkout session paid on its page or left to expire. Prints the
// ID of the event (the sandbox then delivers it to its endpoints).
//   npm run trigger -- payment_flow.succeeded [--base-url http://127.0.0.1:4020]
import { parseArgs } from 'node:util';
import { TEST_SECRET_KEY } from '../contract-core/credentials.ts';
import type { WebhookType } from './spec.ts';
import { printable } from '../contract-core/printable.ts';
import { secretUrl } from '../contract-core/secret-url.ts';
import { testCardDetails } from '../contract-core/test-cards.ts';

export interface TriggerOptions {
  /** The sandbox (default http://127.0.0.1:4020, `npm run sandbox`); plain http to this machine only. */
  baseUrl?: string;
  /** A test secret key (sk_test_…); anything else is refused before a request is sent. */
  key?: string;
}

export interface Triggered {
  eventId: string;
  type: WebhookType;
  /** The object the event is about (`data.id`). */
  resourceId: string;
}

/** What the trigger reads of an answer: an object's id, status and url, or a list's data. */
interface ApiObject {
  id: string;
  status?: string;
  url?: string;
  data?: ApiObject[];
  [field: string]: unknown;
}
type Body = Record<string, unknown>;

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4020';
const DEFAULT_KEY = 'sk_test_trigger';
/** How long `checkout.session.expired` waits for its session to pass `expires_at` on a server without a test clock. */
const EXPIRY_WAIT_MS = 10_000;

/** The base URL, if the key may be sent there: https anywhere, http only to this machine (contract-core/secret-url.ts). */
export function checkBaseUrl(raw: string): string {
  const url = secretUrl(raw, 'trigger: --base-url', 'the key');
  if (url.search !== '' || url.hash !== '') throw new Error('trigger: --base-url is a scheme, host and port (and a path prefix), nothing else');
  return url.href.replace(/\/$/, '');
}

function client(baseUrl: string, key: string) {
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, expected = 200): Promise<ApiObject> => {
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      const why =
        code === 'ECONNREFUSED' ? 'connection refused: is the sandbox running there (npm run sandbox)?' : printable(String(code ?? (error as Error).message));
      throw new Error(`trigger: no answer from ${baseUrl} to ${method} ${path}: ${why}`);
    }
    const text = await response.text();
    if (response.status !== expected)
      throw new Error(`trigger: ${method} ${path} answered ${response.status} (expected ${expected}): ${printable(text, { max: 300, oneLine: true })}`);
    return JSON.parse(text) as ApiObject;
  };
  /** The server's test clock (`GET /sandbox/clock`, sandbox/README.md "Test clocks"), if it has one. */
  const clock = async (): Promise<number | undefined> => {
    // Nothing answering is told by the request that follows, naming the URL.
    const response = await fetch(`${baseUrl}/sandbox/clock`, { headers: { authorization: `Bearer ${key}` } }).catch(() => undefined);
    if (!response) return undefined;
    const body = response.status === 200 ? ((await response.json()) as { object?: unknown; now?: unknown }) : (await response.body?.cancel(), undefined);
    return body?.object === 'sandbox.clock' && typeof body.now === 'string' ? Date.parse(body.now) : undefined;
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body: unknown, expected?: number) => call('POST', path, body, expected),
    clock,
  };
}
type Client = ReturnType<typeof client>;

const card = (token: string, customerId?: string): Body => ({
  type: 'card',
  card: testCardDetails(token, Date.now()),
  billing_details: { email: 'trigger@example.jp' },
  ...(customerId === undefined ? {} : { customer_id: customerId }),
});

/** A customer with a card of `token` attached, and a payment flow of theirs ready to confirm. */
async function flowReady(api: Client, token: string): Promise<ApiObject> {
  const customer = await api.post('/v2/customers', { email: 'trigger@example.jp', description: 'npm run trigger' });
  const method = await api.post('/v2/payment_methods', card(token, customer['id']));
  return api.post('/v2/payment_flows', { amount: 1000, currency: 'jpy', customer_id: customer['id'], payment_method_id: method['id'] });
}

async function session(api: Client, extra: Body): Promise<ApiObject> {
  const product = await api.post('/v2/products', { name: 'npm run trigger' });
  const price = await api.post('/v2/prices', { product_id: product['id'], unit_amount: 1000, currency: 'jpy' });
  return api.post('/v2/checkout/sessions', { mode: 'payment', line_items: [{ price_id: price['id'], quantity: 1 }], ...extra });
}

/** Each type: the state change that causes it, returning the ID of the object the event is about. */
const CAUSES: Record<WebhookType, (api: Client) => Promise<string>> = {
  'payment_flow.succeeded': async (api) => (await api.post(`/v2/payment_flows/${(await flowReady(api, 'tok_visa'))['id']}/confirm`, {}))['id'],
  'payment_flow.payment_failed': async (api) => {
    const flow = await flowReady(api, 'tok_card_declined');
    await api.post(`/v2/payment_flows/${flow['id']}/confirm`, {}, 402);
    return flow['id'];
  },
  'payment_flow.requires_action': async (api) =>
    (await api.post(`/v2/payment_flows/${(await flowReady(api, 'tok_three_d_secure_required'))['id']}/confirm`, {}))['id'],
  'payment_method.attached': async (api) => {
    const customer = await api.post('/v2/customers', { email: 'trigger@example.jp' });
    const method = await api.post('/v2/payment_methods', card('tok_visa'));
    return (await api.post(`/v2/payment_methods/${method['id']}/attach`, { customer_id: customer['id'] }))['id'];
  },
  'refund.created': async (api) => {
    const flow = await api.post(`/v2/payment_flows/${(await flowReady(api, 'tok_visa'))['id']}/confirm`, {});
    return (await api.post('/v2/payment_refunds', { payment_flow_id: flow['id'] }))['id'];
  },
  'checkout.session.completed': async (api) => {
    const created = await session(api, {});
    // The customer pays on the session's page (the sandbox's hosted page, no key).
    const page = await fetch(`${created['url']}?token=tok_visa`, { redirect: 'manual' });
    await page.body?.cancel();
    if (page.status !== 200) throw new Error(`trigger: the checkout page ${created['url']} answered ${page.status}`);
    return created['id'];
  },
  'checkout.session.expired': async (api) => {
    // Times are whole seconds: two seconds ahead is at least one second in the future, on the server's test
    // clock when it has one (which is then moved on by those two seconds: no waiting), else on this machine's.
    const clock = await api.clock();
    const expiresAt = new Date(Math.floor((clock ?? Date.now()) / 1000) * 1000 + 2000);
    const expires_at = expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const created = await session(api, { expires_at });
    if (clock !== undefined) {
      await api.post('/sandbox/clock', { advance: '2s' });
      if ((await api.get(`/v2/checkout/sessions/${created['id']}`))['status'] === 'expired') return created['id'];
    }
    const deadline = Date.now() + EXPIRY_WAIT_MS;
    // A session turns expired when read after expires_at.
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, expiresAt.getTime() - Date.now() + 50)));
      if ((await api.get(`/v2/checkout/sessions/${created['id']}`))['status'] === 'expired') return created['id'];
      if (Date.now() > deadline) throw new Error(`trigger: checkout session ${created['id']} did not expire within ${EXPIRY_WAIT_MS} ms`);
    }
  },
};

export const TRIGGER_TYPES = Object.keys(CAUSES) as WebhookType[];

export async function trigger(type: string, options: TriggerOptions = {}): Promise<Triggered> {
  const cause = Object.hasOwn(CAUSES, type) ? CAUSES[type as WebhookType] : undefined;
  if (!cause) throw new Error(`trigger: unknown event type ${JSON.stringify(type)} (known: ${TRIGGER_TYPES.join(', ')})`);
  const key = options.key ?? DEFAULT_KEY;
  if (!TEST_SECRET_KEY.test(key)) throw new Error('trigger: the key must be a test secret key (sk_test_…); nothing was sent');
  const api = client(checkBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL), key);
  const resourceId = await cause(api);
  const query = new URLSearchParams({ resource_id: resourceId, type, limit: '1' });
  const event = (await api.get(`/v2/events?${query}`))['data']?.[0];
  if (!event) throw new Error(`trigger: ${resourceId} changed, but no ${type} event was created (the sandbox's lost-event fault?)`);
  return { eventId: event['id'], type: type as WebhookType, resourceId };
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'base-url': { type: 'string' } } });
  if (positionals.length !== 1) {
    console.error(
      `usage: npm run trigger -- <event type> [--base-url ${DEFAULT_BASE_URL}]   (PAYJP_SECRET_KEY: a sk_test_ key)\ntypes: ${TRIGGER_TYPES.join(', ')}`,
    );
    process.exit(2);
  }
  const key = process.env['PAYJP_SECRET_KEY'];
  const triggered = await trigger(positionals[0]!, { ...(values['base-url'] ? { baseUrl: values['base-url'] } : {}), ...(key ? { key } : {}) });
  console.log(triggered.eventId);
}
