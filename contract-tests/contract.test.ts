// The contract suite: every scenario, then every operation of the bundle with its cases, against the target
// of the environment (the local mock by default; see contract-tests/README.md). Reports go to reports/.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadContract } from '../contract-core/contract.ts';
import { consoleSummary, caseLine as line } from './reporters/console.ts';
import { passed, type CaseResult } from './lib/result.ts';
import { writeReports } from './reporters/files.ts';
import { runStep } from './lib/runner.ts';
import { redact } from './lib/keys.ts';
import { SCENARIOS, failuresOf, openRun, operationCases, runScenario, type SuiteRun } from './lib/suite.ts';

const contract = loadContract();
const results: CaseResult[] = [];
let run: SuiteRun;
const cases = operationCases(contract, () => run.fixtures);
const record = (result: CaseResult): void => {
  results.push(result);
  if (result.mode !== 'skipped' && !passed(result)) console.log(line(result));
};

beforeAll(async () => {
  run = await openRun({ contract, log: (l) => console.log(redact(l)) });
});

afterAll(async () => {
  await run?.close();
  if (!run) return;
  const target = `${run.target.kind} (${run.target.stateful ? 'stateful' : 'stateless: scenarios in shape only'})`;
  writeReports(contract.operations, results, target);
  console.log(`\n${consoleSummary(contract.operations, results)}\nreports/contract-summary.md, reports/contract-junit.xml, reports/contract-results.json`);
});

test('every documented status and code of every operation has a case', () => {
  expect(contract.operations.length).toBeGreaterThan(0);
  const missing = contract.operations.flatMap((op) => {
    const steps = cases.get(op.operationId) ?? [];
    const statuses = new Set(steps.map((step) => String(step.expectedStatus)));
    const codes = new Set(steps.map((step) => step.expectedCode));
    return [...[...op.responses.keys()].filter((s) => !statuses.has(s)), ...op.errors.filter((c) => !codes.has(c))].map((what) => `${op.operationId} ${what}`);
  });
  expect(missing).toEqual([]);
});

describe('scenarios', () => {
  for (const scenario of SCENARIOS) {
    test(scenario.name, async () => {
      const mine = await runScenario(run, scenario);
      mine.forEach(record);
      expect(mine.flatMap(failuresOf)).toEqual([]);
    });
  }
});

describe('operations', () => {
  for (const op of contract.operations) {
    describe(op.label, () => {
      for (const step of cases.get(op.operationId) ?? []) {
        test(step.name, async (ctx) => {
          const { result } = await runStep(run, step);
          record(result);
          if (result.mode === 'skipped') ctx.skip(result.note);
          expect(failuresOf(result)).toEqual([]);
        });
      }
    });
  }
});
