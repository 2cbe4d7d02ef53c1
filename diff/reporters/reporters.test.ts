import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Acknowledgement } from '../lib/acknowledgements.ts';
import type { Report } from '../lib/compare.ts';
import type { Finding } from '../lib/finding.ts';
import { consoleReport } from './console.ts';
import { jsonReport } from './json.ts';
import { junitReport } from './junit.ts';
import { xmlElements, xmlError } from '../../contract-core/testing/strict-xml.ts';
import { markdownReport } from './markdown.ts';
import { verdict } from './summary.ts';

const removed: Finding = {
  check: 'error-code-removed',
  severity: 'breaking',
  operation: 'confirmPaymentFlow',
  pointer: '/paths/~1v2~1payment_flows~1{payment_flow_id}~1confirm/post/responses/402/content/application~1problem+json/examples/card_declined',
  document: 'bundle',
  message: "402 card_declined removed: a client's handler <for it> is dead code",
};
const acknowledged: Finding = { ...removed, pointer: '/x', acknowledged: 'reviewed & accepted' };
const retry: Finding = {
  check: 'error-retry-changed',
  severity: 'potentially-breaking',
  operation: null,
  pointer: '/codes/processing_error/retry',
  document: 'catalog',
  message: 'processing_error: retry policy same-key → no',
};
const stale: Acknowledgement = {
  check: 'webhook-removed',
  operation: 'webhook refund.created',
  pointer: '/webhooks/refund.created',
  reason: 'old',
  source: 'openapi/breaking-changes.yaml:14',
};
const report: Report = {
  base: 'diff/baseline',
  head: 'working tree',
  findings: [removed, acknowledged, retry],
  unmatched: [stale],
  notes: ['a note'],
  oasdiff: [],
};

describe('reporters', () => {
  const result = verdict(report, true);

  it('agree on the verdict: one breaking change not acknowledged and one stale acknowledgement fail', () => {
    expect(result).toMatchObject({ failed: true, counts: { breaking: 2, 'potentially-breaking': 1, safe: 0 }, unacknowledged: [removed], stale: [stale] });
    expect(verdict({ ...report, findings: [acknowledged, retry] }, false).failed).toBe(false);
  });

  it('console: each finding with its operation and pointer, the entry to paste under the unacknowledged one', () => {
    const text = consoleReport(report, result);
    expect(text).toContain("✗ confirmPaymentFlow: 402 card_declined removed: a client's handler <for it> is dead code");
    expect(text).toContain(`error-code-removed at ${removed.pointer}`);
    const lines = text.split('\n');
    const start = lines.findIndex((line) => line.includes('- check: error-code-removed'));
    const end = lines.findIndex((line, i) => i > start && line.includes('reason:'));
    expect(
      parse(
        lines
          .slice(start, end + 1)
          .map((line) => line.slice(8))
          .join('\n'),
      )[0],
    ).toMatchObject({ check: removed.check, operation: removed.operation, pointer: removed.pointer });
    expect(text).toContain('✓ confirmPaymentFlow');
    expect(text).toContain('acknowledged: reviewed & accepted');
    expect(text).toContain('catalog: processing_error: retry policy same-key → no');
    expect(text).toContain('openapi/breaking-changes.yaml:14: webhook-removed');
    expect(text.trim().split('\n').at(-1)).toBe('2 breaking (1 not acknowledged), 1 potentially breaking, 0 safe, 1 acknowledgement matching nothing: FAIL');
  });

  it('Markdown: a table per severity, pipes escaped, the entries to paste in a fold', () => {
    const text = markdownReport({ ...report, findings: [...report.findings, { ...retry, message: 'a | b' }] }, result);
    expect(text).toContain('#### Breaking (2)');
    expect(text).toContain('| ✓ acknowledged | confirmPaymentFlow |');
    expect(text).toContain('a \\| b');
    expect(text).toMatch(/<details><summary>To acknowledge<\/summary>[\s\S]*```yaml\n- check: error-code-removed/);
  });

  it('JSON: the findings and the verdict', () => {
    expect(JSON.parse(jsonReport(report, result))).toMatchObject({
      failed: true,
      findings: [removed, acknowledged, retry],
      unmatchedAcknowledgements: [stale],
    });
  });

  it('JUnit: a failure per unacknowledged breaking finding and stale acknowledgement, text escaped', () => {
    const xml = junitReport(report, result);
    expect(xml).toContain('<testsuites name="contract diff" tests="4" failures="2" errors="0" skipped="0">');
    expect(xml).toContain('handler &lt;for it&gt;');
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(junitReport({ ...report, findings: [], unmatched: [] }, verdict({ ...report, findings: [], unmatched: [] }, true))).toContain('name="no change"');
  });

  it('JUnit: well-formed XML 1.0 whatever a message holds (the one writer, contract-core/junit.ts)', () => {
    const hostile = { ...removed, message: `NUL\u0000 ESC\u001b[2J U+FFFE\ufffe lone\ud800 ]]> <x>` };
    const xml = junitReport({ ...report, findings: [hostile] }, verdict({ ...report, findings: [hostile] }, true));
    expect(xmlError(xml)).toBeUndefined();
    expect(xmlElements(xml).find((element) => element.name === 'failure')?.attributes['message']).toBe(
      'NUL\\u{0} ESC\\u{1b}[2J U+FFFE\\u{fffe} lone\\u{d800} ]]> <x>',
    );
  });
});
