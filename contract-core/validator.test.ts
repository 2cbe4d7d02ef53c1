// The validator against hand-made wrong responses: each starts from a response the contract documents
// (checked to pass first), breaks one thing, and must be reported at the right place with the right words.
import { beforeAll, describe, expect, test } from 'vitest';
import { ERROR_CATALOG, OPERATION_ERRORS } from '../generated/error-catalog.ts';
import { loadContract, type Json } from './contract.ts';
import { validateOperationResponse, validateResponse, type ResponseUnderTest } from './validator.ts';

const { operations } = loadContract();
const byId = (operationId: string) => {
  const operation = operations.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`${operationId} is not in the bundle`);
  return operation;
};
/** A copy of the first documented example of an operation's response. */
function example(operationId: string, status: string, mediaType: string): Record<string, Json> {
  const examples = byId(operationId).responses.get(status)?.content.get(mediaType)?.examples;
  const first = examples?.values().next().value;
  if (first === undefined) throw new Error(`${operationId} ${status} ${mediaType} has no example`);
  return structuredClone(first) as Record<string, Json>;
}
const problem = (code: keyof typeof ERROR_CATALOG): Record<string, Json> => {
  const { status, title, type } = ERROR_CATALOG[code];
  return { type, title, status, code, detail: 'hand-made', instance: '/v2/customers/cus_x' };
};
const getCustomer = (body: unknown, over: Partial<ResponseUnderTest> = {}): ResponseUnderTest => ({
  method: 'GET',
  path: '/v2/customers/cus_hand_made',
  status: 200,
  contentType: 'application/json; charset=utf-8',
  headers: {},
  body,
  ...over,
});
const only = (result: ReturnType<typeof validateResponse>) => {
  expect(result.infrastructure).toEqual([]);
  expect(result.violations).toHaveLength(1);
  return result.violations[0]!;
};

// The default validator compiles every response schema on first use (seconds on a loaded machine): here, under
// a bound of its own, rather than inside the first test's 5 s.
beforeAll(() => {
  validateResponse(getCustomer({}));
}, 60_000);

describe('documented responses pass', () => {
  test('a 200 example, given parsed or as text, matched from a concrete path', () => {
    const body = example('getCustomer', '200', 'application/json');
    expect(validateResponse(getCustomer(body))).toEqual({ ok: true, operationId: 'getCustomer', violations: [], infrastructure: [] });
    expect(validateResponse(getCustomer(JSON.stringify(body))).ok).toBe(true);
    expect(validateResponse(getCustomer(body, { path: '/v2/customers/{customer_id}' })).operationId).toBe('getCustomer');
  });
  test('a problem of the catalog, of its status, allowed for the operation, with Retry-After on 429', () => {
    const result = validateResponse(
      getCustomer(problem('rate_limit_exceeded'), { status: 429, contentType: 'application/problem+json', headers: { 'Retry-After': '2' } }),
    );
    expect(result.ok).toBe(true);
  });
  test('a literal path segment wins over a path parameter', () => {
    const card = operations.find((op) => op.template.includes('/cards/'));
    if (!card) throw new Error('no operation of the bundle has a literal /cards/ segment to check the precedence with');
    expect(validateResponse({ ...getCustomer({}), path: card.template.replace(/\{[^}]+\}/, 'car_1') }).operationId).toBe(card.operationId);
  });
});

describe('body against the schema', () => {
  test('missing required field', () => {
    const { email: _, ...body } = example('getCustomer', '200', 'application/json');
    expect(only(validateResponse(getCustomer(body)))).toEqual({
      check: 'response_schema_conformance',
      location: 'body',
      pointer: '/email',
      message: "required property 'email' is missing",
      expected: 'present',
      actual: undefined,
      rule: 'schema required',
      evidence: { source: 'client' },
    });
  });
  test('wrong type, with the actual value', () => {
    const body = { ...example('getCustomer', '200', 'application/json'), livemode: 'false' };
    expect(only(validateResponse(getCustomer(body)))).toMatchObject({
      pointer: '/livemode',
      message: 'must be of type boolean, got string',
      expected: 'boolean',
      actual: 'false',
    });
  });
  test('enum value the spec does not have', () => {
    const body = { ...example('getPaymentFlow', '200', 'application/json'), status: 'teleported' };
    const violation = only(validateResponse({ ...getCustomer(body), path: '/v2/payment_flows/pfw_hand_made' }));
    expect(violation).toMatchObject({ pointer: '/status', message: 'value is not one of the documented enum values', actual: 'teleported' });
    expect(violation.expected).toContain('succeeded');
  });
  test('nested pointer inside a list page, and the envelope without has_more', () => {
    const page = example('getAllCustomers', '200', 'application/json');
    const { has_more: _, ...envelope } = page;
    expect(only(validateResponse({ ...getCustomer(envelope), path: '/v2/customers' })).pointer).toBe('/has_more');
    const data = page['data'] as Record<string, Json>[];
    data[1] = { ...data[1], created_at: 1700000000 };
    expect(only(validateResponse({ ...getCustomer(page), path: '/v2/customers' }))).toMatchObject({ pointer: '/data/1/created_at', expected: 'string' });
  });
});

