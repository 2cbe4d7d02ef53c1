// Each reporter on the same run of five cases (one of each outcome): what it shows of each, and that it
// shows the kinds of failure apart, as the README's "Reports" says.
import { describe, expect, test } from 'vitest';
import { loadContract } from '../../contract-core/contract.ts';
import { xmlElements, xmlError } from '../../contract-core/testing/strict-xml.ts';
import type { CaseResult } from '../lib/result.ts';
import { caseLine, consoleSummary } from './console.ts';
import { resultsJson } from './json.ts';
import { junit } from './junit.ts';
import { markdownSummary } from './markdown.ts';
import { skippedByReason } from './summary.ts';

const operations = loadContract().operations.filter((op) => op.operationId === 'getCustomer');
const base = { operationId: 'getCustomer', label: 'GET /v2/customers/{customer_id}', violations: [], warnings: [], infrastructure: [], failures: [] };
const results: CaseResult[] = [
  { ...base, name: '200 success', expectedStatus: 200, mode: 'live', status: 200 },
  {
    ...base,
    name: '404 unknown customer_id',
    expectedStatus: 404,
    expectedCode: 'not_found',
    mode: 'live',
    status: 404,
    requestId: 'req_1',
    violations: [
      {
        location: 'body',
        pointer: '/code',
        message: "required property 'code' is missing",
        expected: 'present',
        actual: undefined,
        rule: 'Problem',
        evidence: { source: 'published' },
        check: 'problem_details_conformance',
      },
    ],
  },
  { ...base, name: '401 no credentials', expectedStatus: 401, mode: 'live', infrastructure: [{ kind: 'timeout', message: 'no answer within 10 ms' }] },
  { ...base, name: '422 limit=1000', expectedStatus: 422, mode: 'live', missingPrecondition: 'needs CONTRACT_ID_CARD_ID' },
  { ...base, name: '403 forbidden', expectedStatus: 403, mode: 'skipped', note: 'cannot be provoked' },
];

describe('the contract reporters', () => {
  test('console: a line a case, marked by outcome, and the run in counts by kind', () => {
    expect(results.map((r) => caseLine(r).slice(0, 1))).toEqual(['✓', '✗', '✗', '✗', '-']);
    expect(caseLine(results[1]!)).toContain("/code: required property 'code' is missing");
    expect(consoleSummary(operations, results)).toContain(
      'operations exercised: 1/1 · cases 5, failed 3 (contract 1, infrastructure 1, missing preconditions 1), shape-only 0, skipped 1, warnings 0',
    );
  });

  test('markdown: coverage, then each kind of finding in its own section', () => {
    const page = markdownSummary(operations, results, 'sandbox http://127.0.0.1:1');
    // A cell a documented status (200 400 401 403 404 422 429 500): passed, none, failed, skipped, failed, failed, none, none.
    expect(page).toContain('| getCustomer | ✓ | · | ✗ | – | ✗ | ✗ | · | · |');
    expect(page).toMatch(/## Contract violations\n\n\|[^\n]*\n\|[^\n]*\n\| getCustomer \| 404 unknown customer_id \|/);
    expect(page).toContain('| getCustomer | 401 no credentials | no answer | timeout |');
    expect(page).toContain('| getCustomer | 422 limit=1000 | needs CONTRACT_ID_CARD_ID |');
  });

  test('junit: a contract violation is a failure, infrastructure and a missing precondition are errors of their type', () => {
    const xml = junit(operations, results);
    expect(xmlError(xml)).toBeUndefined();
    const outcomes = xmlElements(xml)
      .filter((e) => ['testcase', 'failure', 'error', 'skipped'].includes(e.name))
      .map((e) => (e.name === 'testcase' ? '|' : `${e.name}${e.attributes['type'] ? ` ${e.attributes['type']}` : ''}`))
      .join(' ');
    expect(outcomes).toBe('| | failure contract | error infrastructure | error missing-precondition | skipped');
  });

  test('json: every case, as it was', () => {
    expect((JSON.parse(resultsJson(results)) as CaseResult[]).map((r) => r.name)).toEqual(results.map((r) => r.name));
  });

  test('summary: the reasons cases were skipped, with their counts', () => {
    expect(skippedByReason(results)).toEqual([['cannot be provoked', 1]]);
  });
});
