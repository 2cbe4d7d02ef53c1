// What a request's parameters can break from outside: an unknown path ID (404), a body field the schema does
// not know or a limit above its maximum (422, naming the field), a cursor of no object (400 resource_missing).
import type { Evidence } from '../../../contract-core/evidence.ts';
import type { Operation } from '../../../contract-core/contract.ts';
import { unknownId } from '../given.ts';
import { answers, successStatus, type Step } from '../step.ts';
import { missingId, pathParams, prefixOf, type CaseContext } from './context.ts';

export const UNKNOWN_FIELD = 'contract_unknown_field';

export function parameterCases(ctx: CaseContext): Step[] {
  const { op } = ctx;
  const steps: Step[] = [];
  for (const p of pathParams(op).slice(-1)) {
    if (!answers(op, 'not_found')) continue;
    steps.push({
      operation: op,
      name: `404 unknown ${p.name}`,
      expectedStatus: 404,
      expectedCode: 'not_found',
      needsState: true,
      note: 'a stateless mock cannot know which IDs exist',
      request: (run) => ctx.resolved(run, { [p.name]: missingId(op, p.name) }),
    });
  }
  if (answers(op, 'validation_error')) {
    const invalid = { operation: op, expectedStatus: 422, expectedCode: 'validation_error', needsState: false } as const;
    const limit = op.parameters.find((p) => p.in === 'query' && p.name === 'limit');
    if (op.requestBody) {
      const closed = op.requestBody.closed;
      steps.push({
        ...invalid,
        name: `422 unknown body field ${UNKNOWN_FIELD}`,
        request: async (run) => ({ params: await ctx.ids(run), body: { ...((await ctx.body(run)) as object), [UNKNOWN_FIELD]: true } }),
        check: (b) => fieldNamed(b, UNKNOWN_FIELD),
        ...(closed ? { expects: { rule: `the request body of ${op.operationId} is closed`, evidence: closed } } : {}),
      });
      if (op.requestBody.required)
        steps.push({
          ...invalid,
          name: '422 a body of JSON null',
          request: async (run) => ({ params: await ctx.ids(run), body: 'null' }),
          check: (b) => fieldNamed(b, 'body'),
          expects: {
            rule: 'a required body of JSON null is refused naming body',
            evidence: {
              source: 'inferred',
              reason:
                'the body schema is an object and null is not one; only where the body is optional does the published client send null for no body (contract-core/request-body.ts)',
            },
          },
        });
    } else if (limit) {
      const maximum = (limit.schema['x-evidence'] as { maximum?: Evidence } | undefined)?.maximum;
      steps.push({
        ...invalid,
        name: '422 limit=1000',
        request: async (run) => ({ params: await ctx.ids(run), query: { limit: 1000 } }),
        check: (b) => fieldNamed(b, 'limit'),
        ...(maximum ? { expects: { rule: 'limit is at most 100', evidence: maximum } } : {}),
      });
    }
  }
  if (op.isList && answers(op, 'resource_missing')) {
    steps.push({
      operation: op,
      name: '400 resource_missing (cursor of no object)',
      expectedStatus: 400,
      expectedCode: 'resource_missing',
      needsState: true,
      note: 'a stateless mock cannot know which cursors exist',
      request: async (run) => ({ params: await ctx.ids(run), query: { starting_after: unknownId(prefixOf(firstItemId(op))) } }),
    });
  }
  return steps;
}

/** The ID of the first object of the list's documented example (its prefix makes a cursor of the right kind). */
function firstItemId(op: Operation): unknown {
  const example = op.responses
    .get(String(successStatus(op)))
    ?.content.get('application/json')
    ?.examples.values()
    .next().value;
  return (example as { data?: { id?: unknown }[] } | undefined)?.data?.[0]?.id;
}

/** The problem's `errors[]` names the field, or the reason it does not. */
export function fieldNamed(body: unknown, field: string): string[] {
  const errors = (body as { errors?: { field?: unknown }[] } | undefined)?.errors ?? [];
  return errors.some((e) => e.field === field) ? [] : [`errors[] does not name the field ${field} (got ${JSON.stringify(errors.map((e) => e.field))})`];
}
