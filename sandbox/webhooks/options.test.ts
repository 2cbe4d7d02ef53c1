// The webhook options: from the environment of `npm run sandbox` and from startSandbox(), each refused with
// the variable or option named when it is not valid, before the server starts.
import { describe, expect, it } from 'vitest';
import { RETRY_SCHEDULE_S } from '../../contract-core/webhook-delivery.ts';
import { startSandbox } from '../server.ts';
import { resolveWebhookOptions, webhookOptionsFromEnv } from './options.ts';

describe('webhook options from the environment', () => {
  it('reads every variable', () => {
    expect(
      webhookOptionsFromEnv({
        SANDBOX_WEBHOOK_URLS: 'http://127.0.0.1:3000/hook, https://127.0.0.1:3001/other',
        SANDBOX_WEBHOOK_TOKEN: 'whook_env',
        SANDBOX_WEBHOOK_TIMEOUT_MS: '2500',
        SANDBOX_WEBHOOK_TIME_SCALE: '0.001',
        SANDBOX_WEBHOOK_DUPLICATE_RATE: '0.1',
        SANDBOX_WEBHOOK_DELAY_MS: '200',
        SANDBOX_WEBHOOK_REORDER_RATE: '0.2',
        SANDBOX_WEBHOOK_DROP_RATE: '0.3',
        SANDBOX_WEBHOOK_LOST_EVENT_RATE: '0.4',
      }),
    ).toEqual({
      endpoints: [{ url: 'http://127.0.0.1:3000/hook' }, { url: 'https://127.0.0.1:3001/other' }],
      token: 'whook_env',
      timeoutMs: 2500,
      timeScale: 0.001,
      duplicateRate: 0.1,
      delayMs: 200,
      reorderRate: 0.2,
      dropRate: 0.3,
      lostEventRate: 0.4,
    });
    expect(webhookOptionsFromEnv({})).toBeUndefined();
    // The incident needs no endpoint: events are lost whether anyone listens or not.
    expect(webhookOptionsFromEnv({ SANDBOX_WEBHOOK_LOST_EVENT_RATE: '1' })).toEqual({ lostEventRate: 1 });
  });

  it('refuses what is not valid, naming the variable', () => {
    const cases: [Record<string, string>, string][] = [
      [
        { SANDBOX_WEBHOOK_URLS: 'ftp://127.0.0.1/hook', SANDBOX_WEBHOOK_TOKEN: 't' },
        'SANDBOX_WEBHOOK_URLS must be an http or https URL (got "ftp://127.0.0.1/hook")',
      ],
      [{ SANDBOX_WEBHOOK_URLS: 'file:///etc/passwd', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must be an http or https URL'],
      [{ SANDBOX_WEBHOOK_URLS: 'localhost:3000', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must be an http or https URL'],
      [{ SANDBOX_WEBHOOK_URLS: '127.0.0.1:3000', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS is not a URL'],
      [{ SANDBOX_WEBHOOK_URLS: 'not a url', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS is not a URL'],
      [{ SANDBOX_WEBHOOK_URLS: 'http://user:secret@127.0.0.1/', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must not carry a user name or password'],
      // The token would cross a network in the clear (contract-core/secret-url.ts): https, or http to this machine.
      [{ SANDBOX_WEBHOOK_URLS: 'http://10.0.0.5:3000/hook', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must be https, or http on this machine'],
      [{ SANDBOX_WEBHOOK_URLS: 'http://0.0.0.0:3000/hook', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must be https, or http on this machine'],
      [{ SANDBOX_WEBHOOK_URLS: 'http://receiver.example.jp/hook', SANDBOX_WEBHOOK_TOKEN: 't' }, 'SANDBOX_WEBHOOK_URLS must be https, or http on this machine'],
      [{ SANDBOX_WEBHOOK_URLS: 'http://127.0.0.1:3000/' }, 'SANDBOX_WEBHOOK_TOKEN (with SANDBOX_WEBHOOK_URLS) is required'],
      [
        { SANDBOX_WEBHOOK_URLS: 'http://127.0.0.1:3000/', SANDBOX_WEBHOOK_TOKEN: 'two words' },
        'SANDBOX_WEBHOOK_TOKEN (with SANDBOX_WEBHOOK_URLS) must be printable ASCII',
      ],
      [{ SANDBOX_WEBHOOK_DROP_RATE: '1.5' }, 'SANDBOX_WEBHOOK_DROP_RATE must be a number from 0 to 1 (got 1.5)'],
      [{ SANDBOX_WEBHOOK_DUPLICATE_RATE: 'often' }, 'SANDBOX_WEBHOOK_DUPLICATE_RATE must be a number from 0 to 1 (got often)'],
      [
        { SANDBOX_WEBHOOK_DELAY_MS: '-1' },
        'SANDBOX_WEBHOOK_DELAY_MS must be a number of milliseconds >= 0 and at most 2147483647 (what a timer holds) (got -1)',
      ],
      [{ SANDBOX_WEBHOOK_TIME_SCALE: '0' }, 'SANDBOX_WEBHOOK_TIME_SCALE must be a number > 0 and at most 99.42'],
      [
        { SANDBOX_WEBHOOK_TIMEOUT_MS: 'x' },
        'SANDBOX_WEBHOOK_TIMEOUT_MS must be a number of milliseconds > 0 and at most 2147483647 (what a timer holds) (got x)',
      ],
      // Above what a timer holds, a wait would fire after 1 ms: the 6-hour retry at scale 100, 3e9 ms.
      [
        { SANDBOX_WEBHOOK_TIME_SCALE: '100' },
        'SANDBOX_WEBHOOK_TIME_SCALE must be a number > 0 and at most 99.42 (the longest retry wait, 21600 s, scaled, must fit a timer) (got 100)',
      ],
      [{ SANDBOX_WEBHOOK_TIMEOUT_MS: '3e9' }, 'SANDBOX_WEBHOOK_TIMEOUT_MS must be a number of milliseconds > 0 and at most 2147483647'],
      [{ SANDBOX_WEBHOOK_DELAY_MS: '3e9' }, 'SANDBOX_WEBHOOK_DELAY_MS must be a number of milliseconds >= 0 and at most 2147483647'],
    ];
    for (const [env, message] of cases) expect(() => webhookOptionsFromEnv(env), JSON.stringify(env)).toThrow(message);
  });
});

describe('webhook options of startSandbox', () => {
  it('has the documented defaults, and scales the retry schedule', () => {
    const settings = resolveWebhookOptions({ endpoints: [{ url: 'http://127.0.0.1:1/', types: ['refund.created'] }], token: 'whook_t' });
    expect(settings).toMatchObject({
      timeoutMs: 10_000,
      concurrency: 1,
      maxQueued: 10_000,
      duplicateRate: 0,
      delayMs: 0,
      reorderRate: 0,
      dropRate: 0,
      lostEventRate: 0,
    });
    expect(settings.endpoints).toEqual([{ url: 'http://127.0.0.1:1/', token: 'whook_t', types: new Set(['refund.created']) }]);
    expect(settings.retryDelaysMs).toEqual(RETRY_SCHEDULE_S.map((s) => s * 1000));
    expect(resolveWebhookOptions({ timeScale: 0.001 }).retryDelaysMs).toEqual(RETRY_SCHEDULE_S.map((s) => s));
  });

  it('refuses a bad option before the server starts, naming it', async () => {
    const cases: [Parameters<typeof resolveWebhookOptions>[0], string][] = [
      [{ endpoints: [{ url: 'gopher://127.0.0.1/' }], token: 't' }, 'webhooks.endpoints[0].url must be an http or https URL'],
      [{ endpoints: [{ url: 'http://127.0.0.1/' }] }, 'webhooks.token is required'],
      [{ endpoints: [{ url: 'http://127.0.0.1/', token: 'a\nb' }] }, 'webhooks.endpoints[0].token must be printable ASCII'],
      [{ endpoints: [{ url: 'http://127.0.0.1/', types: [] }], token: 't' }, 'webhooks.endpoints[0].types must be a list of event types'],
      [{ duplicateRate: 2 }, 'webhooks.duplicateRate must be a number from 0 to 1 (got 2)'],
      [{ concurrency: 0 }, 'webhooks.concurrency must be an integer >= 1 (got 0)'],
      [{ maxQueued: 1.5 }, 'webhooks.maxQueued must be an integer >= 1 (got 1.5)'],
      [{ timeScale: 100 }, 'webhooks.timeScale must be a number > 0 and at most 99.42'],
      [{ timeoutMs: 3e9 }, 'webhooks.timeoutMs must be a number of milliseconds > 0 and at most 2147483647'],
      [{ delayMs: 3e9 }, 'webhooks.delayMs must be a number of milliseconds >= 0 and at most 2147483647'],
    ];
    for (const [webhooks, message] of cases) await expect(startSandbox({ webhooks }), message).rejects.toThrow(message);
  });
});
