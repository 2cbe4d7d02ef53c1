// Authentication forms and the operational switches: rate limit, latency, injected 5xx, HTML pages, drops.
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { switchesFromEnv } from './http/switches.ts';
import { startSandbox } from './server.ts';
import { type Client, TEST_KEY, sandboxClient } from './test-support.ts';
import { random } from '../contract-core/random.ts';

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

describe('authentication', () => {
  it('takes a test key as bearer token or as the basic user name, nothing else', async () => {
    client = await sandboxClient();
    const basic = (user: string) => `Basic ${Buffer.from(`${user}:`).toString('base64')}`;
    expect((await client.call('GET', '/v2/customers', { key: null, headers: { authorization: basic(TEST_KEY) } })).status).toBe(200);
    expect((await client.get('/v2/customers')).status).toBe(200);
    for (const authorization of [basic('sk_live_abc'), basic('pk_test_abc'), 'Bearer pk_test_abc', 'Token sk_test_abc', 'Bearer '])
      expect((await client.call('GET', '/v2/customers', { key: null, headers: { authorization } })).body.code).toBe('unauthorized');
    const live = await client.call('GET', '/v2/customers', { key: null, headers: { authorization: basic('sk_live_secret') } });
    expect(live.body.detail).toMatch(/test mode only/);
    expect(JSON.stringify(live.body)).not.toContain('sk_live_secret');
  });
});

const SERVER = fileURLToPath(new URL('./server.ts', import.meta.url));

describe('switches from the environment of npm run sandbox', () => {
  it('reads every switch, and refuses a value that is not one with the variable named', () => {
    expect(
      switchesFromEnv({
        SANDBOX_RATE_LIMIT: '5:10',
        SANDBOX_LATENCY_MS: '20',
        SANDBOX_ERROR_RATE: '0.1',
        SANDBOX_HTML_ERROR_RATE: '0.2',
        SANDBOX_IDEMPOTENCY_ERROR_RATE: '0.3',
        SANDBOX_DROP_RATE: '0',
        SANDBOX_SEED: '42',
      }),
    ).toEqual({ rateLimit: { perSecond: 5, burst: 10 }, latencyMs: 20, errorRate: 0.1, htmlErrorRate: 0.2, idempotencyErrorRate: 0.3, dropRate: 0, seed: 42 });
    expect(switchesFromEnv({})).toEqual({});
    expect(() => switchesFromEnv({ SANDBOX_ERROR_RATE: '1.5' })).toThrow('SANDBOX_ERROR_RATE must be a number from 0 to 1 (got 1.5)');
    expect(() => switchesFromEnv({ SANDBOX_LATENCY_MS: 'slow' })).toThrow('SANDBOX_LATENCY_MS must be a number of milliseconds >= 0 and at most 2147483647');
    expect(() => switchesFromEnv({ SANDBOX_SEED: 'abc' })).toThrow('SANDBOX_SEED must be an integer (got abc)');
    // Above what a timer holds, a delay would fire after 1 ms.
    expect(() => switchesFromEnv({ SANDBOX_LATENCY_MS: '3e9' })).toThrow(
      'SANDBOX_LATENCY_MS must be a number of milliseconds >= 0 and at most 2147483647 (what a timer holds) (got 3e9)',
    );
    for (const limit of ['abc', '5:x', '0', '5:0', '5:10:2'])
      expect(() => switchesFromEnv({ SANDBOX_RATE_LIMIT: limit }), limit).toThrow(
        `SANDBOX_RATE_LIMIT must be perSecond[:burst], perSecond > 0 and burst >= 1 (got ${limit})`,
      );
  });

  it('refuses a delay a timer cannot hold given to startSandbox, naming the option', async () => {
    await expect(startSandbox({ latencyMs: 3e9 })).rejects.toThrow('sandbox: latencyMs must be a number of milliseconds >= 0 and at most 2147483647');
    await expect(startSandbox({ idempotencyWaitMs: -1 })).rejects.toThrow('sandbox: idempotencyWaitMs must be');
  });

  it('npm run sandbox: a bad variable is one line naming it, and exit 2', () => {
    for (const [name, value] of [
      ['PORT', 'abc'],
      ['PORT', '70000'],
      ['SANDBOX_LATENCY_MS', '3e9'],
      ['SANDBOX_WEBHOOK_TIMEOUT_MS', '3e9'],
    ] as const) {
      const run = spawnSync(process.execPath, [SERVER], { env: { ...process.env, PORT: '0', [name]: value }, encoding: 'utf8', timeout: 20_000 });
      expect([run.status, run.stderr.trim().split('\n')], `${name}=${value}`).toEqual([2, [expect.stringContaining(`${name} must be`)]]);
    }
  });
});

