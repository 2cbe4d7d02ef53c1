// The cases of every operation, derived from the document, by kind, in the order they run: its success, the
// errors a client provokes from outside (credentials, parameters, Idempotency-Key), its behaviour (replay,
// pages, filters), then every other code it documents. A new kind is a module here with its test, listed
// below. The scenarios' steps become cases in scenario-step.ts.
import type { Operation } from '../../../contract-core/contract.ts';
import type { Step } from '../step.ts';
import { behaviourCases } from './behaviour.ts';
import { caseContext, type CaseOptions } from './context.ts';
import { credentialCases } from './credentials.ts';
import { idempotencyCases } from './idempotency.ts';
import { parameterCases } from './parameters.ts';
import { provokedCases } from './provoked.ts';
import { successCases } from './success.ts';

export type { CaseOptions } from './context.ts';

/** The kinds whose cases do not depend on the others', in order. */
const KINDS = [successCases, credentialCases, parameterCases, idempotencyCases, behaviourCases] as const;

export function casesFor(op: Operation, options: CaseOptions): Step[] {
  const context = caseContext(op, options);
  const steps = KINDS.flatMap((kind) => kind(context));
  return [...steps, ...provokedCases(context, new Set(steps.map((step) => step.expectedCode)))];
}