describe('status, media type, headers', () => {
  test('undocumented status', () => {
    expect(only(validateResponse(getCustomer(problem('idempotency_conflict'), { status: 409, contentType: 'application/problem+json' })))).toMatchObject({
      location: 'status',
      pointer: '/status',
      message: 'status 409 is not documented for GET /v2/customers/{customer_id} (getCustomer)',
      actual: 409,
    });
  });
  test('wrong media type on a success and on a problem', () => {
    const success = only(validateResponse(getCustomer(example('getCustomer', '200', 'application/json'), { contentType: 'application/problem+json' })));
    expect(success).toMatchObject({ location: 'content-type', pointer: '/content-type', expected: ['application/json'] });
    const error = only(validateResponse(getCustomer(problem('not_found'), { status: 404, contentType: 'application/json' })));
    expect(error).toMatchObject({
      pointer: '/content-type',
      message: 'Content-Type application/json is not documented for 404',
      expected: ['application/problem+json'],
    });
  });
  test('429 without Retry-After', () => {
    expect(only(validateResponse(getCustomer(problem('rate_limit_exceeded'), { status: 429, contentType: 'application/problem+json' })))).toEqual({
      check: 'response_headers_conformance',
      location: 'header',
      pointer: '/headers/Retry-After',
      message: 'required header Retry-After is missing',
      expected: 'present',
      actual: undefined,
      rule: 'Retry-After with rate_limit_exceeded',
      evidence: ERROR_CATALOG.rate_limit_exceeded.headerEvidence['Retry-After'],
    });
    expect(ERROR_CATALOG.rate_limit_exceeded.headerEvidence['Retry-After'].source).toBe('inferred');
  });
  test('Retry-After that is not a number of seconds', () => {
    const headers = { 'retry-after': 'soon' };
    expect(
      only(validateResponse(getCustomer(problem('rate_limit_exceeded'), { status: 429, contentType: 'application/problem+json', headers }))),
    ).toMatchObject({
      pointer: '/headers/Retry-After',
      actual: 'soon',
    });
  });
});

