// How a stateful target is brought to answer an error code for real: the recipe of the operation and code
// (recipes.ts), a rule read from the document (a body that is not JSON; an `id` used twice), or a server
// switched to a fault (rate limit, 500, idempotency outage, latency for a concurrent duplicate), which only a
// sandbox the suite started itself can be. What no request can provoke is skipped with the reason why.
import { setTimeout as sleep } from 'node:timers/promises';
import { createContractClient, newIdempotencyKey, type ContractClient } from './client.ts';
import { deref, exampleParam, fillPath, type Json, type JsonObject, type Operation } from '../../contract-core/contract.ts';
import { createGiven } from './given.ts';
import { recipeFor, type Recipe } from './recipes.ts';
import { Skip, setupBody, type RequestParts, type Run, type VariantName } from './step.ts';

/** Codes no request from outside can provoke in test mode, with the reason (stable: the report groups by it). */
export const CANNOT_PROVOKE: Readonly<Record<string, string>> = {
  forbidden: 'cannot be provoked from outside in test mode: 403 needs a valid key without permission, and a test key has them all',
  test_card_on_livemode: 'cannot be provoked from outside in test mode: needs a live key, which the runner refuses',
  apple_pay_disabled_in_livemode: 'cannot be provoked from outside in test mode: needs an Apple Pay payment with a live key, which the runner refuses',
  card_number_not_allowed: 'cannot be provoked from outside: needs a raw card number, which the runner refuses to send',
};
const NO_BODY =
  'cannot be provoked from outside: the operation takes no body, and without one a server may answer an unreadable path as not_found instead of invalid_request';
export const NOTHING_TO_INVALIDATE =
  "cannot be provoked from outside: the operation takes neither a body nor query parameters, and no path or header parameter's schema sets a constraint a value could break";
const NO_RECIPE = 'no recipe: no known request reaches a state that answers it (see contract-tests/README.md, "Codes without a recipe")';
export const NEEDS_SWITCHED_SERVER = "needs the server's cooperation (an injected fault or latency): only a sandbox the suite starts itself can be switched";
export const RATE_LIMIT_OFF = 'provoking the rate limit of a shared server is off: set CONTRACT_PROVOKE_RATE_LIMIT=1 for a bounded burst';

/** The fault each code needs, as a switched sandbox variant. */
const VARIANT_OF: Readonly<Record<string, VariantName>> = {
  internal_server_error: 'failing',
  idempotency_infrastructure_error: 'idempotency-outage',
  idempotency_timeout: 'slow',
};
/** Requests at most sent to trip a rate limit, per case, in batches (small for a variant, whose burst is 1). */
const BURST_LIMIT = 200;
const BURST_BATCH = { variant: 2, shared: 20 };

export interface ProvokeContext {
  /** The request of the operation with IDs and body valid on the target (made there when needed). */
  resolved(): Promise<RequestParts>;
}

/** The request that makes a stateful target answer `code` for `op`; throws Skip when it cannot be provoked. */
export async function provoke(run: Run, op: Operation, code: string, context: ProvokeContext): Promise<RequestParts> {
  const reason = CANNOT_PROVOKE[code];
  if (reason) throw new Skip(reason);
  if (code === 'rate_limit_exceeded') return rateLimited(run, op, context);
  const variant = VARIANT_OF[code];
  if (variant) {
    if (!run.variant) throw new Skip(NEEDS_SWITCHED_SERVER);
    const client = await run.variant(variant);
    return code === 'idempotency_timeout' ? concurrentDuplicate(client, op) : { ...example(op), via: client };
  }
  if (code === 'invalid_request') {
    if (!op.requestBody) throw new Skip(NO_BODY);
    return { ...(await context.resolved()), body: '{"contract": "a body that is not JSON' };
  }
  if (code === 'validation_error' && nothingToInvalidate(run.contract.document, op)) throw new Skip(NOTHING_TO_INVALIDATE);
  if (code === 'already_exists_id' && op.requestBody?.properties.includes('id')) return sameIdTwice(run, op, context);
  const recipe = recipeFor(op.operationId, code);
  if (!recipe) throw new Skip(NO_RECIPE);
  return fromRecipe(run, recipe);
}

/** Keywords that only describe a string: any path segment or header value meets a schema made of these alone. */
const ANNOTATIONS = new Set(['type', 'title', 'description', 'example', 'examples', 'default', 'deprecated', '$comment']);
const unconstrained = (schema: JsonObject): boolean =>
  Object.entries(schema).every(([key, value]) => ANNOTATIONS.has(key) && (key !== 'type' || value === 'string'));

/**
 * Whether no request can fail validation: no body, no query, and every path or header parameter takes any
 * string. The Idempotency-Key header does not count: breaking its rule answers `invalid_idempotency_key`.
 */
