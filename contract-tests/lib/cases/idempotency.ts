// An Idempotency-Key the server must refuse: one of the wrong format (400 invalid_idempotency_key), and one
// used again for another request (409 idempotency_conflict: the first succeeds, the second changes the body,
// or else the object the path names).
import { fillPath, type Json, type Operation } from '../../../contract-core/contract.ts';
import { newIdempotencyKey } from '../client.ts';
import { fromRecipe } from '../provoke.ts';
import { answers, Skip, type Step } from '../step.ts';
import { pathParams, type CaseContext } from './context.ts';

export const INVALID_IDEMPOTENCY_KEY = 'not a valid key!';

export function idempotencyCases(ctx: CaseContext): Step[] {
  const { op, recipe } = ctx;
  const steps: Step[] = [];
  if (answers(op, 'invalid_idempotency_key')) {
    steps.push({
      operation: op,
      name: '400 invalid_idempotency_key',
      expectedStatus: 400,
      expectedCode: 'invalid_idempotency_key',
      needsState: false,
      request: async (run) => ({ ...(await ctx.resolved(run)), headers: { 'idempotency-key': INVALID_IDEMPOTENCY_KEY } }),
    });
  }
  if (answers(op, 'idempotency_conflict')) {
    steps.push({
      operation: op,
      name: '409 idempotency_conflict (same key, other body)',
      expectedStatus: 409,
      expectedCode: 'idempotency_conflict',
      needsState: true,
      note: 'a stateless mock keeps no idempotency keys',
      request: async (run) => {
        const key = newIdempotencyKey();
        if (!run.target.stateful) return { ...(await ctx.resolved(run)), headers: { 'idempotency-key': key } };
        // The first request succeeds (a recipe's when the operation needs some status).
        const first = await ctx.successRequest(run);
        const params = first.params ?? {};
        try {
          const { response } = await run.client.send({
            method: op.method,
            path: fillPath(op, params),
            headers: { 'idempotency-key': key },
            ...(first.body !== undefined ? { body: first.body } : {}),
          });
          if (response.status >= 300) throw new Error(`the first request under the key answered ${response.status}: ${response.text.slice(0, 200)}`);
        } finally {
          await first.after?.();
        }
        const otherBody = variant(op, first.body as Json | undefined);
        if (otherBody !== undefined) return { params, headers: { 'idempotency-key': key }, body: otherBody };
        const last = pathParams(op).at(-1)?.name;
        if (!last) throw new Skip('the request has neither a field nor a path ID that makes another request');
        const other = recipe ? (await fromRecipe(run, recipe)).params?.[last] : await run.anotherId(last, params[last]!);
        return { params: { ...params, [last]: other! }, headers: { 'idempotency-key': key }, ...(first.body !== undefined ? { body: first.body } : {}) };
      },
    });
  }
  return steps;
}

/** A change to the body that makes it another request (for the same Idempotency-Key); undefined when none. */
export function variant(op: Operation, body: Json | undefined): Json | undefined {
  const properties = op.requestBody?.properties ?? [];
  const base = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  if (properties.includes('metadata')) return { ...base, metadata: { contract_variant: 'b' } };
  if (properties.includes('description')) return { ...base, description: 'contract variant b' };
  if (properties.includes('name')) return { ...base, name: 'contract variant b' };
  return undefined;
}
