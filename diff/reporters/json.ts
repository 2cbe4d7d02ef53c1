// For machines: the findings as they are, with the verdict.
import type { Report } from '../lib/compare.ts';
import type { Verdict } from './summary.ts';

export const jsonReport = (report: Report, result: Verdict): string =>
  `${JSON.stringify(
    {
      base: report.base,
      head: report.head,
      failed: result.failed,
      counts: result.counts,
      findings: report.findings,
      unmatchedAcknowledgements: report.unmatched,
      notes: report.notes,
    },
    null,
    2,
  )}\n`;
