// What every reporter says the same way: the verdict, the counts, how a finding is named.
import type { Acknowledgement } from '../lib/acknowledgements.ts';
import { unacknowledgedBreaking, type Report } from '../lib/compare.ts';
import { SEVERITIES, type Finding, type Severity } from '../lib/finding.ts';

export interface Verdict {
  failed: boolean;
  counts: Record<Severity, number>;
  unacknowledged: Finding[];
  /** Acknowledgements that match nothing and fail the run (only against the release baseline). */
  stale: Acknowledgement[];
}

export function verdict(report: Report, staleFails: boolean): Verdict {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, report.findings.filter((f) => f.severity === severity).length])) as Record<
    Severity,
    number
  >;
  const unacknowledged = unacknowledgedBreaking(report);
  const stale = staleFails ? report.unmatched : [];
  return { failed: unacknowledged.length > 0 || stale.length > 0, counts, unacknowledged, stale };
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  breaking: 'Breaking',
  'potentially-breaking': 'Potentially breaking',
  safe: 'Safe',
};

/** `confirmPaymentFlow`, `webhook refund.created`, or `catalog` for what belongs to no operation. */
export const subjectOf = (finding: Finding): string => finding.operation ?? (finding.document === 'catalog' ? 'catalog' : 'document');

/** `catalog /codes/x/retry` or the bundle pointer as it is. */
export const locationOf = (finding: Finding): string => (finding.document === 'catalog' ? `catalog ${finding.pointer}` : finding.pointer);

export const summaryLine = ({ counts, unacknowledged, stale, failed }: Verdict): string =>
  `${counts.breaking} breaking (${unacknowledged.length} not acknowledged), ${counts['potentially-breaking']} potentially breaking, ${counts.safe} safe` +
  `${stale.length > 0 ? `, ${stale.length} acknowledgement${stale.length > 1 ? 's' : ''} matching nothing` : ''}: ${failed ? 'FAIL' : 'pass'}`;
