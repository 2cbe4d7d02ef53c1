// Sandbox throughput and latency: autocannon (10 connections, ~5 s each) sends a GET and a POST to the
// sandbox, to Prism mocking the bundle (`prism mock generated/openapi.json -v silent`) and to a bare Node
// http server (the ceiling), each started as its own process on a free loopback port, in one run.
// Targets: the sandbox ≥ 10× Prism's requests/s and p99 < 5 ms.
// Then webhooks: POSTs (each creates an event) to a sandbox with no webhook endpoint and to one with one
// slow endpoint (it answers after 5 s), warmed up, interleaved, the median of five rounds each. Target:
// ≥ 90 % of the throughput without (delivery must never slow the API).
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { GENERATED } from '../../scripts/lib/paths.ts';
import { EXAMPLE_OBJECTS } from '../../contract-core/example-objects.ts';
import { ROOT } from '../../contract-core/files.ts';

// autocannon ships no types (and @types/autocannon is not installed): the part used here, typed.
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  method: 'GET' | 'POST';
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body?: string;
}) => Promise<AutocannonResult>;

const DURATION_S = 5;
const CONNECTIONS = 10;
const KEY = 'sk_test_bench';
const CUSTOMER = EXAMPLE_OBJECTS.customer;
const BODY = JSON.stringify({ email: 'bench@example.jp', description: 'bench', metadata: { source: 'bench' } });

const BARE_SERVER = `
const { createServer } = require('node:http');
const body = JSON.stringify({ object: 'customer', id: '${CUSTOMER}', livemode: false, email: 'bench@example.jp' });
createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.writeHead(200, { 'content-type': 'application/json', 'x-bench': 'bare' }); res.end(body); });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

interface Target {
  name: string;
  /** The command that serves on 127.0.0.1:`port` (also given as PORT in its environment). */
  command(port: number): readonly string[];
  /** More of its environment. */
  env?: Record<string, string>;
  /** Whether the answer proves that this target, and not something else on the port, is answering. */
  isOurs(response: Response, body: string): boolean;
}

const TARGETS: readonly Target[] = [
  {
    name: 'sandbox',
    command: () => [process.execPath, join(ROOT, 'sandbox/server.ts')],
    isOurs: (response, body) => response.status === 200 && body.includes(`"id":"${CUSTOMER}"`),
  },
  {
    name: 'Prism (mock)',
    command: (port) => [join(ROOT, 'node_modules/.bin/prism'), 'mock', join(GENERATED, 'openapi.json'), '-h', '127.0.0.1', '-p', String(port), '-v', 'silent'],
    isOurs: (response) => response.status === 200 && response.headers.get('content-type')?.startsWith('application/json') === true,
  },
  {
    name: 'bare node:http',
    command: () => [process.execPath, '-e', BARE_SERVER],
    isOurs: (response) => response.headers.get('x-bench') === 'bare',
  },
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function start(target: Target): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const [command, ...args] = target.command(port);
  const child = spawn(command!, args, {
    env: { ...process.env, ...target.env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${target.name} exited with ${child.exitCode}`);
    const response = await fetch(`${url}/v2/customers/${CUSTOMER}`, { headers: { authorization: `Bearer ${KEY}` } }).catch(() => undefined);
    if (response === undefined) {
      await new Promise((resolve) => setTimeout(resolve, 200)); // not listening yet
      continue;
    }
    if (target.isOurs(response, await response.text())) return { url, child };
    child.kill();
    throw new Error(`${target.name}: another server answers on port ${port}`);
  }
  child.kill();
  throw new Error(`${target.name} did not answer within 30 s`);
}

