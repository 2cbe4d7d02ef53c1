// `verify --generate` against a sandbox this file starts: with a fixed seed and a request budget the
// generated requests and the chains of the spec's links are clean, and the same generation, with nothing
// written for it, finds a server that takes a JSON `null` body for an object (issue 27's null-body class).
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../contract-core/contract.ts';
import { readGenerateOptions } from './generate/options.ts';
import { runGenerated } from './generate/run.ts';
import { passed, type CaseResult } from './lib/result.ts';
import { caseLine } from './reporters/console.ts';
import { openRun, runScenario, SCENARIOS, type SuiteRun } from './lib/suite.ts';
import { LOCAL_TEST_KEY } from './lib/target.ts';
import { startSandbox, type Sandbox } from '../sandbox/server.ts';

const SEED = 27;
const CASES = 3;
const failures = (results: readonly CaseResult[]): string[] => results.filter((r) => r.mode !== 'skipped' && !passed(r)).map(caseLine);

/** A run against the server at `baseUrl` (a sandbox, or a mutant in front of one), its scenarios done first. */
async function sandboxRun(baseUrl: string): Promise<SuiteRun> {
  const run = await openRun({
    config: { kind: 'sandbox', baseUrl, secretKey: LOCAL_TEST_KEY, rate: 1000, concurrency: 8, timeoutMs: 10_000 },
    strict: true,
  });
  // The objects scenarios leave (a refund, a captured flow) are what the generated requests name.
  for (const scenario of SCENARIOS) await runScenario(run, scenario);
  return run;
}

/**
 * The null-body mutant: a proxy that hands the sandbox `{}` for a body of JSON `null`, as a server that reads
 * `null` as an empty object would (the class issue 27 reported on five operations whose body is an object).
 */
async function nullBodyMutant(target: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text.trim() === 'null' ? '{}' : text;
      const headers = { ...req.headers, 'content-length': String(Buffer.byteLength(body)) };
      const forward = httpRequest(new URL(req.url ?? '/', target), { method: req.method, headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('verify --generate against the sandbox', { timeout: 120_000 }, () => {
  test('with a fixed seed and a budget, every generated request and chain is answered as the contract says', async () => {
    const operations = loadContract().operations.length;
    const options = readGenerateOptions({ generate: String(CASES), seed: String(SEED), budget: undefined, replay: undefined }, operations)!;
    const run = await sandboxRun(sandbox.url);
    try {
      const started = performance.now();
      const results = await runGenerated(run, { ...options, timeLimitMs: 10_000 });
      expect(failures(results)).toEqual([]);
      // Every operation had its positive requests sent, and the budget held.
      expect(new Set(results.filter((r) => r.name.startsWith('positive') && r.mode === 'live').map((r) => r.operationId)).size).toBe(operations);
      expect(results.some((r) => r.name.startsWith('chain'))).toBe(true);
      expect(performance.now() - started).toBeLessThan(60_000);
    } finally {
      await run.close();
    }
  });

  test('the same generation finds a server that takes a null body for an object, and shrinks each case to `null`', async () => {
    const mutant = await nullBodyMutant(sandbox.url);
    const run = await sandboxRun(mutant.url);
    try {
      const results = await runGenerated(run, {
        cases: 8,
        seed: SEED,
        timeLimitMs: 10_000,
        // Where the body is optional, `null` is no body (contract-core/request-body.ts): nothing to find there.
        operations: (op) => op.requestBody?.required === true,
      });
      const found = results.filter((r) => r.name.startsWith('negative') && !passed(r));
      const nullBodies = found.filter((r) => r.failures.some((line) => line.endsWith(' null') && line.startsWith('smallest failing request')));
      expect(nullBodies.map((r) => r.operationId).length, failures(results).join('\n')).toBeGreaterThanOrEqual(5);
      for (const result of nullBodies)
        expect(result.failures.find((line) => line.startsWith('replay: '))).toMatch(/--seed 27 --replay 'generated\/\w+\/negative@[\d:]+'/);
    } finally {
      await run.close();
      await mutant.close();
    }
  });
});
