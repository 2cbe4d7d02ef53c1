// The mock's cost: autocannon (10 connections, 5 s) on a GET (getCustomer) and a POST (createCustomer,
// valid body and Idempotency-Key) against the mock (front + Prism in process), Prism's CLI alone
// (`-v silent`, on a copy of the bundle: the CLI restarts when its file changes), and a bare node:http
// server answering the same JSON; loopback only. The mock's target: ≥ 90 % of Prism alone.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUNDLE_FILE, examplePath, readContract, type JsonObject } from '../../contract-core/contract.ts';
import { startMock } from '../../mock/server.ts';
import type { Figures, Load } from './lib/autocannon.ts';
import { startProcess } from './lib/processes.ts';
import { best, interleave } from './lib/rounds.ts';

const require = createRequire(import.meta.url);

const DURATION_S = 5;
const WARM_UP_S = 1;
const ROUNDS = 2;
const HEADERS = { authorization: 'Bearer sk_test_bench' };

const bundleText = readFileSync(BUNDLE_FILE, 'utf8');
const { operations } = readContract(JSON.parse(bundleText) as JsonObject);
const dir = mkdtempSync(join(tmpdir(), 'bench-mock-'));
const document = join(dir, 'openapi.json');
writeFileSync(document, bundleText);

function load(operationId: string): Load {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`bench: ${operationId} is not in ${BUNDLE_FILE}`);
  const path = examplePath(op);
  const method = op.method.toUpperCase() as Load['method'];
  if (!op.requestBody) return { name: `${method} ${operationId}`, method, path, headers: HEADERS };
  if (op.requestBody.example === undefined) throw new Error(`bench: ${op.label} has no request body example`);
  return {
    name: `${method} ${operationId}`,
    method,
    path,
    headers: { ...HEADERS, 'content-type': 'application/json', 'idempotency-key': 'bench-create-customer-1' },
    body: JSON.stringify(op.requestBody.example),
  };
}

const loads = [load('getCustomer'), load('createCustomer')];

/** Prism's CLI on its own (`-v silent`), as a child process on a free loopback port. */
async function prismAlone(): Promise<{ url: string; close(): Promise<void> }> {
  const bin = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
  return startProcess(
    'Prism',
    (port) => [process.execPath, bin, 'mock', document, '-h', '127.0.0.1', '-p', String(port), '-v', 'silent'],
    // Prism answers an unknown route with its own problem: the port is the child's, not another server's.
    async (url) => ((await (await fetch(`${url}/`)).text()).includes('NO_PATH_MATCHED_ERROR') ? 'ours' : 'other'),
  );
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

// All three servers up at once (an idle one costs nothing); rounds interleave them, so that load from
// elsewhere on the box falls on all alike; each figure is the best of its rounds.
const figures = new Map<string, Map<string, Figures>>();
const servers: { name: string; url: string; close(): Promise<void> }[] = [];
try {
  const mock = await startMock({ port: 0, log: false, spec: document });
  servers.push({ name: 'mock (front + Prism)', ...mock });
  const answers = new Map<string, string>();
  for (const { method, path, headers, body } of loads) {
    const response = await fetch(mock.url + path, { method, headers, ...(body ? { body } : {}) });
    answers.set(`${method} ${path}`, await response.text());
  }
  servers.push({ name: 'Prism CLI alone', ...(await prismAlone()) });
  servers.push({ name: 'bare node:http (ceiling)', ...(await bareServer(answers)) });
  const runs = await interleave(servers, loads, {
    rounds: ROUNDS,
    seconds: DURATION_S,
    warmUpSeconds: WARM_UP_S,
    done: (round) => console.error(`bench: round ${round}/${ROUNDS} done`),
  });
  for (const [server, byLoad] of runs) {
    for (const [name, rounds] of byLoad) {
      const failed = rounds.find((run) => run.non2xx > 0);
      if (failed) throw new Error(`bench: ${name} on ${server}: ${failed.non2xx} non-2xx answers or errors`);
    }
    figures.set(server, new Map([...byLoad].map(([name, rounds]) => [name, best(rounds)])));
  }
} finally {
  for (const server of servers) await server.close();
  rmSync(dir, { recursive: true, force: true });
}

console.log(`autocannon, 10 connections, ${DURATION_S} s after ${WARM_UP_S} s of warm-up; best of ${ROUNDS} interleaved rounds; loopback.\n`);
console.log('| server | request | req/s | p50 ms | p99 ms |\n|---|---|---:|---:|---:|');
for (const [server, results] of figures) {
  for (const [name, r] of results) console.log(`| ${server} | ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} |`);
}
console.log('\n| request | mock / Prism (req/s) | target ≥ 90 % |\n|---|---:|---|');
for (const { name } of loads) {
  const ratio = figures.get('mock (front + Prism)')!.get(name)!.rps / figures.get('Prism CLI alone')!.get(name)!.rps;
  console.log(`| ${name} | ${(ratio * 100).toFixed(0)} % | ${ratio >= 0.9 ? 'met' : 'not met'} |`);
}
