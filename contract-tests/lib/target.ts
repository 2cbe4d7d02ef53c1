// Which server the contract tests talk to, from the environment; starts a local mock or sandbox when no
// CONTRACT_BASE_URL is given. The key is checked (no live key) before any server is started or called.
import { assertTestKey } from './secrets.ts';

export type TargetKind = 'mock' | 'sandbox' | 'remote';

export interface TargetConfig {
  kind: TargetKind;
  baseUrl: string | undefined;
  secretKey: string;
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
export const LOCAL_TEST_KEY = 'sk_test_contract_local_0000000000';

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got '${raw}')`);
  return value;
}

export function readTargetConfig(env: NodeJS.ProcessEnv = process.env): TargetConfig {
  const baseUrl = env['CONTRACT_BASE_URL'] || undefined;
  const requested = env['CONTRACT_TARGET'] || (baseUrl ? 'remote' : 'mock');
  if (!['mock', 'sandbox', 'remote'].includes(requested)) {
    throw new Error(`CONTRACT_TARGET must be mock, sandbox or remote (got '${requested}')`);
  }
  const secretKey = env['PAYJP_SECRET_KEY'] || (baseUrl ? '' : LOCAL_TEST_KEY);
  if (!secretKey) throw new Error('PAYJP_SECRET_KEY is required with CONTRACT_BASE_URL (a sk_test_ key)');
  assertTestKey(secretKey);
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
