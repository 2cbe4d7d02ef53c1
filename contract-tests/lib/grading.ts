// Violations and warnings. Every finding names the rule it breaks and that rule's evidence (validator.ts, and
// the evidence a case's expectation rests on). A breach of a published, client or incident fact is a violation.
// A breach of an inferred rule is a violation on the local mock and sandbox (they are ours, written to the
// rule), but only a warning against a remote server: the server may be right and our inference wrong. With
// CONTRACT_STRICT=1 a remote server is held to the inferred rules too.
import type { Evidence } from '../../contract-core/evidence.ts';
import type { TargetKind } from './target.ts';
import type { Violation } from '../../contract-core/validator.ts';

/** A breach of an inferred rule, reported apart: the rule, why we believe it, and what the server did. */
export interface Warning {
  rule: string;
  /** The named check that found it (contract-core/checks/); absent for the case's own expectation. */
  check?: string;
  reason: string;
  message: string;
  /** Where in the answer, as for a violation; absent for the case's own expectation. */
  pointer?: string;
  expected?: unknown;
  actual?: unknown;
}

/** CONTRACT_STRICT: `1` holds a remote server to the inferred rules as well; unset or `0`, it does not. */
export function readStrict(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env['CONTRACT_STRICT'] ?? '';
  if (!['', '0', '1'].includes(value)) throw new Error(`CONTRACT_STRICT must be 0 or 1 (got '${value}')`);
  return value === '1';
}

/** Whether breaches of inferred rules are warnings rather than violations on this target. */
export const lenientFor = (kind: TargetKind, strict: boolean): boolean => kind === 'remote' && !strict;

const isInferred = (evidence: Evidence | undefined): evidence is Evidence & { source: 'inferred' } => evidence?.source === 'inferred';

/** Splits a validator's violations: those of inferred rules become warnings when `lenient`. */
export function grade(violations: readonly Violation[], lenient: boolean): { violations: Violation[]; warnings: Warning[] } {
  const kept: Violation[] = [];
  const warnings: Warning[] = [];
  for (const v of violations) {
    if (lenient && isInferred(v.evidence)) {
      warnings.push({
        rule: v.rule,
        check: v.check,
        reason: v.evidence.reason ?? '',
        message: v.message,
        pointer: v.pointer,
        expected: v.expected,
        actual: v.actual,
      });
    } else kept.push(v);
  }
  return { violations: kept, warnings };
}

/**
 * Splits what a case expected and did not get (another status or code, a check of the answer): when the
 * expectation rests on an inferred rule and `lenient`, they are warnings.
 */
export function gradeExpectation(
  failures: readonly string[],
  evidence: Evidence | undefined,
  rule: string,
  lenient: boolean,
): { failures: string[]; warnings: Warning[] } {
  if (!lenient || !isInferred(evidence)) return { failures: [...failures], warnings: [] };
  return { failures: [], warnings: failures.map((message) => ({ rule, reason: evidence.reason ?? '', message })) };
}
