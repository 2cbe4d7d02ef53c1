// Every other code the operation documents: provoked for real on a stateful target (provoke.ts: recipes,
// rules read from the document, switched sandboxes), asked for as the documented example on a stateless one.
// A raw card number is never sent, so card_number_not_allowed is checked in shape only.
import { ERROR_CATALOG, isErrorCode } from '../../../generated/error-catalog.ts';
import type { Operation } from '../../../contract-core/contract.ts';
import { CANNOT_PROVOKE, provoke } from '../provoke.ts';
import { recipeFor, type Recipe } from '../recipes.ts';
import { answers, Skip, statusOfCode, type Step } from '../step.ts';
import type { CaseContext } from './context.ts';

/**
 * What a case aiming at `code` rests on, when that is an inference: that the operation answers the code at all
 * (an x-errors entry of ours), the way a recipe provokes it, or the code's name (a client code's is our reading
 * of the client's title). Undefined when every part is a published or client fact.
 */
export function codeExpectation(op: Operation, code: string, recipe?: Recipe): Step['expects'] {
  const listed = op.errorEvidence[code];
  if (listed?.source === 'inferred') return { rule: `${op.operationId} answers ${code}`, evidence: listed };
  if (recipe?.evidence) return { rule: `what makes ${op.operationId} answer ${code}`, evidence: recipe.evidence };
  const def = isErrorCode(code) ? (ERROR_CATALOG[code] as { source: string; reason?: string }) : undefined;
  if (def && def.source !== 'published') return { rule: `the code ${code}`, evidence: { source: 'inferred', reason: def.reason ?? '' } };
  return undefined;
}

/** The cases of the codes `op` documents that no case in `aimed` aims at already. */
export function provokedCases(ctx: CaseContext, aimed: ReadonlySet<string | undefined>): Step[] {
  const { op } = ctx;
  const steps: Step[] = [];
  if (answers(op, 'card_number_not_allowed') && !aimed.has('card_number_not_allowed')) {
    steps.push({
      operation: op,
      name: '400 card_number_not_allowed',
      expectedStatus: 400,
      expectedCode: 'card_number_not_allowed',
      needsState: true,
      note: 'provoking it means sending a card number, which the client refuses (see safety.test.ts); the documented answer is checked',
      request: async (run) => {
        if (run.target.stateful) throw new Skip(CANNOT_PROVOKE['card_number_not_allowed']!);
        return ctx.resolved(run);
      },
    });
  }
  // The codes the request-level cases do not reach on this operation (`not_found` of an ID in the body,
  // `validation_error` of an operation without a body or a limit), and all the others.
  for (const code of op.errors.filter((c) => c !== 'card_number_not_allowed' && !aimed.has(c))) {
    const expects = codeExpectation(op, code, recipeFor(op.operationId, code));
    steps.push({
      operation: op,
      name: `${statusOfCode(code)} ${code}`,
      expectedStatus: statusOfCode(code),
      expectedCode: code,
      needsState: true,
      ...(expects ? { expects } : {}),
      note: 'a stateless mock holds no state, faults or limits: the documented answer is checked',
      request: async (run) => {
        if (run.target.stateful) return provoke(run, op, code, { resolved: () => ctx.resolved(run) });
        return ctx.resolved(run);
      },
    });
  }
  return steps;
}
