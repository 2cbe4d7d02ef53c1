// What a failed Specmatic test means. Our own validator judges the answer first: an answer outside the
// contract is a sandbox bug. An answer inside it that Specmatic did not expect is a tool limitation when the
// request is one the tool could not have known to be wrong (each limitation below is named once, with the
// evidence it is recognised by), and otherwise a spec defect: a rule the server keeps that the document
// does not state so that a tool can read it.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { matchOperation, type Contract, type Operation } from '../../contract-core/contract.ts';
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
  testToken:
    'Specmatic cannot know the test tokens of the target: a card.number or Apple Pay token it invents is answered 422 validation_error naming that field, as documented',
  objectState:
    'Specmatic cannot bring an object into the status an operation needs (it sends one request per test, no chain): the answer is the documented 400 invalid_status, or another 400 of the object\'s state',
  reusedIdempotencyKey:
    "Specmatic sends the Idempotency-Key parameter's example with every write, so a later test reuses a key with another body: the documented 409 idempotency_conflict",
  relativeTime:
    'no JSON Schema keyword states a time relative to now ("expires_at in the future", said in its description): Specmatic sends a past time, answered 422 validation_error naming that field',
  validNegative:
    "Specmatic's negative test sends a request the spec allows (ajv finds it valid), so the server rightly answers 2xx",
} as const;

/** Fields whose rule is a time relative to now (their descriptions say so). */
const RELATIVE_TIMES = new Set(['expires_at']);
const STATE_CODES = new Set(['invalid_status', 'missing_payment_method', 'payment_method_already_attached', 'payment_method_unattached', 'payment_method_already_detached', 'already_refunded', 'refund_exceeds_payment', 'detached_payment_method_not_usable', 'payment_method_not_owned_by_customer', 'customer_required_for_payment_method', 'payment_method_not_in_allowed_types']);

/** Every string of the spec's request examples and parameter examples: the IDs a fresh sandbox should hold. */
function exampleStrings(contract: Contract): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(walk);
  };
  for (const op of contract.operations) {
    walk(op.requestBody?.example);
    op.parameters.forEach((p) => walk(p.example));
  }
  return found;
}

export function createClassifier(contract: Contract): (exchange: Exchange) => Classified {
  const examples = [...exampleStrings(contract)].filter((value) => /^[a-z]+_[A-Za-z0-9_]+$/.test(value));
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

  return (exchange) => {
    const [path, search = ''] = exchange.target.split('?');
    const matched = matchOperation(contract.operations, exchange.method, path!);
    if (!matched) return { verdict: 'spec defect', why: `no operation for ${exchange.method} ${path}` };
    const op = matched.operation;
    const judged = validateResponse({ method: exchange.method, path: path!, status: exchange.status, contentType: exchange.contentType, body: exchange.responseBody });
    if (!judged.ok) {
      const first = judged.violations[0] ?? judged.infrastructure[0];
      return { verdict: 'sandbox bug', why: `${op.operationId}: ${first ? ('pointer' in first ? `${first.pointer}: ${first.message}` : first.message) : 'answer outside the contract'}` };
    }
    const problem = (exchange.responseBody ?? {}) as { code?: string; errors?: { field?: string }[] };
    const invalid = requestErrors(op, exchange.requestBody);
    if (exchange.polarity === '-ve') {
      if (exchange.status < 400 && invalid.length > 0) return { verdict: 'sandbox bug', why: `${op.operationId} answered ${exchange.status} to a body the schema refuses: ${invalid[0]!.instancePath} ${invalid[0]!.message}` };
      if (exchange.status < 400) return { verdict: 'tool limitation', why: LIMITATIONS.validNegative };
    }
    if (breachOf(op.parameterRules, new URLSearchParams(search)) && problem.code === 'invalid_request') return { verdict: 'tool limitation', why: LIMITATIONS.parameterRules };
    if (invalid.length > 0 && exchange.status >= 400) return { verdict: 'tool limitation', why: `${LIMITATIONS.invalidRequest} (${invalid[0]!.keyword})` };
    if (problem.code === 'idempotency_conflict') return { verdict: 'tool limitation', why: LIMITATIONS.reusedIdempotencyKey };
    if (problem.code === 'validation_error' && (problem.errors ?? []).every((e) => RELATIVE_TIMES.has(e.field ?? ''))) return { verdict: 'tool limitation', why: LIMITATIONS.relativeTime };
    const detail = String((exchange.responseBody as { detail?: unknown } | undefined)?.detail ?? '');
    const unseeded = examples.find((id) => detail.includes(id));
    if ((problem.code === 'not_found' || problem.code === 'resource_missing') && unseeded) {
      return { verdict: 'spec defect', why: `the spec's examples name ${unseeded}, which a fresh sandbox does not hold (sandbox/seed.ts)` };
    }
    if (problem.code === 'not_found' || problem.code === 'resource_missing') return { verdict: 'tool limitation', why: LIMITATIONS.state };
    if (problem.code === 'validation_error' && (problem.errors ?? []).every((e) => e.field === 'card.number' || e.field === 'token')) return { verdict: 'tool limitation', why: LIMITATIONS.testToken };
    if (problem.code !== undefined && STATE_CODES.has(problem.code)) return { verdict: 'tool limitation', why: LIMITATIONS.objectState };
    return { verdict: 'spec defect', why: `${op.operationId} answered ${exchange.status}${problem.code ? ` ${problem.code}` : ''} to a request the spec allows: ${JSON.stringify(problem.errors ?? (exchange.responseBody as { detail?: unknown } | undefined)?.detail ?? '').slice(0, 200)}` };
  };
}
