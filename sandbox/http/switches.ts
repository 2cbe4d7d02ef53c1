// Operational switches for tests, all off by default: a token-bucket rate limit, injected latency,
// injected failures (5xx problems, an idempotency store outage, HTML error pages as a CDN sends, dropped
// connections) at given rates, and objects of its own for each key.
import { SettingError, isTimerMs, timerMsWhat } from '../../contract-core/settings.ts';

export interface Switches {
  /** Token bucket: `perSecond` requests per second on average, bursts of up to `burst` (default perSecond). */
  rateLimit?: { perSecond: number; burst?: number };
  /** Added to the processing of every API request, in milliseconds. */
  latencyMs?: number;
  /** Share of API requests (0-1) answered 500 `internal_server_error` before being processed. */
  errorRate?: number;
  /** Share of API requests (0-1) answered 502 with an HTML page (a CDN's), before being processed. */
  htmlErrorRate?: number;
  /** Share of writes with an Idempotency-Key (0-1) answered 503 `idempotency_infrastructure_error`, unprocessed. */
  idempotencyErrorRate?: number;
  /** Share of API requests (0-1) whose connection is dropped after they were processed (response lost). */
  dropRate?: number;
  /** Seed of the draws for the rates above, for repeatable runs. */
  seed?: number;
  /** Each secret key sees objects of its own (seeded on its first request) instead of the ones all keys share. */
  isolateKeys?: boolean;
}

export class TokenBucket {
  readonly #perSecond: number;
  readonly #burst: number;
  #tokens: number;
  #last = performance.now();

  constructor(perSecond: number, burst = perSecond) {
    if (!(perSecond > 0) || !(burst >= 1)) throw new SettingError(`sandbox: rate limit needs perSecond > 0 and burst >= 1 (got ${perSecond}, ${burst})`);
    this.#perSecond = perSecond;
    this.#burst = burst;
    this.#tokens = burst;
  }

  /** Takes a token: 0 when granted, else the whole seconds to wait for the next one. */
  take(): number {
    const now = performance.now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#last) / 1000) * this.#perSecond);
    this.#last = now;
    if (this.#tokens >= 1) {
      this.#tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.#tokens) / this.#perSecond));
  }
}

/** Reads the switches from the environment of `npm run sandbox` (see sandbox/README.md). */
export function switchesFromEnv(env: NodeJS.ProcessEnv): Switches {
  const switches: Switches = {};
  const numberIn = (name: string, what: string, valid: (value: number) => boolean): number | undefined => {
    const raw = env[name];
    if (raw === undefined || raw === '') return undefined;
    const value = Number(raw);
    if (!valid(value)) throw new SettingError(`sandbox: ${name} must be ${what} (got ${raw})`);
    return value;
  };
  const rate = (name: string) => numberIn(name, 'a number from 0 to 1', (value) => value >= 0 && value <= 1);
  const limit = env['SANDBOX_RATE_LIMIT'];
  if (limit) {
    const [perSecond, burst, ...rest] = limit.split(':').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
    if (!(perSecond! > 0) || (burst !== undefined && !(burst >= 1)) || rest.length > 0)
      throw new SettingError(`sandbox: SANDBOX_RATE_LIMIT must be perSecond[:burst], perSecond > 0 and burst >= 1 (got ${limit})`);
    switches.rateLimit = burst === undefined ? { perSecond: perSecond! } : { perSecond: perSecond!, burst };
  }
  const latencyMs = numberIn('SANDBOX_LATENCY_MS', timerMsWhat(), (value) => isTimerMs(value));
  if (latencyMs !== undefined) switches.latencyMs = latencyMs;
  const errorRate = rate('SANDBOX_ERROR_RATE');
  const htmlErrorRate = rate('SANDBOX_HTML_ERROR_RATE');
  const dropRate = rate('SANDBOX_DROP_RATE');
  const idempotencyErrorRate = rate('SANDBOX_IDEMPOTENCY_ERROR_RATE');
  if (errorRate !== undefined) switches.errorRate = errorRate;
  if (htmlErrorRate !== undefined) switches.htmlErrorRate = htmlErrorRate;
  if (dropRate !== undefined) switches.dropRate = dropRate;
  if (idempotencyErrorRate !== undefined) switches.idempotencyErrorRate = idempotencyErrorRate;
  const seed = numberIn('SANDBOX_SEED', 'an integer', Number.isInteger);
  if (seed !== undefined) switches.seed = seed;
  const isolate = env['SANDBOX_ISOLATE_KEYS'];
  if (isolate !== undefined && isolate !== '') {
    if (isolate !== '0' && isolate !== '1') throw new SettingError(`sandbox: SANDBOX_ISOLATE_KEYS must be 1 (on) or 0 (off) (got ${isolate})`);
    if (isolate === '1') switches.isolateKeys = true;
  }
  return switches;
}
