// The contract suite against a fake of the real API (fake/real-server.ts: PAY.JP's published titles, the code
// the client names, and where the contract only infers, what a real server may well do: no Retry-After on 429,
// unknown body fields ignored). The tax-rate operations' cases run as against staging (a remote target, rate
// limit provoked): they pass with warnings, each naming its inferred rule and reason, and no violation; with
// CONTRACT_STRICT=1 the same run fails, on exactly those inferred rules.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BURST, startRealServer } from './fake/real-server.ts';
import { loadContract } from '../contract-core/contract.ts';
import { junit } from './reporters/junit.ts';
import { passed, type CaseResult } from './lib/result.ts';
import { warningLines } from './reporters/console.ts';
import { writeReports } from './reporters/files.ts';
import { runStep } from './lib/runner.ts';
import { openRun, operationCases } from './lib/suite.ts';
import { LOCAL_TEST_KEY, readTargetConfig } from './lib/target.ts';

const contract = loadContract();
const TAX_RATES = ['getAllTaxRates', 'createTaxRate', 'getTaxRate', 'updateTaxRate'];
/** After a provoked 429 the suite waits the fake's limit out before the next case (the cases run one at a time). */
const WINDOW_MS = BURST.coolDownMs + 200;

let server: Awaited<ReturnType<typeof startRealServer>>;
const provoke = process.env['CONTRACT_PROVOKE_RATE_LIMIT'];
beforeAll(async () => {
  server = await startRealServer();
  process.env['CONTRACT_PROVOKE_RATE_LIMIT'] = '1';
});
afterAll(async () => {
  if (provoke === undefined) delete process.env['CONTRACT_PROVOKE_RATE_LIMIT'];
  else process.env['CONTRACT_PROVOKE_RATE_LIMIT'] = provoke;
  await server?.close();
});

/** The cases of the tax-rate operations against the fake, as a remote target (CONTRACT_BASE_URL). */
async function suite(strict: boolean): Promise<CaseResult[]> {
  const config = readTargetConfig({
    CONTRACT_BASE_URL: server.url,
    PAYJP_SECRET_KEY: LOCAL_TEST_KEY.reveal(),
    CONTRACT_RATE: '40',
    CONTRACT_CONCURRENCY: '2',
    CONTRACT_TIMEOUT_MS: '5000',
  });
  const run = await openRun({ contract, config, strict });
  try {
    expect(run.target.kind).toBe('remote');
    const cases = operationCases(contract, () => run.fixtures);
    const results: CaseResult[] = [];
    for (const operationId of TAX_RATES) {
      for (const step of cases.get(operationId) ?? []) {
        results.push((await runStep(run, step)).result);
        if (step.expectedStatus === 429) await sleep(WINDOW_MS);
      }
    }
    return results;
  } finally {
    await run.close();
  }
}

describe('a real server that differs from the contract only where the contract infers', () => {
  let lenient: CaseResult[];
  let strict: CaseResult[];
  beforeAll(async () => {
    lenient = await suite(false);
    strict = await suite(true);
  }, 120_000);

  test('passes: no violation, no failure, every case that ran passed, the client-named code provoked for real', () => {
    const ran = lenient.filter((r) => r.mode !== 'skipped');
    expect(ran.length).toBeGreaterThan(20);
    expect(ran.flatMap((r) => [...r.violations.map((v) => `${r.name}: ${v.message}`), ...r.failures, ...r.infrastructure.map((f) => f.message)])).toEqual([]);
    expect(ran.every(passed)).toBe(true);
    expect(ran.filter((r) => r.expectedCode === 'metadata_limit_exceeded').map((r) => [r.mode, r.status])).toEqual([['live', 400]]);
    expect(ran.filter((r) => r.expectedStatus === 429).map((r) => r.mode)).toEqual(TAX_RATES.map(() => 'live'));
  });

  test('with warnings, each naming its inferred rule and why we believe it', () => {
    const warned = lenient.flatMap((r) => r.warnings.map((w) => ({ operation: r.operationId, rule: w.rule, reason: w.reason })));
    expect([...new Set(warned.map((w) => `${w.operation}: ${w.rule}`))].sort()).toEqual([
      'createTaxRate: Retry-After with rate_limit_exceeded',
      'createTaxRate: a required body of JSON null is refused naming body',
      'createTaxRate: the request body of createTaxRate is closed',
      'getAllTaxRates: Retry-After with rate_limit_exceeded',
      'getTaxRate: Retry-After with rate_limit_exceeded',
      'updateTaxRate: Retry-After with rate_limit_exceeded',
      'updateTaxRate: a required body of JSON null is refused naming body',
      'updateTaxRate: the request body of updateTaxRate is closed',
    ]);
    for (const w of warned) expect(w.reason, w.rule).toMatch(/Retry-After|unknown fields|null/);
  });

  test('fails with CONTRACT_STRICT=1, on exactly the inferred rules it was warned about', () => {
    expect(strict.map((r) => r.name)).toEqual(lenient.map((r) => r.name));
    strict.forEach((r, i) => {
      const before = lenient[i]!;
      expect(r.warnings).toEqual([]);
      for (const v of r.violations) expect(v.evidence.source, `${r.operationId} ${v.rule}`).toBe('inferred');
      expect([...r.violations.map((v) => v.message), ...r.failures].sort(), r.name).toEqual(before.warnings.map((w) => w.message).sort());
      if (r.mode !== 'skipped') expect(passed(r), r.name).toBe(before.warnings.length === 0);
    });
    expect(strict.filter((r) => r.mode !== 'skipped' && !passed(r)).length).toBe(lenient.filter((r) => r.warnings.length > 0).length);
    // The validator's findings name the check that made them, in the run and in its JUnit report.
    expect(new Set(strict.flatMap((r) => r.violations.map((v) => v.check)))).toEqual(new Set(['response_headers_conformance']));
    expect(junit(contract.operations, strict)).toContain(
      'required header Retry-After is missing (expected &quot;present&quot;, actual undefined) [response_headers_conformance]',
    );
  });

  test('the reports list the warnings apart, with rule and reason; the JUnit has no failure for them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-warnings-'));
    try {
      writeReports(
        contract.operations.filter((op) => TAX_RATES.includes(op.operationId)),
        lenient,
        'a fake of the real API',
        dir,
      );
      const summary = readFileSync(join(dir, 'contract-summary.md'), 'utf8');
      expect(summary).toMatch(/warnings \(inferred rules\): [1-9]/);
      const section = summary.slice(summary.indexOf('## Warnings'));
      expect(section).toContain('| Retry-After with rate_limit_exceeded |');
      expect(section).toContain('does not promise a Retry-After header');
      expect(summary.slice(summary.indexOf('## Contract violations'), summary.indexOf('## Warnings'))).toContain('None.');
      const junit = readFileSync(join(dir, 'contract-junit.xml'), 'utf8');
      expect(junit).not.toContain('<failure');
      expect(junit).toMatch(/<system-out>WARNING \/headers\/Retry-After: required header Retry-After is missing/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(warningLines(lenient).some((line) => line.includes('[inferred rule: the request body of createTaxRate is closed;'))).toBe(true);
  });
});
