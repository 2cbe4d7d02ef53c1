// Which of contract-core's named checks a run uses: CONTRACT_CHECKS and CONTRACT_EXCLUDE_CHECKS, read once
// when the run opens; a misspelt name stops the run before anything is sent.
import { describe, expect, test } from 'vitest';
import { CHECK_NAMES } from '../contract-core/checks/index.ts';
import { openRun, readChecks } from './lib/suite.ts';
import { LOCAL_TEST_KEY } from './lib/target.ts';

describe('the checks of a run', () => {
  test('all by default; the named ones; less the excluded', () => {
    expect(readChecks({})).toEqual(CHECK_NAMES);
    expect(readChecks({ CONTRACT_CHECKS: 'status_code_conformance, response_schema_conformance' })).toEqual([
      'status_code_conformance',
      'response_schema_conformance',
    ]);
    expect(readChecks({ CONTRACT_EXCLUDE_CHECKS: 'response_headers_conformance' })).not.toContain('response_headers_conformance');
  });
  test('a name that is not a check is refused, naming the variable and the checks there are', () => {
    expect(() => readChecks({ CONTRACT_EXCLUDE_CHECKS: 'retry_after' })).toThrow(/^CONTRACT_EXCLUDE_CHECKS: unknown check 'retry_after' \(the checks: /);
  });
  test("the run's validator runs the selection", async () => {
    const config = { kind: 'remote' as const, baseUrl: 'http://127.0.0.1:9', secretKey: LOCAL_TEST_KEY, rate: 10, concurrency: 1, timeoutMs: 100 };
    const run = await openRun({ config, checks: ['problem_details_conformance'] });
    try {
      expect(run.validator.checks).toEqual(['problem_details_conformance']);
    } finally {
      await run.close();
    }
  });
});
