// `sandbox`: the stateful test-mode sandbox on 127.0.0.1, its switches and webhook delivery as flags. Each flag
// stands for the environment variable of `npm run sandbox`, read and checked by the sandbox's own readers.
import { startSandbox } from '../../sandbox/server.ts';
import { switchesFromEnv } from '../../sandbox/http/switches.ts';
import { webhookOptionsFromEnv } from '../../sandbox/webhooks/options.ts';
import { portOf, type Command, type Flag, type Values } from './command.ts';
import { untilStopped } from './serve.ts';

const SWITCHES: Record<string, Flag> = {
  'rate-limit': {
    type: 'string',
    value: '<n[:burst]>',
    description: 'token bucket: n requests a second, bursts of burst; then 429 rate_limit_exceeded',
    env: 'SANDBOX_RATE_LIMIT',
  },
  'latency-ms': { type: 'string', value: '<ms>', description: 'added to every API request', env: 'SANDBOX_LATENCY_MS' },
  'error-rate': { type: 'string', value: '<0-1>', description: 'share of requests answered 500 internal_server_error', env: 'SANDBOX_ERROR_RATE' },
  'html-error-rate': { type: 'string', value: '<0-1>', description: 'share answered 502 with an HTML page, as a CDN does', env: 'SANDBOX_HTML_ERROR_RATE' },
  'idempotency-error-rate': {
    type: 'string',
    value: '<0-1>',
    description: 'share of keyed writes answered 503 idempotency_infrastructure_error',
    env: 'SANDBOX_IDEMPOTENCY_ERROR_RATE',
  },
  'drop-rate': { type: 'string', value: '<0-1>', description: 'share processed, then the connection dropped unanswered', env: 'SANDBOX_DROP_RATE' },
  seed: { type: 'string', value: '<integer>', description: 'seed of the draws of the rates, for repeatable runs', env: 'SANDBOX_SEED' },
  'isolate-keys': { type: 'boolean', description: 'each test key sees objects of its own (parallel CI jobs on one sandbox)', env: 'SANDBOX_ISOLATE_KEYS' },
  'webhook-url': { type: 'string', multiple: true, value: '<url>', description: 'an endpoint to deliver every event to', env: 'SANDBOX_WEBHOOK_URLS' },
  'webhook-token': {
    type: 'string',
    value: '<token>',
    description: 'the X-Payjp-Webhook-Token sent (required with --webhook-url)',
    env: 'SANDBOX_WEBHOOK_TOKEN',
  },
  'webhook-timeout-ms': { type: 'string', value: '<ms>', description: 'per delivery attempt', env: 'SANDBOX_WEBHOOK_TIMEOUT_MS', default: '10000' },
  'webhook-time-scale': {
    type: 'string',
    value: '<factor>',
    description: 'multiplies the retry schedule (0.001: minutes become tens of ms)',
    env: 'SANDBOX_WEBHOOK_TIME_SCALE',
    default: '1',
  },
  'webhook-duplicate-rate': { type: 'string', value: '<0-1>', description: 'share of deliveries sent twice', env: 'SANDBOX_WEBHOOK_DUPLICATE_RATE' },
  'webhook-delay-ms': { type: 'string', value: '<ms>', description: 'each first attempt waits a random time below this', env: 'SANDBOX_WEBHOOK_DELAY_MS' },
  'webhook-reorder-rate': {
    type: 'string',
    value: '<0-1>',
    description: 'share held back until the next delivery has gone',
    env: 'SANDBOX_WEBHOOK_REORDER_RATE',
  },
  'webhook-drop-rate': { type: 'string', value: '<0-1>', description: 'share never sent', env: 'SANDBOX_WEBHOOK_DROP_RATE' },
  'webhook-lost-event-rate': { type: 'string', value: '<0-1>', description: 'share of events never created at all', env: 'SANDBOX_WEBHOOK_LOST_EVENT_RATE' },
};

/** The environment the sandbox's readers take: the variables, with each flag given in place of its own. */
function settingsEnv(values: Values, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const settings: NodeJS.ProcessEnv = Object.fromEntries(Object.values(SWITCHES).map((flag) => [flag.env!, env[flag.env!]]));
  for (const [name, flag] of Object.entries(SWITCHES)) {
    const value = values[name];
    if (value !== undefined) settings[flag.env!] = Array.isArray(value) ? value.join(',') : typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
  }
  return settings;
}

export const sandbox: Command = {
  name: 'sandbox',
  summary: 'a stateful test-mode PAY.JP v2: all operations with real state, test cards, webhooks, fault switches',
  description: [
    'Starts a stateful test-mode PAY.JP v2 on 127.0.0.1: every operation with real state (in memory), the',
    'payment-flow, setup-flow, refund and checkout state machines, idempotency, test tokens that decide each',
    'outcome (tok_visa, tok_card_declined, ...), webhook delivery, and switches that inject faults, all off by',
    'default. The key: sk_test_ followed by letters and digits. Prints its URL; stops on Ctrl-C or SIGTERM.',
  ].join('\n'),
  flags: {
    port: { type: 'string', value: '<port>', description: 'port to listen on; 0 picks a free one', env: 'PORT', default: '4020' },
    db: { type: 'string', value: '<file>', description: 'keep the objects in this SQLite file (survives a restart); in memory without it', env: 'SANDBOX_DB' },
    ...SWITCHES,
  },
  examples: [
    'payjp-v2-contract sandbox --port 4020',
    'payjp-v2-contract sandbox --port 0 --rate-limit 5:10 --error-rate 0.05 --seed 1',
    'payjp-v2-contract sandbox --webhook-url http://127.0.0.1:3000/webhooks --webhook-token whook_test --webhook-duplicate-rate 0.1',
  ],
  async run(values, _, output) {
    const settings = settingsEnv(values, process.env);
    const switches = switchesFromEnv(settings);
    const webhooks = webhookOptionsFromEnv(settings);
    const db = typeof values['db'] === 'string' && values['db'] !== '' ? values['db'] : undefined;
    const server = await startSandbox({ ...switches, ...(webhooks ? { webhooks } : {}), ...(db ? { db } : {}), port: portOf(values, 4020) });
    const on = Object.entries(SWITCHES)
      .filter(([name, flag]) => settings[flag.env!] && !['seed', 'webhook-url', 'webhook-token'].includes(name))
      .map(([name]) => `--${name}`);
    output.out(`sandbox: ${server.url} (test mode${on.length > 0 ? `; ${on.join(', ')}` : ''}; objects ${db ? `in ${db}` : 'in memory'})`);
    if (webhooks?.endpoints?.length)
      output.out(`webhooks to ${webhooks.endpoints.map((endpoint) => endpoint.url).join(', ')}; delivery log: ${server.url}/sandbox/webhooks/deliveries`);
    return untilStopped(server.close);
  },
};