export function nothingToInvalidate(document: JsonObject, op: Operation): boolean {
  if (op.requestBody || op.parameters.some((p) => p.in === 'query')) return false;
  return op.parameters.every((p) => (p.in === 'header' && p.name.toLowerCase() === 'idempotency-key') || unconstrained(deref(document, p.schema)));
}

/** Runs a recipe: what it makes, then its request; what it changed is undone after the answer (or a failure). */
export async function fromRecipe(run: Run, recipe: Recipe): Promise<RequestParts> {
  const given = createGiven(run);
  try {
    const parts = await recipe.request(given);
    return { ...parts, after: given.cleanup };
  } catch (error) {
    await given.cleanup();
    throw error;
  }
}

/** The operation's request from the spec's examples: enough for a server that fails before processing. */
function example(op: Operation): RequestParts {
  const params = Object.fromEntries(op.parameters.filter((p) => p.in === 'path').map((p) => [p.name, exampleParam(op, p.name)]));
  return { params, ...(op.requestBody ? { body: op.requestBody.example ?? {} } : {}) };
}

/** Creates an object with an `id` of ours, then asks for the same `id` again. */
async function sameIdTwice(run: Run, op: Operation, context: ProvokeContext): Promise<RequestParts> {
  const parts = await context.resolved();
  const body = { ...(parts.body as Record<string, Json>), id: `contract_${newIdempotencyKey().slice(-12).replaceAll('-', '')}` };
  const { response } = await run.client.send({ method: op.method, path: fillPath(op, parts.params ?? {}), body });
  setupBody(`setting up, the first ${op.label}`, response);
  if (response.status >= 300) throw new Error(`setting up, the first ${op.label} answered ${response.status}: ${response.text.slice(0, 300)}`);
  return { ...parts, body };
}

/**
 * The same write twice under one key, the second while the first is still running (the variant adds latency
 * to every request): the second waits for the first, times out and answers 409 `idempotency_timeout`. The
 * case does not wait for the first's answer, which it does not judge: the variant answers it before it closes
 * (suite.ts), and a first that failed leaves the second nothing to time out on, which the case then reports.
 */
async function concurrentDuplicate(client: ContractClient, op: Operation): Promise<RequestParts> {
  const parts = example(op);
  const headers = { 'idempotency-key': newIdempotencyKey() };
  const first = client.send({
    method: op.method,
    path: fillPath(op, parts.params ?? {}),
    headers,
    ...(parts.body !== undefined ? { body: parts.body } : {}),
    retry: false,
  });
  await sleep(SLOW.firstHeadStartMs);
  void first.catch(() => undefined);
  return { ...parts, headers, via: client };
}

/**
 * The latency variant: requests take `latencyMs`; a duplicate waits `idempotencyWaitMs` for the first. The
 * head start keeps the first ahead on a loaded machine; the duplicate still arrives long before it is done.
 */
export const SLOW = { latencyMs: 400, idempotencyWaitMs: 20, firstHeadStartMs: 100 };

/**
 * Trips the rate limit with a bounded burst of list requests (at most BURST_LIMIT, stopping at the first
 * 429), then sends the request under test at once, on the same fast client. Against a switched sandbox
 * variant always; against any other server only with CONTRACT_PROVOKE_RATE_LIMIT=1.
 */
async function rateLimited(run: Run, op: Operation, context: ProvokeContext): Promise<RequestParts> {
  let client: ContractClient;
  let parts: RequestParts;
  let batch: number;
  if (run.variant) {
    client = await run.variant('rate-limited');
    parts = example(op);
    batch = BURST_BATCH.variant;
  } else if (process.env['CONTRACT_PROVOKE_RATE_LIMIT'] === '1') {
    parts = await context.resolved();
    batch = BURST_BATCH.shared;
    client = createContractClient({
      baseUrl: run.target.baseUrl,
      secretKey: run.target.secretKey,
      rate: 1000,
      concurrency: batch,
      timeoutMs: run.target.timeoutMs,
    });
  } else throw new Skip(RATE_LIMIT_OFF);
  const list = run.contract.operations.find((o) => o.isList && o.method === 'get' && !o.template.includes('{'));
  if (!list) throw new Skip('the bundle has no list operation to burst with');
  for (let sent = 0; sent < BURST_LIMIT; sent += batch) {
    const answers = await Promise.all(Array.from({ length: batch }, () => client.send({ method: 'get', path: list.template, retry: false })));
    if (answers.some((exchange) => exchange.response.status === 429)) return { ...parts, via: client };
  }
  throw new Error(`no 429 after a burst of ${BURST_LIMIT} ${list.label} requests`);
}
