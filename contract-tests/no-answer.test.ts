// A request that gets no answer (nothing listening, no answer in time) and a case that throws are
// infrastructure failures, not contract violations, and every case still appears in every report: the
// console, contract-summary.md, contract-results.json and contract-junit.xml.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../contract-core/contract.ts';
import { TestKey } from './lib/keys.ts';
import { passed, type CaseResult } from './lib/result.ts';
import { writeReports } from './reporters/files.ts';
import { caseLine as line } from './reporters/console.ts';
import { runStep } from './lib/runner.ts';
import type { Step } from './lib/step.ts';
import { openRun, operationCases, type SuiteRun } from './lib/suite.ts';

const contract = loadContract();
const getCustomer = contract.operations.find((op) => op.operationId === 'getCustomer')!;
const KEY = new TestKey(['sk', 'test', 'noAnswer0000'].join('_'), 'the test key');

/** A remote target at `baseUrl`, as staging is run (no server of the suite's own). */
const openRemote = (baseUrl: string, timeoutMs: number): Promise<SuiteRun> =>
  openRun({ contract, config: { kind: 'remote', baseUrl, secretKey: KEY, rate: 1000, concurrency: 4, timeoutMs } });

/** Runs every case of getCustomer and returns the results and what each report says. */
async function runGetCustomer(run: SuiteRun, extra: Step[] = []) {
  const steps = [...operationCases(contract, () => run.fixtures).get('getCustomer')!, ...extra];
  const results: CaseResult[] = [];
  for (const step of steps) results.push((await runStep(run, step)).result);
  const dir = mkdtempSync(join(tmpdir(), 'contract-no-answer-'));
  try {
    writeReports(contract.operations, results, 'remote', dir);
    const read = (file: string): string => readFileSync(join(dir, file), 'utf8');
    return {
      steps,
      results,
      console: results.map(line).join('\n'),
      markdown: read('contract-summary.md'),
      json: JSON.parse(read('contract-results.json')) as CaseResult[],
      junit: read('contract-junit.xml'),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const xmlEscaped = (text: string): string => text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!);

/** Every case is in every report; the failed ones as infrastructure failures of `kind`, none as a violation. */
function expectInfrastructureEverywhere(outcome: Awaited<ReturnType<typeof runGetCustomer>>, kind: string): void {
  const { steps, results, console, markdown, json, junit } = outcome;
  expect(results.map((r) => r.name)).toEqual(steps.map((s) => s.name));
  const failed = results.filter((r) => r.mode !== 'skipped' && !passed(r));
  expect(failed.length).toBeGreaterThanOrEqual(4); // the success, two 401s, the 404
  for (const r of failed) {
    expect([r.name, r.violations, r.failures, r.infrastructure.map((f) => f.kind)]).toEqual([r.name, [], [], [kind]]);
    expect(console).toContain(`getCustomer: ${r.name}`);
    expect(console).toContain(`INFRASTRUCTURE ${kind}`);
    expect(markdown).toMatch(new RegExp(`\\| getCustomer \\| ${r.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| no answer \\| ${kind} \\|`));
  }
  expect(json.filter((r) => r.operationId === 'getCustomer').map((r) => r.name)).toEqual(steps.map((s) => s.name));
  for (const step of steps) expect(junit).toContain(`name="${xmlEscaped(step.name)} [`);
  expect(junit.match(/<error type="infrastructure"/g)).toHaveLength(failed.length);
  expect(junit).not.toContain('<failure');
  expect(markdown).toMatch(/## Contract violations\n\nNone\./);
  expect(markdown).toContain(`infrastructure failures: ${failed.length}`);
}

describe('nothing listening', () => {
  let run: SuiteRun;
  beforeAll(async () => {
    // A port that was just free: listen on 0, note the port, close.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    run = await openRemote(`http://127.0.0.1:${port}`, 2000);
  });
  afterAll(() => run.close());

  test('every getCustomer case is reported, refused connections as infrastructure failures', async () => {
    expectInfrastructureEverywhere(await runGetCustomer(run), 'connection-refused');
  });

  test('a case that throws is an infrastructure failure (case-error) and is reported', async () => {
    const throwing: Step = {
      operation: getCustomer,
      name: 'a case whose undo (after) throws',
      expectedStatus: 200,
      needsState: false,
      request: () => ({ params: { customer_id: 'cus_1' }, after: () => Promise.reject(new Error('undo failed')) }),
    };
    const { results, markdown, junit } = await runGetCustomer(run, [throwing]);
    const result = results.at(-1)!;
    expect(result.infrastructure).toEqual([{ kind: 'case-error', message: 'the case threw: undo failed' }]);
    expect(markdown).toContain('| getCustomer | a case whose undo (after) throws | no answer | case-error | the case threw: undo failed |');
    expect(junit).toMatch(/name="a case whose undo \(after\) throws \[live\]">\s*<error type="infrastructure"/);
  });
});

describe('a server that never answers', () => {
  let server: Server;
  let run: SuiteRun;
  beforeAll(async () => {
    server = createServer(() => {}); // takes every request, answers none
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    run = await openRemote(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 150);
  });
  afterAll(async () => {
    await run.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  test('every getCustomer case is reported, timeouts as infrastructure failures', async () => {
    expectInfrastructureEverywhere(await runGetCustomer(run), 'timeout');
  });
});
