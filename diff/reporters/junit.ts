// For CI: a test case per finding, failed when it is breaking and not acknowledged; one per acknowledgement that
// matches nothing, failed when that fails the run. No finding at all is one passing case, so the gate is seen to run.
// Written by the project's one JUnit writer (contract-core/junit.ts).
import { junitXml, type JUnitCase } from '../../contract-core/junit.ts';
import type { Report } from '../lib/compare.ts';
import { locationOf, subjectOf, type Verdict } from './summary.ts';

export function junitReport(report: Report, result: Verdict): string {
  const cases: JUnitCase[] = report.findings.map((finding) => {
    const name = `${subjectOf(finding)}: ${finding.check} at ${locationOf(finding)}`;
    const failed = finding.severity === 'breaking' && finding.acknowledged === undefined;
    return failed
      ? { classname: `diff.${finding.severity}`, name, outcome: { kind: 'failure', type: finding.check, message: finding.message } }
      : {
          classname: `diff.${finding.severity}`,
          name,
          output: `${finding.severity}${finding.acknowledged !== undefined ? `, acknowledged: ${finding.acknowledged}` : ''}: ${finding.message}`,
        };
  });
  for (const ack of report.unmatched) {
    cases.push({
      classname: 'diff.acknowledgements',
      name: `${ack.source}: ${ack.check} ${ack.pointer}`,
      ...(result.stale.includes(ack) ? { outcome: { kind: 'failure', type: 'stale-acknowledgement', message: `${ack.source}: matches no finding` } } : {}),
    });
  }
  if (cases.length === 0) cases.push({ classname: 'diff', name: 'no change' });
  return junitXml('contract diff', [{ name: `${report.base} → ${report.head}`, cases }]);
}
