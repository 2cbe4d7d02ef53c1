// Endpoints registered on a running sandbox (endpoints.ts): over HTTP with a secret test key, and from the
// handle; each gets the events created from then on; a URL a token may not be sent to is refused.
import { afterEach, describe, expect, it } from 'vitest';
import { type TestReceiver, startReceiver, until } from '../../contract-core/testing/webhook-receiver.ts';
import { type Sandbox, startSandbox } from '../server.ts';

const KEY = 'sk_test_endpointsTest';
const TOKEN = 'whook_registered';
let sandbox: Sandbox | undefined;
const receivers: TestReceiver[] = [];
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
  await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

async function receiver(): Promise<TestReceiver> {
  const started = await startReceiver();
  receivers.push(started);
  return started;
}

const call = async (method: string, path: string, body?: unknown, key: string | undefined = KEY) => {
  const response = await fetch(`${sandbox!.url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const createCustomer = async () => (await call('POST', '/v2/customers', { email: 'hanako@example.jp' })).body['id'] as string;

describe('registering an endpoint on a running sandbox', () => {
  it('POST /sandbox/webhooks/endpoints: the events created from then on are delivered, with the token given; DELETE stops them', async () => {
    sandbox = await startSandbox({ port: 0 });
    await createCustomer();
    const hook = await receiver();
    const registered = await call('POST', '/sandbox/webhooks/endpoints', { url: hook.url, token: TOKEN });
    expect(registered).toEqual({ status: 201, body: { id: 'whep_1', url: hook.url, types: null } });
    const customer = await createCustomer();
    await until('the delivery', () => hook.received.length === 1);
    expect(JSON.parse(hook.received[0]!.body)).toMatchObject({ type: 'customer.created', data: { id: customer } });
    expect(hook.received[0]!.headers['x-payjp-webhook-token']).toBe(TOKEN);
    expect((await fetch(`${sandbox.url}/sandbox/webhooks`).then((r) => r.json())).endpoints).toEqual([{ url: hook.url, types: null }]);

    expect(await call('DELETE', '/sandbox/webhooks/endpoints/whep_1')).toEqual({ status: 200, body: { id: 'whep_1', deleted: true } });
    await createCustomer();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(hook.received).toHaveLength(1);
    expect((await call('DELETE', '/sandbox/webhooks/endpoints/whep_1')).status).toBe(404);
  });

  it('from the handle, beside the endpoints it was started with, with their token by default', async () => {
    const first = await receiver();
    sandbox = await startSandbox({ port: 0, webhooks: { token: TOKEN, endpoints: [{ url: first.url }] } });
    const late = await receiver();
    expect(sandbox.addWebhookEndpoint({ url: late.url, types: ['customer.created'] })).toBe('whep_1');
    await createCustomer();
    await until('both deliveries', () => first.received.length === 1 && late.received.length === 1);
    expect(late.received[0]!.headers['x-payjp-webhook-token']).toBe(TOKEN);
    expect(sandbox.removeWebhookEndpoint('whep_1')).toBe(true);
    expect(sandbox.removeWebhookEndpoint('whep_1')).toBe(false);
  });

  it('refuses, before anything is sent, a URL the token may not go to, a missing token or key, and what is not an endpoint', async () => {
    sandbox = await startSandbox({ port: 0 });
    const refused = async (body: unknown, key?: string) => (await call('POST', '/sandbox/webhooks/endpoints', body, key)).body['error'];
    expect(await refused({ url: 'http://192.0.2.1:3000/webhooks', token: TOKEN })).toBe(
      'url must be https, or http on this machine (127.0.0.1, localhost, [::1]): the webhook token is sent with every request (got "http://192.0.2.1:3000/webhooks")',
    );
    expect(await refused({ url: 'https://user:secret@example.com/hook', token: TOKEN })).toBe(
      'url must not carry a user name or password (the URL is not shown)',
    );
    expect(await refused({ url: 'http://127.0.0.1:3000/webhooks' })).toBe('token is required: the X-Payjp-Webhook-Token your receiver checks');
    expect(await refused({ url: 'http://127.0.0.1:3000/webhooks', token: TOKEN, types: 'customer.created' })).toMatch(/^types must be a list/);
    expect(await refused({ token: TOKEN })).toMatch(/^url is required/);
    expect(await refused('[1]')).toMatch(/must be a JSON object/);
    expect(await refused('{')).toMatch(/^Send \{"url"/);
    expect((await call('POST', '/sandbox/webhooks/endpoints', { url: 'http://127.0.0.1:1/', token: TOKEN }, '')).status).toBe(401);
    expect((await call('POST', '/sandbox/webhooks/endpoints', { url: 'http://127.0.0.1:1/', token: TOKEN }, 'pk_test_browser')).status).toBe(401);
    expect((await call('GET', '/sandbox/webhooks/endpoints')).status).toBe(405);
    expect(() => sandbox!.addWebhookEndpoint({ url: 'http://10.0.0.1/hook', token: TOKEN })).toThrow(/^url must be https, or http on this machine/);
    // Nothing was registered.
    expect((await fetch(`${sandbox.url}/sandbox/webhooks`)).status).toBe(404);
  });
});
