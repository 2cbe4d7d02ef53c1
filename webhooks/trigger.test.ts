// The trigger's refusals, before anything is sent (its effects are tested against a sandbox in
// tests/webhooks/delivery.test.ts).
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
    for (const url of ['http://sandbox.example.jp', 'http://10.0.0.1:4020', 'ftp://127.0.0.1', 'file:///tmp', '127.0.0.1:4020'])
      expect(() => checkBaseUrl(url), url).toThrow(/--base-url/);
    expect(() => checkBaseUrl('http://user:pw@127.0.0.1:4020')).toThrow('--base-url is a scheme, host and port');
  });
});
