// What the sandbox's webhook delivery is given: endpoints (URL, token, optional event-type filter), the
// timing (attempt timeout, a time scale for the retry schedule, concurrency, the queue's bound) and the
// faults, each a rate and all off by default. Read from startSandbox()'s `webhooks` option or from the
// environment of `npm run sandbox`; anything invalid is refused before the server starts, naming the option
// or the variable.
import { secretUrl } from '../../contract-core/secret-url.ts';
import { MAX_TIMER_MS, SettingError, isTimerMs, timerMsWhat } from '../../contract-core/settings.ts';
import { DELIVERY_TIMEOUT_MS, RETRY_SCHEDULE_S } from '../../contract-core/webhook-delivery.ts';

export interface WebhookEndpoint {
  /** An http(s) URL without credentials in it. */
  url: string;
  /** The `X-Payjp-Webhook-Token` sent to this endpoint (default: the options' `token`). */
  token?: string;
  /** Only events of these types are sent to it (default: every event). */
  types?: readonly string[];
}

export interface WebhookOptions {
  endpoints?: readonly WebhookEndpoint[];
  /** The token of endpoints that name none. */
  token?: string;
  /** Per attempt, in ms (default DELIVERY_TIMEOUT_MS, 10 s). */
  timeoutMs?: number;
  /** Multiplies the retry schedule (1 = minutes to hours as documented; 0.0001 turns a minute into 6 ms). */
  timeScale?: number;
  /** Attempts in flight per endpoint (default 1: an endpoint gets one request at a time, in order). */
  concurrency?: number;
  /** Deliveries waiting or in flight, all endpoints together, beyond which new ones fail at once (default 10,000). */
  maxQueued?: number;
  /**
   * Characters of JSON of the events those deliveries carry, counted once per delivery, beyond which new ones
   * fail at once (default 32 MiB: a queue of large events stays within about 64 MB of heap).
   */
  maxQueuedChars?: number;
  /** Share of deliveries (0-1) sent twice. */
  duplicateRate?: number;
  /** Each delivery's first attempt waits a seeded random time below this, in ms. */
  delayMs?: number;
  /** Share of deliveries (0-1) held back until the next delivery to the same endpoint has gone. */
  reorderRate?: number;
  /** Share of deliveries (0-1) never sent and never retried. */
  dropRate?: number;
  /** Share of events (0-1) never created at all: not recorded, not listed, not sent (PAY.JP's incident). */
  lostEventRate?: number;
}

export interface ResolvedEndpoint {
  url: string;
  token: string;
  types: ReadonlySet<string> | undefined;
}

export interface DeliverySettings {
  endpoints: readonly ResolvedEndpoint[];
  timeoutMs: number;
  /** The waits before each retry, in ms, time scale applied. */
  retryDelaysMs: readonly number[];
  concurrency: number;
  maxQueued: number;
  maxQueuedChars: number;
  duplicateRate: number;
  delayMs: number;
  reorderRate: number;
  dropRate: number;
  lostEventRate: number;
}

/** Printable ASCII without spaces: what an HTTP header value can carry unchanged. */
const TOKEN = /^[\x21-\x7e]+$/;

/**
 * The URL, if the sandbox may post the webhook token to it: https, or http to this machine, no user or password
 * (contract-core/secret-url.ts, the rule of every tool that sends a secret).
 */
export const checkEndpointUrl = (raw: string, where: string): string => secretUrl(raw, `sandbox: ${where}`, 'the webhook token').href;

function checkToken(token: string | undefined, where: string): string {
  if (token === undefined) throw new SettingError(`sandbox: ${where} is required: the X-Payjp-Webhook-Token your receiver checks`);
  if (!TOKEN.test(token)) throw new SettingError(`sandbox: ${where} must be printable ASCII without spaces (it is sent as a header)`);
  return token;
}

function checkNumber(value: number | undefined, where: string, what: string, valid: (value: number) => boolean, fallback: number): number {
  if (value === undefined) return fallback;
  if (!valid(value)) throw new SettingError(`sandbox: ${where} must be ${what} (got ${value})`);
  return value;
}

/** The default bound of the queue in characters of the events it holds (options' maxQueuedChars). */
export const MAX_QUEUED_CHARS = 32 * 1024 * 1024;
const isRate = (value: number) => value >= 0 && value <= 1;
const A_RATE = 'a number from 0 to 1';
/** The largest time scale whose longest retry wait (6 h) a timer still holds. */
const MAX_TIME_SCALE = MAX_TIMER_MS / (Math.max(...RETRY_SCHEDULE_S) * 1000);
const isTimeScale = (value: number) => value > 0 && value <= MAX_TIME_SCALE;
const A_TIME_SCALE = `a number > 0 and at most ${MAX_TIME_SCALE.toFixed(2)} (the longest retry wait, ${Math.max(...RETRY_SCHEDULE_S)} s, scaled, must fit a timer)`;
const isTimeout = (value: number) => isTimerMs(value, true);

