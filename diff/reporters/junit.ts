// For CI: a test case per finding, failed when it is breaking and not acknowledged; one per acknowledgement that
// matches nothing, failed when that fails the run. No finding at all is one passing case, so the gate is seen to run.
import type { Report } from '../lib/compare.ts';
import { locationOf, subjectOf, type Verdict } from './summary.ts';

const xml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

export function junitReport(report: Report, result: Verdict): string {
  const cases = report.findings.map((finding) => {
    const name = xml(`${subjectOf(finding)}: ${finding.check} at ${locationOf(finding)}`);
    const failed = finding.severity === 'breaking' && finding.acknowledged === undefined;
    const body = failed
      ? `<failure message="${xml(finding.message)}" type="${finding.check}"/>`
      : `<system-out>${xml(`${finding.severity}${finding.acknowledged !== undefined ? `, acknowledged: ${finding.acknowledged}` : ''}: ${finding.message}`)}</system-out>`;
    return `    <testcase classname="diff.${finding.severity}" name="${name}">${body}</testcase>`;
  });
  for (const ack of report.unmatched) {
    const failure = result.stale.includes(ack) ? `<failure message="${xml(`${ack.source}: matches no finding`)}" type="stale-acknowledgement"/>` : '';
    cases.push(`    <testcase classname="diff.acknowledgements" name="${xml(`${ack.source}: ${ack.check} ${ack.pointer}`)}">${failure}</testcase>`);
  }
  if (cases.length === 0) cases.push('    <testcase classname="diff" name="no change"/>');
  const failures = result.unacknowledged.length + result.stale.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="contract diff" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${xml(`${report.base} → ${report.head}`)}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
