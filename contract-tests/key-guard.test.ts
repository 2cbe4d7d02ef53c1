// The key rule, by allow-list: only what is certainly a secret test key (trimmed: sk_test_ and letters and
// digits) is accepted; every disguise of a live key, and everything else, is refused before any server is
// started or any request sent, by every entry point: the vitest suite (openRun, readTargetConfig), the
// client, Dredd (run.ts, and its hooks for a Dredd started by hand) and the mutation proof, the scripts
// spawned as a user runs them, against a server of this test that counts what reaches it.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import pLimit from 'p-limit';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createContractClient } from './lib/client.ts';
import { TestKey } from './lib/keys.ts';
import { RefusedError } from './lib/secrets.ts';
import { openRun } from './lib/suite.ts';
import { LOCAL_TEST_KEY, readTargetConfig } from './lib/target.ts';
import { ROOT } from '../contract-core/files.ts';

// Built at run time so that no key-shaped literal sits in the source. Every secret part holds "c0ntract",
// which no output may show.
const key = (...parts: string[]): string => parts.join('_');
const LIVE = key('sk', 'live', 'c0ntractL1veKey0000000000');
const TEST = key('sk', 'test', 'c0ntractTestKey0000000000');

/** Every disguise seen or feared (issue 10): none is certainly a test key, so each is refused. */
const DISGUISES: [string, string][] = [
  ['a live key', LIVE],
  ['a live key after a space', ` ${LIVE}`],
  ['a live key after a tab', `\t${LIVE}`],
  ['a live key after a newline', `\n${LIVE}`],
  ['a live key and a trailing newline', `${LIVE}\n`],
  ['a live key after a no-break space', `\u00a0${LIVE}`],
  ['a live key after a zero-width space', `\u200b${LIVE}`],
  ['a live key after a byte-order mark', `\ufeff${LIVE}`],
  ['a live key in double quotes', `"${LIVE}"`],
  ['a live key in single quotes', `'${LIVE}'`],
  ['a live key after "Bearer "', `Bearer ${LIVE}`],
  ['a live key after "bearer "', `bearer ${LIVE}`],
  ['a live key in capitals', LIVE.toUpperCase()],
  ['a live publishable key', key('pk', 'live', 'c0ntract0000')],
  ['a test publishable key', key('pk', 'test', 'c0ntract0000')],
  ['a test key then a live key', `${TEST} ${LIVE}`],
  ['a test key and a live key on two lines', `${TEST}\n${LIVE}`],
  ['a test key in double quotes', `"${TEST}"`],
  ['a test key after "Bearer "', `Bearer ${TEST}`],
  ['a test key with a space inside', `${TEST.slice(0, 14)} ${TEST.slice(14)}`],
  ['a test key with characters other than letters and digits', `${TEST}-c0ntract.more`],
  ['a test key with full-width letters', `ｓｋ_test_c0ntract`],
  ['the prefix alone', 'sk_test_'],
  ['whitespace only', ' \t '],
];

const neverQuoted = (message: string): void => {
  expect(message).not.toContain('c0ntract');
  expect(message).not.toMatch(/L1veKey|TestKey0/);
};

describe('the allow-list', () => {
  test.each(DISGUISES)('refuses %s, without quoting it', (_, value) => {
    const error = (() => {
      try {
        new TestKey(value, 'PAYJP_SECRET_KEY');
      } catch (e) {
        return e as Error;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(RefusedError);
    expect(error!.message).toMatch(/^PAYJP_SECRET_KEY refused: /);
    neverQuoted(error!.message);
  });

  test.each([
    ['the key', TEST],
    ['the key between spaces', ` ${TEST} `],
    ['the key and a newline (a file read as it is)', `${TEST}\n`],
    ['the key between tabs', `\t${TEST}\t`],
  ])('accepts %s, trimmed', (_, value) => {
    expect(new TestKey(value, 'PAYJP_SECRET_KEY').reveal()).toBe(TEST);
  });

  test('says why, in words that help: live, quotes, a scheme, whitespace, other characters', () => {
    const why = (value: string): string => {
      try {
        new TestKey(value, 'K');
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(why(` ${LIVE}`)).toMatch(/live key/);
    expect(why(`"${TEST}"`)).toMatch(/in quotes/);
    expect(why(`Bearer ${TEST}`)).toMatch(/authorization scheme/);
    expect(why(key('pk', 'test', 'x'))).toMatch(/publishable/);
    expect(why(`${TEST.slice(0, 14)} ${TEST.slice(14)}`)).toMatch(/whitespace/);
    expect(why(`${TEST}-x`)).toMatch(/other than letters and digits/);
    expect(why('   ')).toMatch(/empty/);
  });
});

// A server that counts what reaches it: every refusal below must leave it at zero.
const seen: IncomingMessage[] = [];
let onRequest: (() => void) | undefined;
const server = createServer((req, res) => {
  seen.push(req);
  onRequest?.();
  res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
});
let baseUrl = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  seen.length = 0;
  onRequest = undefined;
});
afterEach(() => vi.unstubAllEnvs());

describe('the vitest suite and the client', () => {
  test.each(DISGUISES)('the suite (openRun, from the environment) refuses %s before a request', async (_, value) => {
    vi.stubEnv('CONTRACT_BASE_URL', baseUrl);
    vi.stubEnv('PAYJP_SECRET_KEY', value);
    expect(() => readTargetConfig()).toThrow(RefusedError);
    const error = await openRun().then(
      async (run) => (await run.close(), undefined),
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(RefusedError);
    neverQuoted(error!.message);
    expect(seen).toHaveLength(0);
  });

  test('a remote target needs a key; a local one gets the local test key', () => {
    expect(() => readTargetConfig({ CONTRACT_BASE_URL: baseUrl })).toThrow(/PAYJP_SECRET_KEY is required/);
    expect(() => readTargetConfig({ CONTRACT_BASE_URL: baseUrl, PAYJP_SECRET_KEY: '' })).toThrow(/PAYJP_SECRET_KEY is required/);
    expect(readTargetConfig({}).secretKey).toBe(LOCAL_TEST_KEY);
    expect(readTargetConfig({ PAYJP_SECRET_KEY: ` ${TEST}\n`, CONTRACT_TARGET: 'mock' }).secretKey.reveal()).toBe(TEST);
    // A key with no server named is for no server: not silently used against a local mock.
    expect(() => readTargetConfig({ PAYJP_SECRET_KEY: TEST })).toThrow('PAYJP_SECRET_KEY is set but CONTRACT_BASE_URL is not');
    expect(() => readTargetConfig({ CONTRACT_BASE_URL: ' ', PAYJP_SECRET_KEY: TEST })).toThrow('CONTRACT_BASE_URL is set but empty');
  });

  test('the client takes a TestKey only: a string, cast past the types, is refused', () => {
    const options = { baseUrl, rate: 10, concurrency: 1, timeoutMs: 100 };
    expect(() => createContractClient({ ...options, secretKey: ` ${LIVE}` as unknown as TestKey })).toThrow(RefusedError);
    expect(() => createContractClient({ ...options, secretKey: TEST as unknown as TestKey })).toThrow(RefusedError);
    expect(seen).toHaveLength(0);
  });
});

interface Spawned {
  code: number | null;
  output: string;
}

/** Runs a script as `npm run` would (Node 24, the repository as working directory) with the key given. */
function runScript(args: string[], env: Record<string, string>, killOnFirstRequest = false): Promise<Spawned> {
  // The test's own environment, without any setting of the contract tests (npm test:sandbox sets some).
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(CONTRACT_|PAYJP_)/.test(name)));
  // Detached, so that the script and the Dredd it starts form a group this test can end.
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (killOnFirstRequest) {
    onRequest = () => {
      onRequest = undefined;
      process.kill(-child.pid!, 'SIGKILL');
    };
  }
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, output })));
}

