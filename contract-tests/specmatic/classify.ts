// What a failed Specmatic test means. Our own validator judges the answer first: an answer outside the
// contract is a sandbox bug. An answer inside it that Specmatic did not expect is a tool limitation when the
// request is one the tool could not have known to be wrong (each limitation below is named once, with the
// evidence it is recognised by), and otherwise a spec defect: a rule the server keeps that the document
// does not state so that a tool can read it. An object of the spec's examples (contract-core/example-objects.ts)
// that a fresh sandbox does not hold is a sandbox bug: the seed promises it.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { matchOperation, type Contract, type Operation } from '../../contract-core/contract.ts';
import { EXAMPLE_IDS } from '../../contract-core/example-objects.ts';
import { breachOf } from '../../contract-core/parameter-rules.ts';
import { schemaCompiler } from '../../contract-core/spec-schemas.ts';
import { createValidator } from '../../contract-core/validator.ts';
import type { Exchange } from './transcript.ts';

export type Verdict = 'sandbox bug' | 'spec defect' | 'tool limitation';

export interface Classified {
  verdict: Verdict;
  /** The limitation's name, or what was found. */
  why: string;
}

/** The tool limitations, each named once with how it shows. */
export const LIMITATIONS = {
  parameterRules:
    'Specmatic does not read x-parameter-rules (OpenAPI has no way to relate query parameters): it sends starting_after and ending_before together, which the operation documents as 400 invalid_request',
  invalidRequest:
    "Specmatic's generator sends, in a positive test, a body the request schema refuses (ajv, JSON Schema 2020-12): it does not apply the keyword named",
  state:
    'Specmatic cannot know which objects exist on the target: an ID it invents (path, body or cursor) is answered 404 not_found or 400 resource_missing, as documented',
  filteredCursor:
    "Specmatic cannot know which objects a list's filter keeps: with a filter value it invents, the cursor of the list's example (an object of the whole list) is not in the filtered list, answered 400 resource_missing, as the cursor's description says",
  testToken:
    'Specmatic cannot know the test tokens of the target: a card.number or Apple Pay token it invents is answered 422 validation_error naming that field, as documented',
  consumed:
    "Specmatic sends one request per test and several tests per example: once an earlier test of the run moved the example's object on (a 2xx to the same method and path), a later one finds it captured, canceled, confirmed, refunded, attached or detached, and gets the documented 4xx of its new state",
  objectState:
    "Specmatic cannot bring an object into the status an operation needs (it sends one request per test, no chain): the answer is the documented 400 invalid_status, or another 400 of the object's state",
  storedObject:
    "no OpenAPI keyword relates a body field to the object the path names: an update's `type` must be the payment method's own (its description says so), and Specmatic's generated type is answered 422 validation_error naming type",
  reusedIdempotencyKey:
    "Specmatic sends the Idempotency-Key parameter's example with every write, so a later test reuses a key with another body: the documented 409 idempotency_conflict",
  relativeTime:
    "no JSON Schema keyword states a time relative to now (a checkout session's expires_at in the future, a card's expiry month not passed: their descriptions say so): Specmatic sends a past one, answered 422 validation_error naming that field, as documented",
  takenId:
    "Specmatic draws a create's own `id` as a few characters, which repeat among the tests: a create reusing one that an earlier test of the run created is answered the documented 400 already_exists_id",
  cardNumberForKey:
    "no OpenAPI keyword ties a field's values to the credential: a card.number of digits (the SDK's pattern, for PAY.JP's client-side libraries and their publishable key) sent with the secret key is answered 400 card_number_not_allowed, as the field's description says",
  validNegative: "Specmatic's negative test sends a request the spec allows (ajv finds it valid), so the server rightly answers 2xx",
} as const;

/** Fields whose rule is a time relative to now (their descriptions say so): a session's expiry, a card's. */
const RELATIVE_TIMES = new Set(['expires_at', 'card.exp_year', 'card.exp_month']);
/** The query parameters of a list that are not a filter. */
const PAGE_PARAMETERS = new Set(['limit', 'starting_after', 'ending_before']);
/** Body fields that must agree with the stored object the path names, per operation (their descriptions say so). */
const STORED_OBJECT_FIELDS: ReadonlyMap<string, string> = new Map([['updatePaymentMethod', 'type']]);
/** Codes of an object's state: the answer when it is not in the status (or relation) an operation needs. */
const STATE_CODES = new Set([
  'invalid_status',
  'missing_payment_method',
  'payment_method_already_attached',
  'payment_method_unattached',
  'payment_method_already_detached',
  'already_refunded',
  'refund_exceeds_payment',
  'detached_payment_method_not_usable',
  'payment_method_not_owned_by_customer',
  'customer_required_for_payment_method',
  'payment_method_not_in_allowed_types',
  'payment_method_customer_mismatch',
  'product_has_prices',
]);
const ABSENT = new Set(['not_found', 'resource_missing']);

/** Every string of a request: its path segments, query values and body. */
function requestStrings(exchange: Exchange): string[] {
  const [path, search = ''] = exchange.target.split('?');
  const strings: string[] = [...path!.split('/'), ...new URLSearchParams(search).values()];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(exchange.requestBody);
  return strings;
}

