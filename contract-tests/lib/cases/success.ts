// The documented success of an operation: its example request with IDs the target holds (a recipe's request
// when the success needs some status; on a stateful target, skipped for the scenario that covers it).
import { successStatus, type Step } from '../step.ts';
import type { CaseContext } from './context.ts';

export function successCases(ctx: CaseContext): Step[] {
  const status = successStatus(ctx.op);
  return [{ operation: ctx.op, name: `${status} success`, expectedStatus: status, needsState: false, request: (run) => ctx.successRequest(run) }];
}