describe('problems against the error catalog', () => {
  const asProblem = (body: Json, status: number, method = 'GET', path = '/v2/customers/cus_hand_made'): ResponseUnderTest => ({
    method,
    path,
    status,
    contentType: 'application/problem+json',
    headers: {},
    body,
  });
  test('unknown code', () => {
    expect(only(validateResponse(asProblem({ ...problem('invalid_request'), code: 'teapot' }, 400)))).toMatchObject({
      pointer: '/code',
      message: "unknown error code 'teapot': not in the error catalog",
      actual: 'teapot',
    });
  });
  test('code of another status', () => {
    expect(only(validateResponse(asProblem({ ...problem('not_found'), status: 400 }, 400)))).toEqual({
      check: 'error_code_conformance',
      location: 'body',
      pointer: '/code',
      message: "code 'not_found' belongs to status 404, not 400",
      expected: 404,
      actual: 400,
      rule: 'the status of not_found',
      evidence: { source: 'published' },
    });
  });
  test('code of the right status that the operation may not answer', () => {
    expect(OPERATION_ERRORS.getCustomer).not.toContain('already_refunded');
    const violation = only(validateResponse(asProblem(problem('already_refunded'), 400)));
    expect(violation).toMatchObject({
      pointer: '/code',
      message: "code 'already_refunded' is not allowed for GET /v2/customers/{customer_id} (getCustomer)",
      actual: 'already_refunded',
    });
    expect(violation.expected).toEqual(OPERATION_ERRORS.getCustomer.filter((c) => ERROR_CATALOG[c].status === 400));
  });
  test('missing code', () => {
    const { code: _, ...body } = problem('not_found');
    expect(only(validateResponse(asProblem(body, 404)))).toMatchObject({ pointer: '/code', message: "required property 'code' is missing" });
  });
  test('title and type that disagree with the catalog, status that disagrees with HTTP', () => {
    const result = validateResponse(asProblem({ ...problem('not_found'), title: 'Nope', type: 'about:blank', status: 410 }, 404));
    expect(result.violations.map((v) => [v.pointer, v.expected, v.actual, v.evidence.source])).toEqual([
      ['/status', 404, 410, 'published'],
      ['/type', ERROR_CATALOG.not_found.type, 'about:blank', 'published'],
      ['/title', 'Not Found', 'Nope', 'client'],
    ]);
  });
  test('each finding carries the evidence of the rule it breaks: a fact, or an inference with its reason', () => {
    const found = (response: ResponseUnderTest) => only(validateResponse(response));
    // A title the catalog infers by the title rule (no document gives it), and the published one.
    expect(found(asProblem({ ...problem('card_declined'), title: 'Card declined' }, 402, 'POST', '/v2/payment_flows'))).toMatchObject({
      rule: 'the title of card_declined',
      evidence: { source: 'inferred', reason: expect.stringContaining('title') },
    });
    expect(found(asProblem({ ...problem('invalid_status'), title: 'Invalid status' }, 400, 'POST', '/v2/payment_flows/pfw_x/capture')).evidence).toEqual({
      source: 'published',
    });
    // A code the catalog lacks, or one the operation's list lacks: both lists are closed by inference.
    expect(found(asProblem({ ...problem('invalid_request'), code: 'teapot' }, 400)).evidence.source).toBe('inferred');
    expect(found(asProblem(problem('already_refunded'), 400)).evidence.source).toBe('inferred');
    // A success status the client does not give is a fact; an error status the list lacks, an inference.
    expect(found(getCustomer(example('getCustomer', '200', 'application/json'), { status: 201 })).evidence).toEqual({ source: 'client' });
    expect(found(asProblem(problem('idempotency_conflict'), 409)).evidence.source).toBe('inferred');
    // A schema constraint with its x-evidence: the client's 20 metadata keys, our 40-character key length.
    const customer = example('getCustomer', '200', 'application/json');
    const keys = (n: number, length = 3) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${i}`.padStart(length, 'k'), 'v']));
    expect(found(getCustomer({ ...customer, metadata: keys(21) }))).toMatchObject({ rule: 'schema maxProperties', evidence: { source: 'client' } });
    expect(found(getCustomer({ ...customer, metadata: keys(1, 41) }))).toMatchObject({
      rule: 'schema maxLength',
      evidence: { source: 'inferred', reason: expect.stringContaining('40') },
    });
  });
  test('unknown route', () => {
    expect(only(validateResponse(asProblem(problem('not_found'), 404, 'GET', '/v2/nothing_here')))).toMatchObject({ location: 'route', pointer: '/route' });
  });
});

describe('infrastructure failures are not contract violations', () => {
  test('an HTML page from a CDN', () => {
    const result = validateResponse(getCustomer('<!DOCTYPE html><html><title>Attention Required</title></html>', { status: 403, contentType: 'text/html' }));
    expect(result.ok).toBe(false);
    expect(result.violations).toEqual([]);
    expect(result.infrastructure).toEqual([
      expect.objectContaining({ kind: 'non-json-body', status: 403, contentType: 'text/html', excerpt: expect.stringContaining('<!DOCTYPE html>') }),
    ]);
  });
  test('a 502 the operation does not document', () => {
    const result = validateResponse(getCustomer('{"message":"Bad Gateway"}', { status: 502 }));
    expect(result.violations).toEqual([]);
    expect(result.infrastructure.map((f) => f.kind)).toEqual(['gateway-status']);
  });
  test('a 503 without a code the operation documents (maintenance, any operation); a documented 503 of a POST is checked as contract', () => {
    expect(validateResponse(getCustomer('{}', { status: 503 })).infrastructure.map((f) => f.kind)).toEqual(['gateway-status']);
    const maintenance = { method: 'POST', path: '/v2/customers', status: 503, contentType: 'application/problem+json' };
    for (const body of [
      { ...problem('idempotency_infrastructure_error'), code: 'service_unavailable' },
      problem('internal_server_error'),
      '{"message":"maintenance"}',
    ]) {
      const answer = validateResponse({ ...maintenance, body });
      expect([answer.violations, answer.infrastructure.map((f) => f.kind)], JSON.stringify(body)).toEqual([[], ['gateway-status']]);
    }
    const post = validateResponse({ ...maintenance, body: problem('idempotency_infrastructure_error') });
    expect(post.infrastructure).toEqual([]);
    expect(post.violations.map((v) => v.pointer)).toEqual(['/headers/Retry-After']);
  });
});

describe('by operationId (validateOperationResponse: no route matching)', () => {
  test('gives the verdict the path gives, for a conforming and a breaking answer', () => {
    const body = example('getCustomer', '200', 'application/json');
    const { email: _, ...broken } = body;
    for (const answer of [body, broken]) {
      const { method: _m, path: _p, ...response } = getCustomer(answer);
      expect(validateOperationResponse('getCustomer', response)).toEqual(validateResponse(getCustomer(answer)));
    }
    expect(validateOperationResponse('getCustomer', { status: 200, contentType: 'application/json', body: broken }).violations.map((v) => v.pointer)).toEqual([
      '/email',
    ]);
  });
  test('an operationId the bundle does not have is an error naming it', () => {
    expect(() => validateOperationResponse('getCustomers', { status: 200, contentType: 'application/json', body: {} })).toThrow(
      "unknown operationId 'getCustomers'",
    );
  });
});
