// The sandbox: a stateful PAY.JP v2 test-mode server, its objects in memory or in a file (SANDBOX_DB).
// `npm run sandbox` starts it on 127.0.0.1:$PORT (default 4020) with the switches of the environment; tests
// call startSandbox().
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SettingError, isTimerMs, portFrom, startOrExit, timerMsWhat } from '../contract-core/settings.ts';
import { type AppOptions, createApp } from './http/app.ts';
import { type ClockSource, Clocks } from './state/clock.ts';
import type { Route } from './resources/route.ts';
import { switchesFromEnv } from './http/switches.ts';
import { seed } from './resources/seed.ts';
import { shownUrl } from '../contract-core/secret-url.ts';
import { type Shared, TABLES } from './state/state.ts';
import { Database } from './storage/database.ts';
import { Tenants } from './state/tenants.ts';
import { type ClockMove, type ClockView, clockView, moveClock } from './resources/time-travel.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import { endpointRegistry, withEndpointRoutes } from './http/webhook-endpoints.ts';
import { type WebhookEndpoint, type WebhookOptions, resolveWebhookOptions, webhookOptionsFromEnv } from './webhooks/options.ts';

export interface SandboxOptions extends AppOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Webhook endpoints, timing and faults (sandbox/README.md, "Webhooks"); none by default. */
  webhooks?: WebhookOptions;
  /**
   * A file for the objects, which then outlive the process (sandbox/README.md, "Storage"); in memory by
   * default. Or a store already opened (a benchmark fills one through the storage layer): the sandbox closes it.
   */
  db?: string | Database;
  /** With isolateKeys: keys with objects at once (default 100); beyond, the one used least recently loses them (and its clock). */
  maxTenants?: number;
  /** The route table (default sandbox/resources/routes.ts): the mutation corpus wraps its handlers to inject faults. */
  routes?: readonly Route[];
  /**
   * Where the sandbox's time comes from (`{ now(): number }`, ms since 1970; the system's by default). Every
   * time it writes or compares follows it, plus what tests move it on by (`sandbox.clock`, POST /sandbox/clock):
   * IDs, `created_at`, expiries, webhook retries (sandbox/README.md, "Test clocks").
   */
  clock?: ClockSource;
}

/** A test clock (sandbox/README.md, "Test clocks"): one for the sandbox, or one per key when keys are isolated. */
export interface SandboxClockControl {
  /** The clock's time (`key`'s clock when keys are isolated: the key is then required). */
  now(key?: string): ClockView;
  /**
   * Moves the clock on (`{ advance: '2h' }`, units ms, s, m, h, d) or to a time (`{ to: '…Z' }`), never back and
   * at most 366 days at once, then fires what fell due: expiries and their events, webhook retries. Throws the
   * sandbox's 422 problem (an ApiError) for a move it refuses.
   */
  move(move: ClockMove, key?: string): Promise<ClockView>;
}

export interface Sandbox {
  url: string;
  /** Back to the seed without a restart: that key's objects when keys are isolated, else (or without a key) all. */
  reset(key?: string): Promise<void>;
  /**
   * Delivers the events created from now on to one more endpoint (https, or http to this machine), e.g. a
   * receiver a test started on a free port; answers its ID. The same as POST /sandbox/webhooks/endpoints.
   */
  addWebhookEndpoint(endpoint: WebhookEndpoint): string;
  /** Stops sending new events to a registered endpoint; false when no endpoint has that ID. */
  removeWebhookEndpoint(id: string): boolean;
  /** Its test clock: told, or moved on with what falls due fired (sandbox/README.md, "Test clocks"). */
  clock: SandboxClockControl;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Checked before anything listens: a bad endpoint, rate or delay is an error naming the option.
  for (const name of ['latencyMs', 'idempotencyWaitMs'] as const) {
    const value = options[name];
    if (value !== undefined && !isTimerMs(value)) throw new SettingError(`sandbox: ${name} must be ${timerMsWhat()} (got ${value})`);
  }
  const { maxTenants } = options;
  if (maxTenants !== undefined && !(Number.isInteger(maxTenants) && maxTenants >= 1))
    throw new SettingError(`sandbox: maxTenants must be an integer >= 1 (got ${maxTenants})`);
  const delivery = options.webhooks ? resolveWebhookOptions(options.webhooks) : undefined;
  const db = options.db instanceof Database ? options.db : new Database(options.db, Object.values(TABLES));
  const shared: Shared = { origin: 'http://127.0.0.1', webhooks: undefined };
  const tenants = new Tenants(db, shared, {
    isolate: options.isolateKeys === true,
    seed,
    clocks: new Clocks(options.clock),
    ...(maxTenants ? { maxTenants } : {}),
  });
  const tenantOf = (key: string | undefined) => {
    if (key === undefined && tenants.isolated) throw new Error('sandbox.clock: keys are isolated, each with its clock: give the key');
    return tenants.tenantOf(key ?? '');
  };
  const endpoints = endpointRegistry(shared, options.webhooks, options.seed);
  const server = createServer({ keepAliveTimeout: 10_000 }, withEndpointRoutes(createApp(db, tenants, options, options.routes), endpoints));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  shared.origin = `http://127.0.0.1:${port}`;
  // The shared objects are seeded now (isolated keys on their first request), unless the file holds them.
  if (!tenants.isolated) db.unit(() => tenants.state(tenants.tenantOf('')));
  await db.committed();
  // After the seed: its events happened before any endpoint was registered, and are not sent.
  if (delivery) shared.webhooks = new WebhookDispatcher(delivery, options.seed);
  return {
    url: shared.origin,
    reset: async (key) => {
      db.unit(() => tenants.reset(key !== undefined && tenants.isolated ? tenants.tenantOf(key) : undefined));
      await db.committed();
    },
    addWebhookEndpoint: (endpoint) => endpoints.add(endpoint),
    removeWebhookEndpoint: (id) => endpoints.remove(id),
    clock: {
      now: (key) => clockView(tenants, tenantOf(key)),
      move: async (move, key) => {
        const view = moveClock(db, tenants, tenantOf(key), move);
        await db.committed();
        return view;
      },
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        shared.webhooks?.close();
        server.close((error) => {
          db.close();
          if (error) reject(error);
          else resolve();
        });
        server.closeAllConnections();
      }),
  };
}

if (import.meta.main) {
  const switches = await startOrExit(() => switchesFromEnv(process.env));
  const webhooks = await startOrExit(() => webhookOptionsFromEnv(process.env));
  const db = process.env['SANDBOX_DB'] || undefined;
  const sandbox = await startOrExit(() =>
    startSandbox({ ...switches, ...(webhooks ? { webhooks } : {}), ...(db ? { db } : {}), port: portFrom(process.env['PORT'], 'PORT', 4020) }),
  );
  const faults = Object.keys(webhooks ?? {}).filter((name) => name !== 'endpoints' && name !== 'token');
  const on = [...Object.keys(switches), ...faults.map((name) => `webhooks.${name}`)];
  console.log(`PAY.JP v2 sandbox (test mode) on ${sandbox.url}${on.length > 0 ? ` with ${on.join(', ')}` : ''}; objects ${db ? `in ${db}` : 'in memory'}`);
  const endpoints = webhooks?.endpoints ?? [];
  if (endpoints.length > 0)
    console.log(`webhooks to ${endpoints.map((endpoint) => shownUrl(endpoint.url)).join(', ')}; delivery log: ${sandbox.url}/sandbox/webhooks/deliveries`);
}
