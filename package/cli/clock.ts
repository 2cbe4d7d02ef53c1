// `clock`: tells or moves a running sandbox's test clock (GET / POST /sandbox/clock, sandbox/README.md "Test
// clocks"). The key comes from PAYJP_SECRET_KEY only, as `trigger`'s does, and must be a test secret key; the
// base URL https or http to this machine, checked before anything is sent.
import { TEST_SECRET_KEY } from '../../contract-core/credentials.ts';
import { printable } from '../../contract-core/printable.ts';
import { DEFAULT_BASE_URL, checkBaseUrl } from '../../webhooks/trigger.ts';
import { UsageError, stringOf, type Command } from './command.ts';

const DEFAULT_KEY = 'sk_test_clock';

interface ClockAnswer {
  now: string;
  offset_ms: number;
  fired?: { checkout_sessions_expired: number; payment_flows_expired: number; webhook_deliveries: number };
  errors?: { field: string; message: string }[];
  detail?: string;
}

export const clock: Command = {
  name: 'clock',
  summary: "tell or move on a running sandbox's test clock; prints its time",
  description: [
    "Without a flag, prints the sandbox's time (stdout). --advance moves it on by a duration (90s, 30m, 2h, 7d;",
    '366 days at most at once), --to sets it to a later RFC 3339 time; it never goes back. What falls due fires',
    'at once, as real time would have: checkout sessions expire (with their events), authorizations held for',
    'capture lapse, webhook retries are sent; stderr says how many. Under --isolate-keys the clock is the key’s.',
    'The key is PAYJP_SECRET_KEY (default sk_test_clock), a secret test key; anything else, or a base URL that is',
    'not https or http to this machine, is refused before a request is sent.',
  ].join('\n'),
  flags: {
    advance: { type: 'string', value: '<duration>', description: 'move the clock on by this much (2h)' },
    to: { type: 'string', value: '<date-time>', description: 'set the clock to this later time' },
    'base-url': { type: 'string', value: '<url>', description: 'the running sandbox', default: DEFAULT_BASE_URL },
  },
  examples: [
    'payjp-v2-contract clock',
    'payjp-v2-contract clock --advance 25h',
    'PAYJP_SECRET_KEY=sk_test_mine payjp-v2-contract clock --advance 7d --base-url http://127.0.0.1:4020',
  ],
  async run(values, _positionals, output) {
    const advance = stringOf(values, 'advance');
    const to = stringOf(values, 'to');
    if (advance !== undefined && to !== undefined) throw new UsageError('give --advance or --to, not both');
    const key = process.env['PAYJP_SECRET_KEY'] || DEFAULT_KEY;
    if (!TEST_SECRET_KEY.test(key)) throw new UsageError('PAYJP_SECRET_KEY must be a test secret key (sk_test_…); nothing was sent');
    const url = `${checkBaseUrl(stringOf(values, 'base-url') ?? DEFAULT_BASE_URL)}/sandbox/clock`;
    const move = advance !== undefined ? { advance } : to !== undefined ? { to } : undefined;
    const response = await fetch(url, {
      method: move ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${key}`, ...(move ? { 'content-type': 'application/json' } : {}) },
      ...(move ? { body: JSON.stringify(move) } : {}),
    }).catch((error: Error) => {
      throw new UsageError(`no answer from ${url}: ${printable(String((error.cause as { code?: string } | undefined)?.code ?? error.message))}`);
    });
    const text = await response.text();
    let answer: ClockAnswer | undefined;
    try {
      answer = JSON.parse(text) as ClockAnswer;
    } catch {
      answer = undefined;
    }
    if (response.status !== 200 || typeof answer?.now !== 'string') {
      const why =
        answer?.errors?.map((error) => `${error.field}: ${error.message}`).join('; ') ?? answer?.detail ?? printable(text, { max: 300, oneLine: true });
      throw new UsageError(`${move ? 'POST' : 'GET'} ${url} answered ${response.status}: ${printable(why, { max: 300, oneLine: true })}`);
    }
    output.out(answer.now);
    if (answer.fired) {
      const { checkout_sessions_expired: sessions, payment_flows_expired: flows, webhook_deliveries: deliveries } = answer.fired;
      output.err(`fired: ${sessions} checkout session(s) expired, ${flows} authorization(s) lapsed, ${deliveries} webhook delivery(ies) sent`);
    }
    return 0;
  },
};
