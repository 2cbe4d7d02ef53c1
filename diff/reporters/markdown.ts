// A pull request comment's worth: the verdict, then a table per severity; the entries to paste in a fold.
import { ACKNOWLEDGEMENTS_FILE, acknowledgementFor } from '../lib/acknowledgements.ts';
import type { Report } from '../lib/compare.ts';
import { SEVERITIES } from '../lib/finding.ts';
import { SEVERITY_LABELS, locationOf, subjectOf, summaryLine, type Verdict } from './summary.ts';

const cell = (text: string): string => text.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function markdownReport(report: Report, result: Verdict): string {
  const lines = [`### Contract diff: \`${report.base}\` → \`${report.head}\``, '', `**${summaryLine(result)}**`];
  for (const severity of SEVERITIES) {
    const findings = report.findings.filter((finding) => finding.severity === severity);
    if (findings.length === 0) continue;
    lines.push('', `#### ${SEVERITY_LABELS[severity]} (${findings.length})`, '', '| | operation | change | check | where |', '|---|---|---|---|---|');
    for (const finding of findings) {
      const mark = finding.acknowledged !== undefined ? '✓ acknowledged' : severity === 'breaking' ? '✗' : '';
      lines.push(`| ${mark} | ${cell(subjectOf(finding))} | ${cell(finding.message)} | \`${finding.check}\` | \`${cell(locationOf(finding))}\` |`);
    }
  }
  if (result.unacknowledged.length > 0) {
    lines.push(
      '',
      '<details><summary>To acknowledge</summary>',
      '',
      `Reviewed and intended? Add under \`acknowledged:\` in \`${ACKNOWLEDGEMENTS_FILE}\`:`,
      '',
      '```yaml',
    );
    lines.push(...result.unacknowledged.map(acknowledgementFor), '```', '', '</details>');
  }
  if (result.stale.length > 0) {
    lines.push('', `Acknowledgements that match no finding (remove them from \`${ACKNOWLEDGEMENTS_FILE}\`):`, '');
    for (const ack of result.stale) lines.push(`- \`${ack.source}\`: \`${ack.check}\` ${ack.operation ?? ''} \`${ack.pointer}\``);
  }
  for (const note of report.notes) lines.push('', `> ${note}`);
  return `${lines.join('\n')}\n`;
}