interface Figures {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function measure(url: string, method: 'GET' | 'POST', duration = DURATION_S): Promise<Figures> {
  const result = await autocannon({
    url: method === 'GET' ? `${url}/v2/customers/${CUSTOMER}` : `${url}/v2/customers`,
    method,
    connections: CONNECTIONS,
    duration,
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    ...(method === 'POST' ? { body: BODY } : {}),
  });
  return { rps: result.requests.average, requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

const rows: { target: string; method: 'GET' | 'POST'; figures: Figures }[] = [];
for (const target of TARGETS) {
  const { url, child } = await start(target);
  try {
    for (const method of ['GET', 'POST'] as const) rows.push({ target: target.name, method, figures: await measure(url, method) });
  } finally {
    child.kill();
  }
}

// Webhooks: the slow endpoint is a process of its own too (in this one it would share autocannon's loop);
// it holds each delivery for 5 s, then acknowledges.
const SLOW_MS = 5_000;
const WEBHOOK_ROUNDS = 5;
const WEBHOOK_ROUND_S = 3;
const SLOW_ENDPOINT = `
require('node:http').createServer((req, res) => {
  req.resume();
  setTimeout(() => res.writeHead(200).end(), ${SLOW_MS});
}).listen(Number(process.env.PORT), '127.0.0.1');
`;
const slowPort = await freePort();
const slowEndpoint = spawn(process.execPath, ['-e', SLOW_ENDPOINT], { env: { ...process.env, PORT: String(slowPort) }, stdio: ['ignore', 'ignore', 'inherit'] });
const sandboxTarget = TARGETS[0]!;
const webhookTargets: Target[] = [
  { ...sandboxTarget, name: 'sandbox, no webhook endpoint' },
  {
    ...sandboxTarget,
    name: `sandbox, one endpoint answering after ${SLOW_MS / 1000} s`,
    env: { SANDBOX_WEBHOOK_URLS: `http://127.0.0.1:${slowPort}/webhooks`, SANDBOX_WEBHOOK_TOKEN: 'whook_bench' },
  },
];
/**
 * CPU time (user + system) a process has used, in ms: Linux's /proc counts it in ticks of USER_HZ, 100 a
 * second on every architecture Node runs on; undefined elsewhere. Steadier than req/s on a shared box.
 */
function cpuMs(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
const webhookRuns: (Figures & { cpuUs: number | undefined })[][] = webhookTargets.map(() => []);
const started = await Promise.all(webhookTargets.map(start));
try {
  // Warmed up first (the first delivery loads Node's fetch; the queue of the slow endpoint fills up), so
  // that the rounds compare steady states; then short rounds, the order alternating, so that neither
  // always runs on a warmer or busier box.
  for (const { url } of started) await measure(url, 'POST', 2);
  for (let round = 0; round < WEBHOOK_ROUNDS; round += 1)
    for (const i of round % 2 === 0 ? [0, 1] : [1, 0]) {
      const { url, child } = started[i]!;
      const before = cpuMs(child.pid);
      const figures = await measure(url, 'POST', WEBHOOK_ROUND_S);
      const after = cpuMs(child.pid);
      const cpuUs = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / figures.requests;
      webhookRuns[i]!.push({ ...figures, cpuUs });
    }
} finally {
  started.forEach(({ child }) => child.kill());
  slowEndpoint.kill();
}

const prism = (method: string) => rows.find((row) => row.target === 'Prism (mock)' && row.method === method)!.figures.rps;
console.log(`autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per row, loopback\n`);
console.log('| server | request | req/s | p50 (ms) | p99 (ms) | non-2xx | × Prism |\n|---|---|---:|---:|---:|---:|---:|');
for (const { target, method, figures } of rows)
  console.log(
    `| ${target} | ${method} | ${figures.rps.toFixed(0)} | ${figures.p50} | ${figures.p99} | ${figures.non2xx} | ${(figures.rps / prism(method)).toFixed(1)} |`,
  );

const misses = rows
  .filter((row) => row.target === 'sandbox')
  .flatMap(({ method, figures }) => [
    ...(figures.rps < 10 * prism(method) ? [`${method}: ${(figures.rps / prism(method)).toFixed(1)}× Prism (target ≥ 10×)`] : []),
    ...(figures.p99 >= 5 ? [`${method}: p99 ${figures.p99} ms (target < 5 ms)`] : []),
    ...(figures.non2xx > 0 ? [`${method}: ${figures.non2xx} non-2xx answers or errors`] : []),
  ]);
console.log(misses.length === 0 ? '\nTargets met: ≥ 10× Prism, p99 < 5 ms.' : `\nTargets missed:\n- ${misses.join('\n- ')}`);

// The median round by req/s (on a shared box a best-of picks the luckiest outlier); answers that were not
// 2xx, of every round.
const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const webhookRows = webhookRuns.map((runs) => ({
  ...runs.toSorted((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!,
  non2xx: runs.reduce((sum, run) => sum + run.non2xx, 0),
  cpuUs: runs.every((run) => run.cpuUs !== undefined) ? median(runs.map((run) => run.cpuUs!)) : undefined,
}));
const without = webhookRows[0]!;
const withSlow = webhookRows[1]!;
const share = withSlow.rps / without.rps;
console.log(`\nWebhooks: POST (each creates an event), median of ${WEBHOOK_ROUNDS} interleaved rounds of ${WEBHOOK_ROUND_S} s after a warm-up\n`);
console.log('| server | req/s | p50 (ms) | p99 (ms) | non-2xx | vs no endpoint | CPU µs/request | rounds (req/s) |\n|---|---:|---:|---:|---:|---:|---:|---|');
webhookRows.forEach((figures, i) =>
  console.log(
    `| ${webhookTargets[i]!.name} | ${figures.rps.toFixed(0)} | ${figures.p50} | ${figures.p99} | ${figures.non2xx} | ${((figures.rps / without.rps) * 100).toFixed(0)} % | ${figures.cpuUs?.toFixed(0) ?? '–'} | ${webhookRuns[i]!.map((run) => run.rps.toFixed(0)).join(', ')} |`,
  ),
);
console.log(share >= 0.9 ? '\nTarget met: a slow endpoint keeps ≥ 90 % of the throughput.' : `\nTarget missed: a slow endpoint keeps ${(share * 100).toFixed(0)} % of the throughput (target ≥ 90 %).`);
// A missed speed target is a figure to read, not a failure; answers that are not 2xx are.
process.exitCode = [...rows.map((row) => row.figures), ...webhookRows].some((figures) => figures.non2xx > 0) ? 1 : 0;
