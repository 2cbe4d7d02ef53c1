// An endpoint's query string may hold a secret of the receiver's (`?key=…`): the sandbox posts to it, and
// shows it nowhere, neither on its pages (/sandbox/webhooks, the delivery log) nor in its startup line.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ROOT } from '../../contract-core/files.ts';
import { type TestReceiver, startReceiver, until } from '../../contract-core/testing/webhook-receiver.ts';
import { type Client, sandboxClient } from '../test-support.ts';

const SECRET = 'receiverSecret4u';
let client: Client | undefined;
let receiver: TestReceiver | undefined;
afterEach(async () => {
  await client?.close();
  await receiver?.close();
  client = undefined;
  receiver = undefined;
});

describe("an endpoint URL's query string", () => {
  it('is sent to, and shown as ?… on /sandbox/webhooks and in the delivery log', async () => {
    receiver = await startReceiver();
    client = await sandboxClient({ webhooks: { token: 'whook_t', endpoints: [{ url: `${receiver.url}?key=${SECRET}` }] } });
    await client.ok('POST', '/v2/customers', { email: 'shown@example.jp' });
    await until('the delivery', () => receiver!.received.length === 1);
    const pages = await Promise.all(['/sandbox/webhooks', '/sandbox/webhooks/deliveries'].map(async (path) => (await fetch(`${client!.url}${path}`)).text()));
    expect(JSON.parse(pages[0]!).endpoints[0].url).toBe(`${receiver.url}?…`);
    for (const page of pages) expect(page).not.toContain(SECRET);
  });

  it('is not in the startup line of npm run sandbox', async () => {
    const child = spawn(process.execPath, [join(ROOT, 'sandbox/server.ts')], {
      env: {
        PATH: process.env['PATH'],
        NODE_OPTIONS: process.env['NODE_OPTIONS'],
        PORT: '0',
        SANDBOX_WEBHOOK_URLS: `http://127.0.0.1:9/hook?key=${SECRET}`,
        SANDBOX_WEBHOOK_TOKEN: 'whook_t',
      },
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    try {
      await until('the startup lines', () => out.includes('delivery log'));
    } finally {
      child.kill();
    }
    expect(out).toContain('webhooks to http://127.0.0.1:9/hook?…;');
    expect(out).not.toContain(SECRET);
  });
});
