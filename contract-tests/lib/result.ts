// What a case came to: the one record the runner makes and every reporter, the CLI and the tests read. Three
// kinds of failure, kept apart: contract violations (the API's), infrastructure failures (no answer, an edge
// page, a gateway, a case that threw) and missing preconditions (an ID no request can make).
import type { InfrastructureFailure, Violation } from '../../contract-core/validator.ts';
import type { Warning } from './grading.ts';

/** live: a real request provoked the answer; shape-only: the target answered a documented example on request
 * (a stateless mock cannot reach that state), so only the shape was checked; skipped: could not be run. */
export type Mode = 'live' | 'shape-only' | 'skipped';

export interface CaseResult {
  operationId: string;
  label: string;
  name: string;
  /** The status the case aims at (`2xx` cases give the documented success status). */
  expectedStatus: number;
  /** The catalog code the case aims at, for errors. */
  expectedCode?: string;
  mode: Mode;
  note?: string;
  request?: { method: string; path: string };
  status?: number;
  requestId?: string;
  violations: Violation[];
  /** Breaches of inferred rules by a remote server: reported apart, they do not fail the case (grading.ts). */
  warnings: Warning[];
  infrastructure: InfrastructureFailure[];
  /** What the case itself expected and did not get (another status, another code). */
  failures: string[];
  /** What the target lacks for this case and the variable that supplies it (CONTRACT_ID_CARD_ID): not sent. */
  missingPrecondition?: string;
}

export const passed = (r: CaseResult): boolean =>
  r.mode !== 'skipped' && r.violations.length === 0 && r.infrastructure.length === 0 && r.failures.length === 0 && r.missingPrecondition === undefined;

/** A failure of the API's: a violation of the contract, or another status or code than the case aimed at. */
export const isViolating = (r: CaseResult): boolean => r.violations.length > 0 || r.failures.length > 0;

/** A violation in one line, with what was expected and what came, and the check that found it. */
export const violationText = (v: Violation): string =>
  `${v.pointer}: ${v.message} (expected ${JSON.stringify(v.expected)}, actual ${JSON.stringify(v.actual)}) [${v.check}]`;