const ENTRY_POINTS: [string, string][] = [
  ['Dredd (npm run test:dredd)', join(ROOT, 'contract-tests/dredd/run.ts')],
  ['the mutation proof (npm run test:mutation)', join(ROOT, 'contract-tests/mutation/run.ts')],
];

describe.each(ENTRY_POINTS)('%s', (_, script) => {
  test('refuses every disguise: exit code not 0, no request, the key not shown', async () => {
    // Two at a time: each is a Node process; the machine has two cores.
    const limit = pLimit(2);
    const runs = await Promise.all(
      DISGUISES.map(([name, value]) => limit(async () => ({ name, ...(await runScript([script], { CONTRACT_BASE_URL: baseUrl, PAYJP_SECRET_KEY: value })) }))),
    );
    expect(seen).toHaveLength(0);
    for (const { name, code, output } of runs) {
      expect(code, `${name}: ${output}`).not.toBe(0);
      expect(output, name).toMatch(/PAYJP_SECRET_KEY refused: /);
      neverQuoted(output);
    }
  });
});

test('the counting server sees what a spawned script sends: the mutation proof with a test key', async () => {
  const { output } = await runScript([ENTRY_POINTS[1]![1]], { CONTRACT_BASE_URL: baseUrl, PAYJP_SECRET_KEY: TEST }, true);
  expect(seen.length, output).toBeGreaterThan(0);
  expect(seen[0]!.headers['authorization']).toBe(`Bearer ${TEST}`);
});

describe('the Dredd hooks, for a Dredd started without run.ts', () => {
  type Hook = (transaction: Transaction, done: () => void) => void;
  interface Transaction {
    request: { method: string; headers: Record<string, string> };
    expected: { statusCode: number };
    fail?: string;
    skip?: boolean;
  }
  /** Loads hooks.cjs as Dredd does (CommonJS, `hooks` injected), with CONTRACT_DREDD_KEY set. */
  const loadHooks = (dreddKey: string): Record<string, Hook> => {
    vi.stubEnv('CONTRACT_DREDD_KEY', dreddKey);
    const file = join(ROOT, 'contract-tests/dredd/hooks.cjs');
    const registered: Record<string, Hook> = {};
    const hooks = new Proxy({}, { get: (_, name: string) => (hook: Hook) => void (registered[name] = hook) });
    const load = new Function('require', readFileSync(file, 'utf8')) as (require: (id: string) => unknown) => void;
    const real = createRequire(file);
    load((id) => (id === 'hooks' ? hooks : real(id)));
    return registered;
  };
  const transaction = (): Transaction => ({ request: { method: 'POST', headers: {} }, expected: { statusCode: 200 } });

  test.each(DISGUISES)('fail every transaction before it is sent with %s', (_, value) => {
    const hooks = loadHooks(value);
    const t = transaction();
    hooks['beforeEach']!(t, () => {});
    expect(t.fail).toMatch(/^nothing sent: CONTRACT_DREDD_KEY refused: /);
    neverQuoted(t.fail!);
    expect(t.request.headers['Authorization']).toBeUndefined();
  });

  test('send a test key, and take it out of the transaction before Dredd reports it', () => {
    const hooks = loadHooks(TEST);
    const t = transaction();
    hooks['beforeEach']!(t, () => {});
    expect([t.fail, t.request.headers['Authorization']]).toEqual([undefined, `Bearer ${TEST}`]);
    hooks['beforeEachValidation']!(t, () => {});
    expect(t.request.headers['Authorization']).toBe('Bearer sk_test_[REDACTED]');
  });
});
