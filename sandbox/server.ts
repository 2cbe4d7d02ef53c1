// The sandbox: a stateful PAY.JP v2 test-mode server, in memory. `npm run sandbox` starts it on
// 127.0.0.1:$PORT (default 4020) with the switches of the environment; tests call startSandbox().
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AppOptions, createApp } from './app.ts';
import { switchesFromEnv } from './http/switches.ts';
import { seed } from './seed.ts';
import { State } from './state.ts';
import { WebhookDispatcher } from './webhooks/dispatcher.ts';
import { type WebhookOptions, resolveWebhookOptions, webhookOptionsFromEnv } from './webhooks/options.ts';

export interface SandboxOptions extends AppOptions {
  /** Port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Webhook endpoints, timing and faults (sandbox/README.md, "Webhooks"); none by default. */
  webhooks?: WebhookOptions;
}

export interface Sandbox {
  url: string;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  // Checked before anything listens: a bad endpoint or rate is an error naming the option.
  const delivery = options.webhooks ? resolveWebhookOptions(options.webhooks) : undefined;
  const state = new State();
  const server = createServer({ keepAliveTimeout: 10_000 }, createApp(state, options));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  state.origin = `http://127.0.0.1:${port}`;
  seed(state);
  // After the seed: its events happened before any endpoint was registered, and are not sent.
  if (delivery) state.webhooks = new WebhookDispatcher(delivery, options.seed);
  return {
    url: state.origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        state.webhooks?.close();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

if (import.meta.main) {
  const port = Number(process.env['PORT'] ?? 4020);
  const switches = switchesFromEnv(process.env);
  const webhooks = webhookOptionsFromEnv(process.env);
  const sandbox = await startSandbox({ ...switches, ...(webhooks ? { webhooks } : {}), port });
  const faults = Object.keys(webhooks ?? {}).filter((name) => name !== 'endpoints' && name !== 'token');
  const on = [...Object.keys(switches), ...faults.map((name) => `webhooks.${name}`)];
  console.log(`PAY.JP v2 sandbox (test mode) on ${sandbox.url}${on.length > 0 ? ` with ${on.join(', ')}` : ''}`);
  const endpoints = webhooks?.endpoints ?? [];
  if (endpoints.length > 0)
    console.log(`webhooks to ${endpoints.map((endpoint) => endpoint.url).join(', ')}; delivery log: ${sandbox.url}/sandbox/webhooks/deliveries`);
}
