// The receiver check: sends a merchant's webhook receiver what PAY.JP may send it and reports how it
// answered. Every documented event (the spec's example, under a fresh event ID), the first of them again
// (a duplicate, to be acknowledged again and not acted on twice), an event of a type the spec does not list
// (to be acknowledged and ignored), and an event with a wrong token and with none (to be refused with 4xx).
// An acknowledgement is a 2xx within the delivery timeout.
//   PAYJP_WEBHOOK_TOKEN=whook_… npm run webhooks:check -- --url http://127.0.0.1:3000/webhooks
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DELIVERY_TIMEOUT_MS } from '../contract-core/webhook-delivery.ts';
import { loadWebhooks } from './spec.ts';
import { secretUrl } from '../contract-core/secret-url.ts';
import { MAX_TIMER_MS } from '../contract-core/timer.ts';

export interface ReceiverCheckOptions {
  /** The receiver's URL: https, or http to this machine; no user or password in it. */
  url: string;
  /** The webhook token the receiver checks. */
  token: string;
  /** How long the receiver has to answer (default DELIVERY_TIMEOUT_MS, as the sandbox waits). */
  timeoutMs?: number;
  /** Called as each answer is judged (the CLI's progress). */
  onResult?: (result: CheckResult, done: number, total: number) => void;
}

export interface CheckResult {
  /** What was sent: `payment_flow.succeeded`, `duplicate of …`, `unknown type`, `wrong token`, `no token`. */
  name: string;
  event_id: string;
  expected: '2xx' | '4xx';
  status: number | null;
  duration_ms: number;
  ok: boolean;
  /** Why it is not ok, or what happened instead of an answer. */
  detail: string | null;
}

export interface ReceiverReport {
  ok: boolean;
  results: CheckResult[];
}

const UNKNOWN_TYPE = 'receiver_check.unknown_type';

/** The URL, if the check may send the webhook token to it: https anywhere, http only to this machine, no credentials. */
const checkReceiverUrl = (raw: string): string => secretUrl(raw, 'receiver check: --url', 'the webhook token').href;

const freshId = (): string => `evnt_check_${randomBytes(9).toString('base64url')}`;

async function send(url: string, header: string, token: string | undefined, event: Record<string, unknown>, timeoutMs: number) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { [header]: token }) },
      body: JSON.stringify(event),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return { status: response.status, duration: performance.now() - started, error: null };
  } catch (error) {
    const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const reason = timedOut ? `no answer within ${timeoutMs} ms` : typeof cause?.code === 'string' ? cause.code : (error as Error).message;
    return { status: null, duration: performance.now() - started, error: reason };
  }
}

export async function checkReceiver(options: ReceiverCheckOptions): Promise<ReceiverReport> {
  const url = checkReceiverUrl(options.url);
  if (options.token === '') throw new Error('receiver check: give the webhook token the receiver checks (--token)');
  // A header value carries no control characters (RFC 9110 §5.5): a CR or LF would end the header. Not quoted.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls are what is refused
  if (/[\u0000-\u001f\u007f]/.test(options.token) || options.token.trim() !== options.token)
    throw new Error(
      'receiver check: --token holds a control character (a CR, an LF…) or surrounding whitespace: it is sent as a header (the token is not shown)',
    );
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  if (!(timeoutMs > 0) || !(timeoutMs <= MAX_TIMER_MS))
    throw new Error(`receiver check: --timeout-ms must be a number of milliseconds > 0 and at most ${MAX_TIMER_MS} (got ${options.timeoutMs})`);
  const { byType, tokenHeader } = loadWebhooks();
  const documented = [...byType.values()].map((spec) => {
    const example = Object.values(spec.examples)[0];
    if (!example) throw new Error(`receiver check: the spec has no example of ${spec.type}`);
    return { name: spec.type, event: { ...example, id: freshId() } };
  });
  const first = documented[0]!;
  const any = (): Record<string, unknown> => ({ ...first.event, id: freshId() });
  const cases: { name: string; event: Record<string, unknown>; token: string | undefined; expected: '2xx' | '4xx' }[] = [
    ...documented.map(({ name, event }) => ({ name, event, token: options.token, expected: '2xx' as const })),
    { name: `duplicate of ${first.name}`, event: first.event, token: options.token, expected: '2xx' },
    {
      name: 'unknown type',
      event: { ...any(), type: UNKNOWN_TYPE, data: { object: 'receiver_check', id: `rc_${randomBytes(6).toString('hex')}` } },
      token: options.token,
      expected: '2xx',
    },
    { name: 'wrong token', event: any(), token: `${options.token}_not_it`, expected: '4xx' },
    { name: 'no token', event: any(), token: undefined, expected: '4xx' },
  ];
  const results: CheckResult[] = [];
  // One at a time, in this order: the duplicate comes after the event it repeats.
  for (const { name, event, token, expected } of cases) {
    const { status, duration, error } = await send(url, tokenHeader, token, event, timeoutMs);
    const ok = status !== null && (expected === '2xx' ? status >= 200 && status <= 299 : status >= 400 && status <= 499);
    const detail = ok
      ? null
      : (error ??
        (expected === '2xx' ? `answered ${status}: PAY.JP would retry` : `answered ${status}: a request without your token must be refused (401 or 403)`));
    const result = { name, event_id: String(event['id']), expected, status, duration_ms: Math.round(duration), ok, detail };
    results.push(result);
    options.onResult?.(result, results.length, cases.length);
  }
  return { ok: results.every((result) => result.ok), results };
}

/** The report as `npm run webhooks:check` and the CLI's `webhooks-check` print it: a Markdown table and a verdict. */
export function formatReport(report: ReceiverReport): string {
  return [
    '| sent | expected | answer | ms | |',
    '|---|---|---|---:|---|',
    ...report.results.map(
      (result) => `| ${result.name} | ${result.expected} | ${result.status ?? '–'} | ${result.duration_ms} | ${result.ok ? 'ok' : `FAIL: ${result.detail}`} |`,
    ),
    '',
    report.ok ? 'The receiver acknowledges every event in time and refuses requests without its token.' : 'The receiver failed some checks (above).',
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { url: { type: 'string' }, token: { type: 'string' }, 'timeout-ms': { type: 'string' } } });
  const token = values.token ?? process.env['PAYJP_WEBHOOK_TOKEN'];
  if (values.url === undefined || token === undefined) {
    console.error('usage: npm run webhooks:check -- --url <receiver URL> [--token <webhook token>, or PAYJP_WEBHOOK_TOKEN] [--timeout-ms 10000]');
    process.exit(2);
  }
  const report = await checkReceiver({ url: values.url, token, ...(values['timeout-ms'] === undefined ? {} : { timeoutMs: Number(values['timeout-ms']) }) });
  console.log(formatReport(report));
  process.exitCode = report.ok ? 0 : 1;
}
