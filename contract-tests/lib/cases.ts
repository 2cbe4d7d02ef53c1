// The cases of every operation, derived from the document: its success, and each error a client can provoke
// from outside (bad key, unknown ID, invalid body or query, stale cursor, bad or reused Idempotency-Key, a raw
// card number), and every other documented code: provoked for real on a stateful target (provoke.ts: recipes,
// switched sandboxes), asked for as the documented example on a stateless one.
import { ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import type { Json, Operation } from '../../contract-core/contract.ts';
import type { Evidence } from '../../contract-core/evidence.ts';
import { Skip, answers, statusOfCode, successStatus, type RequestParts, type Run, type Step } from './runner.ts';
import { newIdempotencyKey } from './client.ts';
import { unknownId } from './given.ts';
import { CANNOT_PROVOKE, fromRecipe, provoke } from './provoke.ts';
import { recipeFor, type Recipe } from './recipes.ts';
import { exampleParam, fillPath } from '../../contract-core/contract.ts';
import { behaviourCases } from './behaviour-cases.ts';

/** Not a secret key at all (an unknown key of the right shape may be a new test account to a sandbox). */
const MALFORMED_KEY = 'not_a_secret_key';
const INVALID_IDEMPOTENCY_KEY = 'not a valid key!';
const UNKNOWN_FIELD = 'contract_unknown_field';

const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path');
const prefixOf = (id: unknown): string => /^([a-z]+_)/.exec(String(id))?.[1] ?? '';
const missingId = (op: Operation, name: string): string => unknownId(prefixOf(exampleParam(op, name)));

/** Path IDs: made on a stateful target, the spec's examples on a stateless one; `given` ones are kept. */
async function idsFor(run: Run, op: Operation, given: Record<string, string> = {}): Promise<Record<string, string>> {
  const ids: Record<string, string> = { ...given };
  for (const p of pathParams(op)) ids[p.name] ??= run.target.stateful ? await run.idFor(p.name) : exampleParam(op, p.name);
  return ids;
}

/** The example body, with example IDs replaced by the target's on a stateful target. */
async function exampleBody(run: Run, op: Operation, resolve: (value: Json | undefined) => Promise<Json | undefined>): Promise<Json | undefined> {
  const example = op.requestBody?.example ?? (op.requestBody ? {} : undefined);
  return run.target.stateful ? resolve(example) : example;
}

/** A change to the body that makes it another request (for the same Idempotency-Key). */
function variant(op: Operation, body: Json | undefined): Json | undefined {
  const properties = op.requestBody?.properties ?? [];
  const base = typeof body === 'object' && body !== null && !Array.isArray(body) ? body : {};
  if (properties.includes('metadata')) return { ...base, metadata: { contract_variant: 'b' } };
  if (properties.includes('description')) return { ...base, description: 'contract variant b' };
  if (properties.includes('name')) return { ...base, name: 'contract variant b' };
  return undefined;
}

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

export interface CaseOptions {
  resolve(value: Json | undefined): Promise<Json | undefined>;
  /** Operations whose success needs a particular state: on a stateful target their scenario covers it. */
  coveredByScenario: ReadonlyMap<string, string>;
}

export function casesFor(op: Operation, options: CaseOptions): Step[] {
  const steps: Step[] = [];
  const success = successStatus(op);
  const body = (run: Run) => exampleBody(run, op, options.resolve);
  const scenario = options.coveredByScenario.get(op.operationId);
  const recipe = recipeFor(op.operationId);
  /** The request with IDs and body valid on the target (made there when needed). */
  const resolved = async (run: Run): Promise<RequestParts> => {
    const b = await body(run);
    return { params: await idsFor(run, op), ...(b !== undefined ? { body: b } : {}) };
  };
  /** The request of the success: a recipe's on a stateful target when the operation needs some status. */
  const successRequest = async (run: Run): Promise<RequestParts> => {
    if (run.target.stateful && recipe) return fromRecipe(run, recipe);
    if (run.target.stateful && scenario) throw new Skip(`covered by scenario "${scenario}"`);
    return resolved(run);
  };

  steps.push({
    operation: op,
    name: `${success} success`,
    expectedStatus: success,
    needsState: false,
    request: (run) => successRequest(run),
  });
  if (op.responses.has('401')) {
    // Authentication comes first: the example IDs do, whatever the target holds.
    const unauthenticated = (authorization: string) => async (run: Run) => ({
      params: Object.fromEntries(pathParams(op).map((p) => [p.name, exampleParam(op, p.name)])),
      headers: { authorization },
      ...(op.requestBody ? { body: await body(run) } : {}),
    });
    steps.push({
      operation: op,
      name: '401 no credentials',
      expectedStatus: 401,
      expectedCode: 'unauthorized',
      needsState: false,
      request: unauthenticated(''),
    });
    steps.push({
      operation: op,
      name: '401 malformed key',
      expectedStatus: 401,
      expectedCode: 'unauthorized',
      needsState: false,
      request: unauthenticated(`Bearer ${MALFORMED_KEY}`),
    });
  }
  for (const p of pathParams(op).slice(-1)) {
    if (!answers(op, 'not_found')) continue;
    steps.push({
      operation: op,
      name: `404 unknown ${p.name}`,
      expectedStatus: 404,
      expectedCode: 'not_found',
      needsState: true,
      note: 'a stateless mock cannot know which IDs exist',
      request: async (run) => ({ params: await idsFor(run, op, { [p.name]: missingId(op, p.name) }), ...(op.requestBody ? { body: await body(run) } : {}) }),
    });
  }
  if (answers(op, 'validation_error')) {
    if (op.requestBody) {
      const closed = op.requestBody.closed;
      steps.push({
        operation: op,
        name: `422 unknown body field ${UNKNOWN_FIELD}`,
        expectedStatus: 422,
        expectedCode: 'validation_error',
        needsState: false,
        request: async (run) => ({ params: await idsFor(run, op), body: { ...((await body(run)) as object), [UNKNOWN_FIELD]: true } }),
        check: (b) => fieldNamed(b, UNKNOWN_FIELD),
        ...(closed ? { expects: { rule: `the request body of ${op.operationId} is closed`, evidence: closed } } : {}),
      });
      if (op.requestBody.required)
        steps.push({
          operation: op,
          name: '422 a body of JSON null',
          expectedStatus: 422,
          expectedCode: 'validation_error',
          needsState: false,
          request: async (run) => ({ params: await idsFor(run, op), body: 'null' }),
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
    } else if (op.parameters.some((p) => p.in === 'query' && p.name === 'limit')) {
      const maximum = (op.parameters.find((p) => p.in === 'query' && p.name === 'limit')!.schema['x-evidence'] as { maximum?: Evidence } | undefined)?.maximum;
      steps.push({
        operation: op,
        name: '422 limit=1000',
        expectedStatus: 422,
        expectedCode: 'validation_error',
        needsState: false,
        request: async (run) => ({ params: await idsFor(run, op), query: { limit: 1000 } }),
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
      request: async (run) => ({ params: await idsFor(run, op), query: { starting_after: unknownId(prefixOf(firstItemId(op))) } }),
    });
  }
  if (answers(op, 'invalid_idempotency_key')) {
    steps.push({
      operation: op,
      name: '400 invalid_idempotency_key',
      expectedStatus: 400,
      expectedCode: 'invalid_idempotency_key',
      needsState: false,
      request: async (run) => ({
        params: await idsFor(run, op),
        headers: { 'idempotency-key': INVALID_IDEMPOTENCY_KEY },
        ...(op.requestBody ? { body: await body(run) } : {}),
      }),
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
        if (!run.target.stateful)
          return { params: await idsFor(run, op), headers: { 'idempotency-key': key }, ...(op.requestBody ? { body: await body(run) } : {}) };
        // The first request succeeds (a recipe's when the operation needs some status); the second under the
        // same key changes the body, or else the object the path names.
        const first = await successRequest(run);
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
  if (answers(op, 'card_number_not_allowed')) {
    steps.push({
      operation: op,
      name: '400 card_number_not_allowed',
      expectedStatus: 400,
      expectedCode: 'card_number_not_allowed',
      needsState: true,
      note: 'provoking it means sending a card number, which the client refuses (see safety.test.ts); the documented answer is checked',
      request: async (run) => {
        if (run.target.stateful) throw new Skip(CANNOT_PROVOKE['card_number_not_allowed']!);
        return { params: await idsFor(run, op), ...(op.requestBody ? { body: await body(run) } : {}) };
      },
    });
  }
  steps.push(...behaviourCases(op, successRequest));
  // Every other documented code, and those the request-level cases above do not reach on this operation
  // (`not_found` of an ID in the body, `validation_error` of an operation without a body or a limit).
  const aimed = new Set(steps.map((step) => step.expectedCode));
  for (const code of op.errors.filter((c) => !aimed.has(c))) {
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
        if (run.target.stateful) return provoke(run, op, code, { resolved: () => resolved(run) });
        return { params: await idsFor(run, op), ...(op.requestBody ? { body: await body(run) } : {}) };
      },
    });
  }
  return steps;
}

function firstItemId(op: Operation): unknown {
  const example = op.responses
    .get(String(successStatus(op)))
    ?.content.get('application/json')
    ?.examples.values()
    .next().value;
  return (example as { data?: { id?: unknown }[] } | undefined)?.data?.[0]?.id;
}

function fieldNamed(body: unknown, field: string): string[] {
  const errors = (body as { errors?: { field?: unknown }[] } | undefined)?.errors ?? [];
  return errors.some((e) => e.field === field) ? [] : [`errors[] does not name the field ${field} (got ${JSON.stringify(errors.map((e) => e.field))})`];
}
