// A scenario's steps as cases: each aims at its operation's success or the code it names, and reads the
// state the steps before saved; its life-cycle checks are made on a stateful target only.
import type { Operation } from '../../../contract-core/contract.ts';
import type { Scenario, State } from '../scenarios.ts';
import { statusOfCode, successStatus, type Run, type Step } from '../step.ts';
import { codeExpectation } from './provoked.ts';

/** The scenario steps as runnable steps over the bundle; a step whose operation is missing is skipped. */
export function scenarioSteps(run: Run, scenario: Scenario, state: State): Step[] {
  return scenario.steps.map((s): Step => {
    const operation: Operation = run.contract.operations.find((op) => op.operationId === s.operationId) ?? missing(s.operationId);
    const expectedStatus = s.code ? statusOfCode(s.code) : successStatus(operation);
    const expects = s.expects ?? (s.code ? codeExpectation(operation, s.code) : undefined);
    return {
      operation,
      name: `${scenario.name} › ${s.name}`,
      expectedStatus,
      ...(s.code ? { expectedCode: s.code } : {}),
      ...(expects ? { expects } : {}),
      needsState: s.code !== undefined,
      ...(operation.responses.size === 0 ? { skip: `${s.operationId} is not in the bundle` } : {}),
      request: (run) => s.request(state, run),
      check: (body) => {
        const record = (body ?? {}) as Record<string, unknown>;
        s.save?.(record, state);
        return s.check && run.target.stateful ? s.check(record, state) : [];
      },
    };
  });
}

function missing(operationId: string): Operation {
  return {
    operationId,
    method: 'get',
    template: '/',
    label: operationId,
    parameters: [],
    requestBody: undefined,
    responses: new Map(),
    errors: [],
    errorEvidence: {},
    isList: false,
    parameterRules: [],
  };
}
