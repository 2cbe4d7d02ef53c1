// The mock's cost: autocannon (10 connections, 5 s) on a GET (getCustomer) and a POST (createCustomer,
// valid body and Idempotency-Key) against the mock (front + Prism), Prism alone, and a bare node:http
// server answering the same JSON; all on loopback, one after another. The front's target: ≥ 90 % of Prism.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE_FILE, type JsonObject, type Operation, readContract } from '../../contract-tests/lib/contract.ts';
import { startPrism } from '../../mock/prism.ts';
import { startMock } from '../../mock/server.ts';

type Result = { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number };
type Autocannon = (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION_S = 5;
const WARM_UP_S = 1;
const HEADERS = { authorization: 'Bearer sk_test_bench' };

const bundleText = readFileSync(BUNDLE_FILE, 'utf8');
const { operations } = readContract(JSON.parse(bundleText) as JsonObject);
const dir = mkdtempSync(join(tmpdir(), 'bench-mock-'));
const document = join(dir, 'openapi.json');
writeFileSync(document, bundleText);

type Load = { name: string; method: string; path: string; headers: Record<string, string>; body?: string };

function load(operationId: string): Load {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`bench: ${operationId} is not in ${BUNDLE_FILE}`);
  const path = op.template.replace(/\{([^}]+)\}/g, (_, name: string) => String(exampleOf(op, name)));
  if (!op.requestBody) return { name: `${op.method.toUpperCase()} ${operationId}`, method: op.method.toUpperCase(), path, headers: HEADERS };
  if (op.requestBody.example === undefined) throw new Error(`bench: ${op.label} has no request body example`);
  return {
    name: `${op.method.toUpperCase()} ${operationId}`,
    method: op.method.toUpperCase(),
    path,
    headers: { ...HEADERS, 'content-type': 'application/json', 'idempotency-key': 'bench-create-customer-1' },
    body: JSON.stringify(op.requestBody.example),
  };
}

function exampleOf(op: Operation, name: string): unknown {
  const example = op.parameters.find((p) => p.name === name)?.example;
  if (example === undefined) throw new Error(`bench: ${op.label}: parameter ${name} has no example`);
  return example;
}

const loads = [load('getCustomer'), load('createCustomer')];

async function measure(url: string, { method, path, headers, body }: Load, seconds: number): Promise<Result> {
  const result = await autocannon({ url: url + path, method, headers, ...(body ? { body } : {}), connections: 10, duration: seconds });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`bench: ${method} ${url}${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result;
}

async function run(target: string, url: string): Promise<Map<string, Result>> {
  const results = new Map<string, Result>();
  for (const item of loads) {
    await measure(url, item, WARM_UP_S);
    results.set(item.name, await measure(url, item, DURATION_S));
  }
  console.error(`bench: ${target} measured`);
  return results;
}

/** A bare node:http server answering each load's path with the body the mock answers it with. */
async function bareServer(answers: Map<string, string>): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const body = answers.get(`${req.method} ${req.url}`);
    req.resume();
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' }).end(body ?? '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const figures = new Map<string, Map<string, Result>>();
const answers = new Map<string, string>();
try {
  const mock = await startMock({ port: 0, log: false, spec: document });
  try {
    for (const { method, path, headers, body } of loads) {
      const response = await fetch(mock.url + path, { method, headers, ...(body ? { body } : {}) });
      answers.set(`${method} ${path}`, await response.text());
    }
    figures.set('mock (front + Prism)', await run('mock', mock.url));
  } finally {
    await mock.close();
  }
  const prism = await startPrism({ document });
  try {
    figures.set('Prism alone', await run('Prism', prism.url));
  } finally {
    await prism.close();
  }
  const bare = await bareServer(answers);
  try {
    figures.set('bare node:http (ceiling)', await run('node:http', bare.url));
  } finally {
    await bare.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

console.log(`autocannon, 10 connections, ${DURATION_S} s per row after ${WARM_UP_S} s of warm-up; loopback.\n`);
console.log('| server | request | req/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|');
for (const [server, results] of figures) {
  for (const [name, r] of results) console.log(`| ${server} | ${name} | ${r.requests.average.toFixed(0)} | ${r.latency.p50} | ${r.latency.p99} |`);
}
console.log('\n| request | mock / Prism (req/s) | target ≥ 90 % |\n|---|---:|---|');
for (const { name } of loads) {
  const ratio = figures.get('mock (front + Prism)')!.get(name)!.requests.average / figures.get('Prism alone')!.get(name)!.requests.average;
  console.log(`| ${name} | ${(ratio * 100).toFixed(0)} % | ${ratio >= 0.9 ? 'met' : 'not met'} |`);
}
