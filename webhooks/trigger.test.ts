// The trigger's refusals, before anything is sent (its effects are tested against a sandbox in
// tests/webhooks/delivery.test.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TRIGGER_TYPES, checkBaseUrl, trigger } from './trigger.ts';
import { loadWebhooks } from './spec.ts';

describe('trigger', () => {
  it('knows every documented type, and only those', async () => {
    expect([...TRIGGER_TYPES].sort()).toEqual([...loadWebhooks().byType.keys()].sort());
    await expect(trigger('customer.created')).rejects.toThrow('trigger: unknown event type "customer.created"');
  });

  it('sends a test key only, and only over https or to this machine', async () => {
    for (const key of ['sk_live_abc', 'pk_test_abc', 'sk_test_', ''])
      await expect(trigger('payment_flow.succeeded', { key, baseUrl: 'http://127.0.0.1:9' }), key).rejects.toThrow(
        'the key must be a test secret key (sk_test_…); nothing was sent',
      );
    expect(checkBaseUrl('http://127.0.0.1:4020/')).toBe('http://127.0.0.1:4020');
    expect(checkBaseUrl('http://localhost:4020')).toBe('http://localhost:4020');
    expect(checkBaseUrl('http://[::1]:4020')).toBe('http://[::1]:4020');
    expect(checkBaseUrl('https://sandbox.example.jp')).toBe('https://sandbox.example.jp');
    for (const url of ['http://sandbox.example.jp', 'http://10.0.0.1:4020', 'http://0.0.0.0:4020', 'ftp://127.0.0.1', 'file:///tmp', '127.0.0.1:4020'])
      expect(() => checkBaseUrl(url), url).toThrow(/--base-url/);
    expect(() => checkBaseUrl('http://user:pw@127.0.0.1:4020')).toThrow('--base-url must not carry a user name or password (the URL is not shown)');
    expect(() => checkBaseUrl('http://127.0.0.1:4020/?x=1')).toThrow('--base-url is a scheme, host and port');
  });

  it('names the URL it tried when nothing answers there, and prints a bounded, printable excerpt of an answer', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const dead = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    await expect(trigger('payment_flow.succeeded', { baseUrl: dead })).rejects.toThrow(
      `trigger: no answer from ${dead} to POST /v2/customers: connection refused: is the sandbox running there (npm run sandbox)?`,
    );
    const hostile = createServer((_, res) => res.writeHead(500).end(`\u001b[2J\u0007${'x'.repeat(100_000)}`));
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    try {
      const error = await trigger('payment_flow.succeeded', { baseUrl: `http://127.0.0.1:${(hostile.address() as AddressInfo).port}` }).catch((e: Error) => e);
      const message = (error as Error).message;
      expect(message).toMatch(/^trigger: POST \/v2\/customers answered 500 \(expected 200\): \\u\{1b\}\[2J\\u\{7\}x+… \(100005 characters in all\)$/);
      expect(message.length).toBeLessThan(400);
    } finally {
      await new Promise<void>((resolve) => hostile.close(() => resolve()));
    }
  });
});
