// Which server the contract tests talk to, from the environment; starts a local mock or sandbox when no
// CONTRACT_BASE_URL is given. The key is read first: anything but a test key is refused before any server is
// started or called.
import { MAX_TIMER_MS } from '../../contract-core/timer.ts';
import { secretUrl } from '../../contract-core/secret-url.ts';
import { isSandboxAnswer } from '../../contract-core/sandbox-identity.ts';
import { TestKey } from './keys.ts';
import { RefusedError } from './secrets.ts';

export type TargetKind = 'mock' | 'sandbox' | 'remote';

export interface TargetConfig {
  kind: TargetKind;
  baseUrl: string | undefined;
  secretKey: TestKey;
  /** Requests per second, all requests together. */
  rate: number;
  concurrency: number;
  timeoutMs: number;
  /** The most bytes read of an answer's body (default DEFAULT_MAX_BODY_BYTES); more is an infrastructure failure (too-large), not read on. */
  maxBodyBytes?: number;
  /**
   * With a base URL and no CONTRACT_TARGET: ask the server what it is (identify.ts). A sandbox of this package
   * is then verified as a sandbox (its seeded IDs, violations of inferred rules), at the local rate and
   * concurrency where those were not set (true).
   */
  identify?: { rate: boolean; concurrency: boolean };
}

export interface Target extends TargetConfig {
  baseUrl: string;
  /** A stateful target keeps what the suite creates; the mock answers examples (scenarios are shape-only). */
  stateful: boolean;
  close(): Promise<void>;
}

/** How much of an answer is read by default: 8 MiB, far above any documented answer (a list of 100 objects). */
export const DEFAULT_MAX_BODY_BYTES = 8 * 2 ** 20;

/** The rate and concurrency for a server on this machine (the suite's own mock or sandbox, or one it recognised). */
export const LOCAL_PACE = { rate: 200, concurrency: 8 } as const;

/** The key a local mock or sandbox accepts; never a real account's key. */
export const LOCAL_TEST_KEY = new TestKey('sk_test_contractLocal0000000000', 'the local test key');

/** PAYJP_SECRET_KEY as a test key; unset or empty, the local key, unless the target is remote (then required). */
export function readSecretKey(env: NodeJS.ProcessEnv, remote: boolean): TestKey {
  const raw = env['PAYJP_SECRET_KEY'];
  if (raw === undefined || raw === '') {
    if (remote) throw new RefusedError('PAYJP_SECRET_KEY is required with CONTRACT_BASE_URL (a sk_test_ key)');
    return LOCAL_TEST_KEY;
  }
  return new TestKey(raw, 'PAYJP_SECRET_KEY');
}

/** A positive number of `name`, at most `max`; unset or empty, the fallback. */
function positive(env: NodeJS.ProcessEnv, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER, unit = ''): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got '${raw}')`);
  if (value > max) throw new Error(`${name} must be at most ${max}${unit} (got '${raw}')`);
  return value;
}

/**
 * The base URL, if the key may be sent there (contract-core/secret-url.ts: https, or http to this machine) and
 * it is a URL of a server and nothing else. Set but empty is refused: a CI whose staging URL variable is unset
 * must not verify a local mock and pass.
 */
function readBaseUrl(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env['CONTRACT_BASE_URL'];
  if (raw === undefined) return undefined;
  if (raw.trim() === '')
    throw new Error('CONTRACT_BASE_URL is set but empty: give the server to verify, or leave it unset to start a local mock or sandbox (CONTRACT_TARGET)');
  const url = secretUrl(raw.trim(), 'CONTRACT_BASE_URL', 'the key (PAYJP_SECRET_KEY)');
  if (url.search !== '' || url.hash !== '') throw new Error('CONTRACT_BASE_URL is a scheme, host and port (and a path prefix), without a query or fragment');
  return url.href.replace(/\/+$/, '');
}

export function readTargetConfig(env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const requested = env['CONTRACT_TARGET'] || undefined;
  if (requested !== undefined && !['mock', 'sandbox', 'remote'].includes(requested)) {
    throw new Error(`CONTRACT_TARGET must be mock, sandbox or remote (got '${requested}')`);
  }
  // The key first: a refused key stops everything, whatever else is wrong. Then the URL it would go to.
  const secretKey = readSecretKey(env, (env['CONTRACT_BASE_URL'] ?? '').trim() !== '');
  const baseUrl = readBaseUrl(env);
  if (!baseUrl && requested === undefined && env['PAYJP_SECRET_KEY'])
    throw new Error(
      'PAYJP_SECRET_KEY is set but CONTRACT_BASE_URL is not: give the server the key is for, or CONTRACT_TARGET=mock or sandbox to run against a local one',
    );
  if (requested === 'remote' && !baseUrl) throw new Error('CONTRACT_TARGET=remote needs CONTRACT_BASE_URL');
  return {
    kind: (requested ?? (baseUrl ? 'remote' : 'mock')) as TargetKind,
    baseUrl,
    secretKey,
    rate: positive(env, 'CONTRACT_RATE', baseUrl ? 5 : LOCAL_PACE.rate),
    concurrency: positive(env, 'CONTRACT_CONCURRENCY', baseUrl ? 2 : LOCAL_PACE.concurrency),
    timeoutMs: positive(env, 'CONTRACT_TIMEOUT_MS', 10_000, MAX_TIMER_MS, ' ms (what a timer holds)'),
    maxBodyBytes: positive(env, 'CONTRACT_MAX_BODY_BYTES', DEFAULT_MAX_BODY_BYTES),
    ...(baseUrl && requested === undefined ? { identify: { rate: !env['CONTRACT_RATE'], concurrency: !env['CONTRACT_CONCURRENCY'] } } : {}),
  };
}

/** The configured target, started locally when it has no base URL. Call `close()` when done. */
export async function openTarget(config: TargetConfig = readTargetConfig()): Promise<Target> {
  if (config.baseUrl) {
    const known = config.identify ? await identified(config, config.baseUrl) : config;
    return { ...known, baseUrl: config.baseUrl, stateful: known.kind !== 'mock', close: async () => {} };
  }
  const server =
    config.kind === 'sandbox'
      ? await (await import('../../sandbox/server.ts')).startSandbox({ port: 0 })
      : await (await import('../../mock/server.ts')).startMock({ port: 0, log: false });
  return { ...config, baseUrl: server.url.replace(/\/+$/, ''), stateful: config.kind === 'sandbox', close: () => server.close() };
}

/**
 * A server named by URL without CONTRACT_TARGET, asked what it is: one request without a key (`GET /`), whose
 * answer from this package's sandbox carries its header (contract-core/sandbox-identity.ts). A sandbox is then
 * verified as one (its seeded IDs; its inferred rules are ours to keep), at the local pace where none was set.
 * Anything else, no answer included, stays a remote server (the run then reports what it finds).
 */
async function identified(config: TargetConfig, baseUrl: string): Promise<TargetConfig> {
  try {
    const answer = await fetch(`${baseUrl}/`, { redirect: 'manual', signal: AbortSignal.timeout(Math.min(config.timeoutMs, 5000)) });
    await answer.body?.cancel();
    if (!isSandboxAnswer(answer.headers)) return config;
  } catch {
    return config;
  }
  return {
    ...config,
    kind: 'sandbox',
    rate: config.identify?.rate ? LOCAL_PACE.rate : config.rate,
    concurrency: config.identify?.concurrency ? LOCAL_PACE.concurrency : config.concurrency,
  };
}