/** A classifier of a run's failed exchanges, fed every exchange of the run in order (the earlier ones are evidence). */
export function createClassifier(contract: Contract): (exchange: Exchange) => Classified | undefined {
  const { validateResponse } = createValidator(contract);
  const compile = schemaCompiler(contract.document);
  const requestSchemas = new Map<string, ReturnType<typeof compile>>();
  const requestErrors = (op: Operation, body: unknown): ErrorObject[] => {
    const schema = op.requestBody?.schema;
    if (!schema || body === undefined) return [];
    let validate = requestSchemas.get(op.operationId);
    if (!validate) requestSchemas.set(op.operationId, (validate = compile(schema)));
    return validate(body) ? [] : [...(validate.errors ?? [])];
  };
  /** `METHOD path` of every earlier exchange answered 2xx. */
  const succeeded = new Set<string>();
  /** `METHOD path id` of every earlier create answered 2xx with an `id` of the request's choosing. */
  const created = new Set<string>();
  const chosenId = (exchange: Exchange, path: string): string | undefined => {
    const id = (exchange.requestBody as { id?: unknown } | undefined)?.id;
    return typeof id === 'string' ? `${exchange.method} ${path} ${id}` : undefined;
  };

  const judge = (exchange: Exchange, path: string, search: string): Classified => {
    const matched = matchOperation(contract.operations, exchange.method, path);
    if (!matched) return { verdict: 'spec defect', why: `no operation for ${exchange.method} ${path}` };
    const op = matched.operation;
    const judged = validateResponse({ method: exchange.method, path, status: exchange.status, contentType: exchange.contentType, body: exchange.responseBody });
    if (!judged.ok) {
      const first = judged.violations[0] ?? judged.infrastructure[0];
      return {
        verdict: 'sandbox bug',
        why: `${op.operationId}: ${first ? ('pointer' in first ? `${first.pointer}: ${first.message}` : first.message) : 'answer outside the contract'}`,
      };
    }
    const problem = (exchange.responseBody ?? {}) as { code?: string; detail?: unknown; errors?: { field?: string }[] };
    const fields = (problem.errors ?? []).map((e) => e.field ?? '');
    const invalid = requestErrors(op, exchange.requestBody);
    if (exchange.polarity === '-ve') {
      if (exchange.status < 400 && invalid.length > 0)
        return {
          verdict: 'sandbox bug',
          why: `${op.operationId} answered ${exchange.status} to a body the schema refuses: ${invalid[0]!.instancePath} ${invalid[0]!.message}`,
        };
      if (exchange.status < 400) return { verdict: 'tool limitation', why: LIMITATIONS.validNegative };
    }
    if (breachOf(op.parameterRules, new URLSearchParams(search)) && problem.code === 'invalid_request')
      return { verdict: 'tool limitation', why: LIMITATIONS.parameterRules };
    if (invalid.length > 0 && exchange.status >= 400) return { verdict: 'tool limitation', why: `${LIMITATIONS.invalidRequest} (${invalid[0]!.keyword})` };
    if (problem.code === 'idempotency_conflict') return { verdict: 'tool limitation', why: LIMITATIONS.reusedIdempotencyKey };
    if (problem.code === 'already_exists_id' && created.has(chosenId(exchange, path) ?? '')) return { verdict: 'tool limitation', why: LIMITATIONS.takenId };
    const card = (exchange.requestBody as { card?: { number?: unknown } } | undefined)?.card;
    if (problem.code === 'card_number_not_allowed' && /^[0-9]+$/.test(String(card?.number)))
      return { verdict: 'tool limitation', why: LIMITATIONS.cardNumberForKey };
    if (problem.code === 'validation_error' && fields.length > 0) {
      if (fields.every((field) => RELATIVE_TIMES.has(field))) return { verdict: 'tool limitation', why: LIMITATIONS.relativeTime };
      if (fields.every((field) => field === STORED_OBJECT_FIELDS.get(op.operationId))) return { verdict: 'tool limitation', why: LIMITATIONS.storedObject };
      if (fields.every((field) => field === 'card.number' || field === 'token')) return { verdict: 'tool limitation', why: LIMITATIONS.testToken };
    }
    // A read moves nothing on: only an earlier write to the same method and path can have.
    const movedOn = exchange.method !== 'GET' && succeeded.has(`${exchange.method} ${path}`);
    if (problem.code !== undefined && ABSENT.has(problem.code)) {
      const seeded = requestStrings(exchange).find((value) => EXAMPLE_IDS.has(value) && String(problem.detail ?? '').includes(value));
      if (seeded && movedOn) return { verdict: 'tool limitation', why: LIMITATIONS.consumed };
      const query = new URLSearchParams(search);
      const cursor = problem.code === 'resource_missing' && seeded !== undefined && [query.get('starting_after'), query.get('ending_before')].includes(seeded);
      if (cursor && [...query.keys()].some((name) => !PAGE_PARAMETERS.has(name))) return { verdict: 'tool limitation', why: LIMITATIONS.filteredCursor };
      if (seeded)
        return {
          verdict: 'sandbox bug',
          why: `a fresh sandbox does not hold ${seeded}, which contract-core/example-objects.ts says the seed makes (sandbox/resources/seed.ts)`,
        };
      return { verdict: 'tool limitation', why: LIMITATIONS.state };
    }
    if (problem.code !== undefined && STATE_CODES.has(problem.code))
      return { verdict: 'tool limitation', why: movedOn ? LIMITATIONS.consumed : LIMITATIONS.objectState };
    return {
      verdict: 'spec defect',
      why: `${op.operationId} answered ${exchange.status}${problem.code ? ` ${problem.code}` : ''} to a request the spec allows: ${JSON.stringify(problem.errors ?? problem.detail ?? '').slice(0, 200)}`,
    };
  };

  return (exchange) => {
    const [path, search = ''] = exchange.target.split('?');
    const verdict = exchange.failed ? judge(exchange, path!, search) : undefined;
    if (exchange.status >= 200 && exchange.status < 300) {
      succeeded.add(`${exchange.method} ${path}`);
      const id = chosenId(exchange, path!);
      if (id) created.add(id);
    }
    return verdict;
  };
}