describe('switches', () => {
  it('rate limit: 429 rate_limit_exceeded with Retry-After once the bucket is empty', async () => {
    client = await sandboxClient({ rateLimit: { perSecond: 1, burst: 3 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await client.get('/v2/customers')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await client.get('/v2/customers');
    expect(limited.body.code).toBe('rate_limit_exceeded');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  });

  it('latency: every API answer takes at least the given time', async () => {
    client = await sandboxClient({ latencyMs: 120 });
    const start = performance.now();
    expect((await client.get('/v2/customers')).status).toBe(200);
    expect(performance.now() - start).toBeGreaterThanOrEqual(115);
  });

  it('injected 500s are problems; HTML error pages are 502 text/html', async () => {
    client = await sandboxClient({ errorRate: 1 });
    expect((await client.get('/v2/customers')).body.code).toBe('internal_server_error');
    await client.close();
    client = await sandboxClient({ htmlErrorRate: 1 });
    const response = await fetch(`${client.url}/v2/customers`, { headers: { authorization: `Bearer ${TEST_KEY}` } });
    expect(response.status).toBe(502);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('502 Bad Gateway');
  });

  it('idempotency outage: writes under a key answer 503 idempotency_infrastructure_error with Retry-After, unprocessed', async () => {
    client = await sandboxClient({ idempotencyErrorRate: 1 });
    const outage = await client.post('/v2/customers', { email: 'outage@example.jp' }, { headers: { 'idempotency-key': 'outage-1' } });
    expect(outage.status).toBe(503);
    expect(outage.body.code).toBe('idempotency_infrastructure_error');
    expect((await client.ok('GET', '/v2/customers?limit=100')).data.some((c: { email: string }) => c.email === 'outage@example.jp')).toBe(false);
    expect((await client.post('/v2/customers', { email: 'no-key@example.jp' })).status).toBe(200);
  });

  it('a seeded rate injects failures at about that rate, the same ones on every run', async () => {
    const run = async () => {
      const sandbox = await sandboxClient({ errorRate: 0.3, seed: 42 });
      const statuses: number[] = [];
      for (let i = 0; i < 200; i += 1) statuses.push((await sandbox.get('/v2/terms')).status);
      await sandbox.close();
      return statuses;
    };
    const first = await run();
    const failures = first.filter((status) => status === 500).length;
    expect(failures).toBeGreaterThan(30);
    expect(failures).toBeLessThan(90);
    expect(await run()).toEqual(first);
  });

  it('dropped connections lose the answer after processing; a retry under the same key replays it', async () => {
    // A seed whose first draw drops: the first attempt is processed and its answer lost.
    const seed = [...Array(100).keys()].find((candidate) => random(candidate)() < 0.5)!;
    client = await sandboxClient({ dropRate: 0.5, seed });
    const url = `${client.url}/v2/customers`;
    const headers = { authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', 'idempotency-key': 'dropped-create' };
    const outcomes: string[] = [];
    let answer: Response | undefined;
    for (let attempt = 0; attempt < 20 && !answer; attempt += 1) {
      try {
        answer = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ email: 'dropped@example.jp' }) });
        outcomes.push(String(answer.status));
      } catch {
        outcomes.push('dropped');
      }
    }
    expect(outcomes[0]).toBe('dropped');
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get('idempotent-replayed')).toBe('true');
    // Reads are dropped at the same rate: read until one answer arrives.
    let all: { data: { email: string }[] } | undefined;
    for (let attempt = 0; attempt < 20 && !all; attempt += 1) all = await client.ok('GET', '/v2/customers?limit=100').catch(() => undefined);
    expect(all?.data.filter((c) => c.email === 'dropped@example.jp')).toHaveLength(1);
  });
});
