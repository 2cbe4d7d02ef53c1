// One comparison: oasdiff and our rules on two versions, each change given its severity and matched with the
// head's acknowledgements.
import { CHECKS, RULES } from '../rules/index.ts';
import { matches, type Acknowledgement } from './acknowledgements.ts';
import { SEVERITIES, type Change, type Finding } from './finding.ts';
import { isAllOfMove } from './allof-moves.ts';
import { asChange, ownedByOurRules, runOasdiff, type OasdiffChange } from './oasdiff.ts';
import { loadSeverities, type Severities } from './severities.ts';
import type { Version } from './version.ts';

export interface Report {
  base: string;
  head: string;
  findings: Finding[];
  /** Acknowledgements that match no finding: errors when the base is the release baseline. */
  unmatched: Acknowledgement[];
  /** What could not be compared, and why. */
  notes: string[];
  /** oasdiff's own output, before our rules took over what they judge better (the mutation proof shows both). */
  oasdiff: OasdiffChange[];
}

export interface CompareOptions {
  /** Match the head's acknowledgements (the gate and `npm run diff` do; the changelog and the proof do not). */
  acknowledge?: boolean;
}

let loaded: Severities | undefined;

const ORDER = (finding: Finding): string => `${SEVERITIES.indexOf(finding.severity)} ${finding.operation ?? ''} ${finding.pointer} ${finding.check}`;

export async function compare(base: Version, head: Version, options: CompareOptions = {}): Promise<Report> {
  const severities = (loaded ??= loadSeverities(CHECKS));
  const acknowledgements = options.acknowledge === false ? [] : head.acknowledgements;
  const catalogsKnowHeaders = base.catalogFrom === 'catalog' && head.catalogFrom === 'catalog';
  const oasdiff = await runOasdiff(base.document, head.document);
  const changes: [Change, Finding['severity']][] = [
    ...oasdiff
      .filter((change) => !ownedByOurRules(change, catalogsKnowHeaders) && !isAllOfMove(change, base.document, head.document))
      .map((change): [Change, Finding['severity']] => [asChange(change, base.document, head.document), severities.ofOasdiff(change)]),
    ...RULES.flatMap((rule) => rule.run(base, head)).map((change): [Change, Finding['severity']] => [change, severities.ofCheck(change.check)]),
  ];
  const used = new Set<Acknowledgement>();
  const findings = changes.map(([change, severity]): Finding => {
    const ack = acknowledgements.find((entry) => matches(entry, change));
    if (ack) used.add(ack);
    return { ...change, severity, ...(ack ? { acknowledged: ack.reason } : {}) };
  });
  const notes = [base, head]
    .filter((version) => version.catalogFrom === 'bundle')
    .map((version) => `${version.label} is a bundle without its catalog: retry policies and per-code headers were not compared`);
  return {
    base: base.label,
    head: head.label,
    findings: findings.sort((a, b) => ORDER(a).localeCompare(ORDER(b))),
    unmatched: acknowledgements.filter((ack) => !used.has(ack)),
    notes,
    oasdiff,
  };
}

/** Breaking findings that no acknowledgement names: what fails the gate. */
export const unacknowledgedBreaking = (report: Report): Finding[] =>
  report.findings.filter((finding) => finding.severity === 'breaking' && finding.acknowledged === undefined);
