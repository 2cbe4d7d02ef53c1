// For a terminal: each finding on a line, and under each breaking one not acknowledged, the entry to paste.
import { ACKNOWLEDGEMENTS_FILE, acknowledgementFor } from '../lib/acknowledgements.ts';
import type { Report } from '../lib/compare.ts';
import { SEVERITIES, type Severity } from '../lib/finding.ts';
import { SEVERITY_LABELS, locationOf, subjectOf, summaryLine, type Verdict } from './summary.ts';

const MARKS: Record<Severity, string> = { breaking: '✗', 'potentially-breaking': '!', safe: '·' };
const indent = (text: string, by: string): string => text.replace(/^/gm, by);

export function consoleReport(report: Report, result: Verdict): string {
  const lines = [`contract diff: ${report.base} → ${report.head}`];
  for (const severity of SEVERITIES) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push('', `${SEVERITY_LABELS[severity]} (${findings.length})`);
    for (const finding of findings) {
      const mark = finding.acknowledged !== undefined ? '✓' : MARKS[severity];
      lines.push(`  ${mark} ${subjectOf(finding)}: ${finding.message}`, `      ${finding.check} at ${locationOf(finding)}`);
      if (finding.acknowledged !== undefined) lines.push(`      acknowledged: ${finding.acknowledged}`);
      else if (severity === 'breaking') {
        lines.push(
          `      not acknowledged; if it is intended, add under \`acknowledged:\` in ${ACKNOWLEDGEMENTS_FILE}:`,
          indent(acknowledgementFor(finding), '        '),
        );
      }
    }
  }
  if (result.stale.length > 0) {
    lines.push('', 'Acknowledgements that match no finding (remove them):');
    for (const ack of result.stale) lines.push(`  ✗ ${ack.source}: ${ack.check} ${ack.operation ?? ''} ${ack.pointer}`);
  }
  const ignored = report.unmatched.length - result.stale.length;
  if (ignored > 0)
    lines.push('', `note: ${ignored} acknowledgement${ignored > 1 ? 's' : ''} match nothing here; they are checked against the release baseline only`);
  for (const note of report.notes) lines.push('', `note: ${note}`);
  lines.push('', summaryLine(result));
  return lines.join('\n');
}