/** The options checked, with their defaults. */
export function resolveWebhookOptions(options: WebhookOptions): DeliverySettings {
  const endpoints = (options.endpoints ?? []).map((endpoint, i) => {
    const where = `webhooks.endpoints[${i}]`;
    const types = endpoint.types;
    if (types !== undefined && (types.length === 0 || types.some((type) => typeof type !== 'string' || type === '')))
      throw new SettingError(`sandbox: ${where}.types must be a list of event types (leave it out for every event)`);
    return {
      url: checkEndpointUrl(endpoint.url, `${where}.url`),
      token: checkToken(endpoint.token ?? options.token, endpoint.token === undefined ? 'webhooks.token' : `${where}.token`),
      types: types === undefined ? undefined : new Set(types),
    };
  });
  const timeScale = checkNumber(options.timeScale, 'webhooks.timeScale', A_TIME_SCALE, isTimeScale, 1);
  return {
    endpoints,
    timeoutMs: checkNumber(options.timeoutMs, 'webhooks.timeoutMs', timerMsWhat(true), isTimeout, DELIVERY_TIMEOUT_MS),
    retryDelaysMs: RETRY_SCHEDULE_S.map((seconds) => seconds * 1000 * timeScale),
    concurrency: checkNumber(options.concurrency, 'webhooks.concurrency', 'an integer >= 1', (value) => Number.isInteger(value) && value >= 1, 1),
    maxQueued: checkNumber(options.maxQueued, 'webhooks.maxQueued', 'an integer >= 1', (value) => Number.isInteger(value) && value >= 1, 10_000),
    maxQueuedChars: checkNumber(
      options.maxQueuedChars,
      'webhooks.maxQueuedChars',
      'an integer >= 1',
      (value) => Number.isInteger(value) && value >= 1,
      MAX_QUEUED_CHARS,
    ),
    duplicateRate: checkNumber(options.duplicateRate, 'webhooks.duplicateRate', A_RATE, isRate, 0),
    delayMs: checkNumber(options.delayMs, 'webhooks.delayMs', timerMsWhat(), isTimerMs, 0),
    reorderRate: checkNumber(options.reorderRate, 'webhooks.reorderRate', A_RATE, isRate, 0),
    dropRate: checkNumber(options.dropRate, 'webhooks.dropRate', A_RATE, isRate, 0),
    lostEventRate: checkNumber(options.lostEventRate, 'webhooks.lostEventRate', A_RATE, isRate, 0),
  };
}

/** The webhook options in the environment of `npm run sandbox` (see sandbox/README.md), or none. */
export function webhookOptionsFromEnv(env: NodeJS.ProcessEnv): WebhookOptions | undefined {
  const options: WebhookOptions = {};
  const given = (name: string): string | undefined => (env[name] === undefined || env[name] === '' ? undefined : env[name]);
  const numberIn = (name: string, what: string, valid: (value: number) => boolean): number | undefined => {
    const raw = given(name);
    if (raw === undefined) return undefined;
    const value = Number(raw);
    if (!valid(value)) throw new SettingError(`sandbox: ${name} must be ${what} (got ${raw})`);
    return value;
  };
  const urls = given('SANDBOX_WEBHOOK_URLS');
  const token = given('SANDBOX_WEBHOOK_TOKEN');
  if (urls !== undefined) {
    options.endpoints = urls.split(',').map((url) => ({ url: checkEndpointUrl(url.trim(), 'SANDBOX_WEBHOOK_URLS') }));
    options.token = checkToken(token, 'SANDBOX_WEBHOOK_TOKEN (with SANDBOX_WEBHOOK_URLS)');
  } else if (token !== undefined) options.token = checkToken(token, 'SANDBOX_WEBHOOK_TOKEN');
  const numbers = {
    timeoutMs: numberIn('SANDBOX_WEBHOOK_TIMEOUT_MS', timerMsWhat(true), isTimeout),
    timeScale: numberIn('SANDBOX_WEBHOOK_TIME_SCALE', A_TIME_SCALE, isTimeScale),
    duplicateRate: numberIn('SANDBOX_WEBHOOK_DUPLICATE_RATE', A_RATE, isRate),
    delayMs: numberIn('SANDBOX_WEBHOOK_DELAY_MS', timerMsWhat(), (value) => isTimerMs(value)),
    reorderRate: numberIn('SANDBOX_WEBHOOK_REORDER_RATE', A_RATE, isRate),
    dropRate: numberIn('SANDBOX_WEBHOOK_DROP_RATE', A_RATE, isRate),
    lostEventRate: numberIn('SANDBOX_WEBHOOK_LOST_EVENT_RATE', A_RATE, isRate),
  };
  for (const [name, value] of Object.entries(numbers)) if (value !== undefined) Object.assign(options, { [name]: value });
  return Object.keys(options).length === 0 ? undefined : options;
}
