// Which server the contract tests talk to, from the environment; starts a local mock or sandbox when no
// CONTRACT_BASE_URL is given. The key is read first: anything but a test key is refused before any server is
// started or called.
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
}

export interface Target extends TargetConfig {
  baseUrl: string;
  /** A stateful target keeps what the suite creates; the mock answers examples (scenarios are shape-only). */
  stateful: boolean;
  close(): Promise<void>;
}

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

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got '${raw}')`);
  return value;
}

export function readTargetConfig(env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const baseUrl = env['CONTRACT_BASE_URL'] || undefined;
  const secretKey = readSecretKey(env, baseUrl !== undefined);
  const requested = env['CONTRACT_TARGET'] || (baseUrl ? 'remote' : 'mock');
  if (!['mock', 'sandbox', 'remote'].includes(requested)) {
    throw new Error(`CONTRACT_TARGET must be mock, sandbox or remote (got '${requested}')`);
  }
  if (requested === 'remote' && !baseUrl) throw new Error('CONTRACT_TARGET=remote needs CONTRACT_BASE_URL');
  return {
    kind: requested as TargetKind,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    secretKey,
    rate: positive(env, 'CONTRACT_RATE', baseUrl ? 5 : 200),
    concurrency: positive(env, 'CONTRACT_CONCURRENCY', baseUrl ? 2 : 8),
    timeoutMs: positive(env, 'CONTRACT_TIMEOUT_MS', 10_000),
  };
}

/** The configured target, started locally when it has no base URL. Call `close()` when done. */
export async function openTarget(config: TargetConfig = readTargetConfig()): Promise<Target> {
  if (config.baseUrl) {
    return { ...config, baseUrl: config.baseUrl, stateful: config.kind !== 'mock', close: async () => {} };
  }
  const server =
    config.kind === 'sandbox'
      ? await (await import('../../sandbox/server.ts')).startSandbox({ port: 0 })
      : await (await import('../../mock/server.ts')).startMock({ port: 0, log: false });
  return { ...config, baseUrl: server.url.replace(/\/+$/, ''), stateful: config.kind === 'sandbox', close: () => server.close() };
}
