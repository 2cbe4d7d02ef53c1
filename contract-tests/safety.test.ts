// What the contract tests must never do, checked against a local server of this test that counts what
// reaches it: send a raw card number, print a key (the key allow-list itself: key-guard.test.ts). And what
// the client promises: an Idempotency-Key on every POST (the same one on a retry), Retry-After honoured, a
// timeout, the limits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { ERROR_CATALOG } from '../generated/error-catalog.ts';
import { RETRIED, TransportError, createContractClient } from './lib/client.ts';
import { loadContract } from '../contract-core/contract.ts';
import { TestKey, redact } from './lib/keys.ts';
import { markdownSummary } from './reporters/markdown.ts';
import { resultsJson } from './reporters/json.ts';
import { writeReports } from './reporters/files.ts';
import type { CaseResult } from './lib/result.ts';
import type { Violation } from '../contract-core/validator.ts';
import { caseLine as line } from './reporters/console.ts';
import { runStep } from './lib/runner.ts';
import type { Run } from './lib/step.ts';
import { RefusedError } from './lib/secrets.ts';
import { failuresOf } from './lib/suite.ts';
import { keepsHeaderRule } from '../mock/request-checks.ts';

// Built at run time so that no key-shaped literal sits in the source.
const LIVE_KEY = ['sk', 'live', 'c0ntractL1veKey0000000000'].join('_');
const TEST_KEY = ['sk', 'test', 'c0ntractTestKey0000000000'].join('_');
/** A key-like token with characters redaction used to stop at (issue 10): it must vanish whole. */
const ODD_KEY = ['sk', 'test', 'abc-SECRET.more'].join('_');

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}
const seen: Seen[] = [];
let inFlight = 0;
let maxInFlight = 0;
let handler: (req: IncomingMessage, res: ServerResponse, body: string) => void = (_, res) => res.end('{}');
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString()));
  req.on('end', () => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: performance.now() });
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => (inFlight -= 1));
    handler(req, res, body);
  });
});
let baseUrl = '';
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};
const client = (over: Partial<Parameters<typeof createContractClient>[0]> = {}) =>
  createContractClient({ baseUrl, secretKey: new TestKey(TEST_KEY, 'the test key'), rate: 1000, concurrency: 8, timeoutMs: 2000, ...over });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const probe = await fetch(`${baseUrl}/probe`);
  expect(await probe.text()).toBe('{}'); // the server answering is the one this test started
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  maxInFlight = 0;
  handler = (_, res) => json(res, 200, { ok: true });
});

describe('no raw card number leaves the process', () => {
  test('a Luhn-valid number in the body or the query aborts the request, masked in the message', async () => {
    const c = client();
    await expect(c.send({ method: 'post', path: '/v2/payment_methods', body: { card: { number: '4242 4242 4242 4242' } } })).rejects.toThrow(
      /refusing to send a raw card number \(\*{12}4242\)/,
    );
    await expect(c.send({ method: 'get', path: '/v2/customers', query: { note: '4012888888881881' } })).rejects.toThrow(RefusedError);
    expect(seen).toEqual([]);
  });
  test('digits that are not a card number (Luhn fails, too short) are sent', async () => {
    await client().send({ method: 'post', path: '/v2/customers', body: { description: '4242424242424241', amount: 123456789012 } });
    expect(seen).toHaveLength(1);
  });
});

describe('keys never reach an output', () => {
  test('log lines of retries are redacted', async () => {
    const lines: string[] = [];
    let first = true;
    handler = (_, res) => (first ? ((first = false), json(res, 429, {}, { 'retry-after': '0' })) : json(res, 200, {}));
    await client({ log: (line) => lines.push(line) }).send({ method: 'get', path: `/v2/customers?key=${TEST_KEY}` });
    expect(lines.join('\n')).toMatch(/retry 2\/3/);
    expect(lines.join('\n')).not.toContain(TEST_KEY);
  });

  test('the exchanges the client records hold no Authorization header', async () => {
    const c = client();
    await c.send({ method: 'get', path: '/v2/customers' });
    expect(seen[0]!.headers['authorization']).toBe(`Bearer ${TEST_KEY}`);
    expect(JSON.stringify(c.exchanges)).not.toContain(TEST_KEY);
    expect(Object.keys(c.exchanges[0]!.request.headers)).not.toContain('authorization');
  });

  test('a key whatever its characters, echoed by a server, appears in no report: console, Markdown, JSON, JUnit', async () => {
    // A server that puts keys everywhere a report quotes it: the code, a body field, a header-like text.
    const op = loadContract().operations.find((o) => o.operationId === 'getCustomer')!;
    const answers = [
      (res: ServerResponse) => json(res, 500, { type: 'x', title: ODD_KEY, status: 500, code: ODD_KEY, detail: `Bearer ${TEST_KEY}` }),
      (res: ServerResponse) => res.writeHead(502, { 'content-type': 'text/html' }).end(`<html>${ODD_KEY} ${LIVE_KEY}</html>`),
      (res: ServerResponse) => json(res, 200, { object: ODD_KEY, id: 1, extra: [LIVE_KEY] }),
    ];
    const results: CaseResult[] = [];
    const run = { client: client(), target: { stateful: true } } as unknown as Run;
    for (const answer of answers) {
      handler = (_, res) => answer(res);
      const step = { operation: op, name: `case ${ODD_KEY}`, expectedStatus: 200, needsState: false, request: () => ({ params: { customer_id: ODD_KEY } }) };
      results.push((await runStep(run, step)).result);
    }
    // A case that threw and one that lacked an ID, with the key in their messages.
    results.push({
      ...results[0]!,
      violations: [],
      failures: [],
      infrastructure: [{ kind: 'case-error', message: `the case threw: ${ODD_KEY}` }],
      missingPrecondition: `set ${ODD_KEY}`,
    });
    expect(results.map((r) => r.violations.length + r.failures.length + r.infrastructure.length)).not.toContain(0);

    const console = [...results.map(line), ...results.flatMap(failuresOf)].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'contract-report-'));
    try {
      writeReports([op], results, `staging with ${ODD_KEY}`, dir);
      const files = readdirSync(dir).sort();
      expect(files).toEqual(['contract-junit.xml', 'contract-results.json', 'contract-summary.md']);
      const outputs = { console, ...Object.fromEntries(files.map((file) => [file, readFileSync(join(dir, file), 'utf8')])) };
      for (const [name, text] of Object.entries(outputs)) {
        for (const secret of ['SECRET', '.more', 'c0ntract']) expect(text, `${name} holds ${secret}`).not.toContain(secret);
        expect(text, name).toContain('sk_test_[REDACTED]');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('redact takes the whole key-like token, up to whitespace or a quote, and leaves other text alone', () => {
    expect(redact('pk_test_abc and sk_live_X1 in "sk_test_y"')).toBe('pk_test_[REDACTED] and sk_live_[REDACTED] in "sk_test_[REDACTED]"');
    expect(redact(`${ODD_KEY}, then`)).toBe('sk_test_[REDACTED] then');
    expect(redact(`k=${TEST_KEY}%2Fx&y=1 SK_LIVE_abc`)).toBe('k=sk_test_[REDACTED] SK_LIVE_[REDACTED]');
    expect(redact('cus_taro_yamada task_test')).toBe('cus_taro_yamada task_test');
  });

  test("contract-results.json redacts a key a server echoed as an object key, and the Markdown shows a server's text literally", () => {
    const result: CaseResult = {
      operationId: 'getCustomer',
      label: 'GET /v2/customers/{customer_id} (getCustomer)',
      name: 'hostile',
      expectedStatus: 200,
      mode: 'live',
      violations: [],
      warnings: [],
      infrastructure: [],
      failures: ['expected 200, got 418 x\n# H1 <script>alert(1)</script> ![i](https://attacker.example/p.png) `c` | cell'],
    };
    const violation: Violation = {
      check: 'response_schema_conformance',
      location: 'body',
      pointer: '/email',
      message: 'must be string',
      expected: 'string',
      actual: undefined,
      rule: 'schema type',
      evidence: { source: 'client', reason: 'the client type' },
    };
    const echoed = { ...result, violations: [{ ...violation, actual: { [TEST_KEY]: 'echoed', nested: { [`Bearer ${TEST_KEY}`]: 1 } } }] };
    const json = resultsJson([echoed]);
    expect(json).not.toContain(TEST_KEY.slice(8));
    expect(JSON.parse(json)[0].violations[0].actual).toEqual({ 'sk_test_[REDACTED]': 'echoed', nested: { 'Bearer sk_test_[REDACTED]': 1 } });
    const markdown = markdownSummary([], [result], 'remote');
    const row = markdown.split('\n').find((l) => l.includes('expected 200, got 418'))!;
    expect(row).toBe(
      '| getCustomer | hostile |  |  |  |  | expected 200, got 418 x # H1 \\<script\\>alert(1)\\</script\\> \\!\\[i\\](https://attacker.example/p.png) \\`c\\` \\| cell |  |  |  |',
    );
  });

  test('a TestKey prints, serialises and inspects as redacted', () => {
    const key = new TestKey(TEST_KEY, 'the test key');
    expect([String(key), `${key}`, JSON.stringify({ key }), inspect({ key })].join(' ')).not.toContain('c0ntract');
    expect(key.reveal()).toBe(TEST_KEY);
  });
});

describe('the client', () => {
  test('sends the key as a bearer token and an Idempotency-Key on every POST only', async () => {
    const c = client();
    await c.send({ method: 'post', path: '/v2/customers', body: {} });
    await c.send({ method: 'post', path: '/v2/customers', body: {} });
    await c.send({ method: 'get', path: '/v2/customers' });
    const [a, b, get] = seen;
    expect(a!.headers['authorization']).toBe(`Bearer ${TEST_KEY}`);
    expect(a!.headers['content-type']).toBe('application/json');
    const write = loadContract().operations.find((op) => op.parameters.some((p) => p.in === 'header' && p.name === 'Idempotency-Key'));
    if (!write) throw new Error('no operation of the bundle takes an Idempotency-Key');
    const key = a!.headers['idempotency-key'];
    expect(typeof key === 'string' && keepsHeaderRule(write, 'Idempotency-Key', key), `${String(key)} keeps the bundle's rule`).toBe(true);
    expect(b!.headers['idempotency-key']).not.toBe(a!.headers['idempotency-key']);
    expect(get!.headers['idempotency-key']).toBeUndefined();
  });
  test('retries 503 and 429 after Retry-After, a POST under the same key, and then gives the answer', async () => {
    let answers = [503, 429, 200];
    handler = (_, res) => json(res, answers.shift() ?? 200, {}, { 'retry-after': '0' });
    const exchange = await client().send({ method: 'post', path: '/v2/customers', body: { a: 1 } });
    expect(exchange.response.status).toBe(200);
    expect(exchange.attempts).toBe(3);
    expect(new Set(seen.map((s) => s.headers['idempotency-key'])).size).toBe(1);
    expect(seen.map((s) => s.body)).toEqual(['{"a":1}', '{"a":1}', '{"a":1}']);

    seen.length = 0;
    answers = [429, 429, 429, 429];
    const given = await client({ maxAttempts: 2 }).send({ method: 'get', path: '/v2/customers' });
    expect([given.response.status, given.attempts, seen.length]).toEqual([429, 2, 2]);
    seen.length = 0;
    answers = [429];
    expect((await client().send({ method: 'get', path: '/v2/customers', retry: false })).response.status).toBe(429);
    expect(seen).toHaveLength(1);
  });
  test('retries what the catalog says to wait out under the same key (429, 503), never a stored answer or a 500', () => {
    expect([...RETRIED].sort()).toEqual([429, 503]);
    for (const [code, def] of Object.entries(ERROR_CATALOG)) {
      if (def.replay === 'stored') expect(RETRIED.has(def.status), `${code} is stored: retrying it would only replay it`).toBe(false);
    }
    expect(RETRIED.has(500)).toBe(false);
  });
  test('without Retry-After, waits longer each time (1 s, then 2 s)', async () => {
    handler = (_, res) => json(res, 503, {});
    const c = client({ maxAttempts: 3, maxRetryAfterSeconds: 10 });
    // The client asks setTimeout for each wait: its own timers (called from client.ts) are noted as asked and
    // not waited, so the test proves the waits' lengths without spending them.
    const real = globalThis.setTimeout;
    const waits: number[] = [];
    const timers = vi.spyOn(globalThis, 'setTimeout').mockImplementation(((run: () => void, ms?: number) => {
      const fromClient = new Error().stack?.includes('contract-tests/lib/client.ts') === true;
      if (fromClient) waits.push(ms ?? 0);
      return real(run, fromClient ? 0 : ms);
    }) as typeof setTimeout);
    try {
      const exchange = await c.send({ method: 'get', path: '/v2/customers' });
      expect([exchange.response.status, exchange.attempts]).toEqual([503, 3]);
    } finally {
      timers.mockRestore();
    }
    expect(waits).toEqual([1000, 2000]);
  });
  test('a request that gets no answer fails after the timeout, as a TransportError', async () => {
    handler = () => {}; // never answers
    const error = await client({ timeoutMs: 150 })
      .send({ method: 'get', path: '/v2/slow' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransportError);
    expect(error).toMatchObject({ kind: 'timeout', message: expect.stringMatching(/GET http:\/\/127\.0\.0\.1:\d+\/v2\/slow: no answer within 150 ms/) });
  });
  test('keeps at most `concurrency` requests in flight', async () => {
    handler = (_, res) => setTimeout(() => json(res, 200, {}), 30);
    const c = client({ concurrency: 2 });
    await Promise.all(Array.from({ length: 6 }, () => c.send({ method: 'get', path: '/v2/customers' })));
    expect(seen).toHaveLength(6);
    expect(maxInFlight).toBe(2);
  });
  test('the typed client (openapi-fetch over `paths`) goes through the same guard', async () => {
    handler = (_, res) => json(res, 200, { object: 'customer', id: 'cus_1' });
    const { data } = await client().api.GET('/v2/customers/{customer_id}', { params: { path: { customer_id: 'cus_1' } } });
    expect(data?.id).toBe('cus_1');
    expect(seen[0]!.headers['authorization']).toBe(`Bearer ${TEST_KEY}`);
  });
});
