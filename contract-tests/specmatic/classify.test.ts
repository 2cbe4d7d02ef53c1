// The Specmatic transcript reader and the failure classifier, on transcripts shaped as Specmatic 2.55 prints
// them (no Java needed): each verdict, and the limitations recognised by their evidence only.
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../generated/error-catalog.ts';
import { loadContract } from '../../contract-core/contract.ts';
import { LIMITATIONS, createClassifier } from './classify.ts';
import { readTranscript } from './transcript.ts';

const block = (polarity: '+ve' | '-ve', request: string, status: string, response: unknown, failed = true): string =>
  [
    '--------------------',
    '  Request to http://127.0.0.1:1 at 2026-11-30 9:42:1.304',
    `    ${request.split('\n')[0]}`,
    '    Authorization: Bearer sk_test_x',
    '    Content-Type: application/json',
    '    ',
    ...request.split('\n').slice(1).map((line) => `    ${line}`),
    '',
    '  Response at 2026-11-30 9:42:1.387',
    `    ${status}`,
    `    content-type: ${Number(status.slice(0, 3)) >= 400 ? 'application/problem+json' : 'application/json'}`,
    '    ',
    ...JSON.stringify(response, null, 4).split('\n').map((line) => `    ${line}`),
    '',
    `${polarity}  Scenario: a test${failed ? ' has FAILED' : ''}`,
    failed ? 'Reason:\n  Specification expected status 200 but response contained status 400' : '',
    '',
  ].join('\n');

const problem = (code: ErrorCode, status: number, instance: string, extra: object = {}) => ({
  type: ERROR_CATALOG[code].type,
  title: ERROR_CATALOG[code].title,
  status,
  code,
  detail: 'x',
  instance,
  ...extra,
});

const classify = createClassifier(loadContract());
const verdictOf = (text: string) => classify(readTranscript(text)[0]!);

describe('the Specmatic transcript', () => {
  it('reads each exchange: request, answer, verdict', () => {
    const [exchange] = readTranscript(block('+ve', 'POST /v2/customers\n{"email": "a@example.jp"}', '200 OK', { object: 'customer' }, false));
    expect(exchange).toMatchObject({ polarity: '+ve', method: 'POST', target: '/v2/customers', requestBody: { email: 'a@example.jp' }, status: 200, contentType: 'application/json', failed: false });
  });
});

describe('classifying a failure', () => {
  it('an answer outside the contract is a sandbox bug', () => {
    const verdict = verdictOf(block('+ve', 'GET /v2/customers/cus_1', '404 Not Found', { ...problem('not_found', 404, '/v2/customers/cus_1'), code: 'no_such_code' }));
    expect(verdict.verdict).toBe('sandbox bug');
  });

  it('a 2xx to a negative test whose body the schema refuses is a sandbox bug', () => {
    const verdict = verdictOf(block('-ve', 'POST /v2/customers\n{"email": 5}', '200 OK', { object: 'customer' }));
    expect(verdict.verdict).toBe('sandbox bug');
  });

  it('both cursors answered 400 invalid_request: the x-parameter-rules limitation', () => {
    const verdict = verdictOf(block('+ve', 'GET /v2/customers?starting_after=a&ending_before=b', '400 Bad Request', problem('invalid_request', 400, '/v2/customers')));
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.parameterRules });
  });

  it('a body the schema refuses, answered 422: the generator limitation, with the keyword', () => {
    const verdict = verdictOf(block('+ve', 'POST /v2/checkout/sessions\n{"mode": "payment"}', '422 Unprocessable Entity', problem('validation_error', 422, '/v2/checkout/sessions', { errors: [{ field: 'line_items', message: 'Field required' }] })));
    expect(verdict).toEqual({ verdict: 'tool limitation', why: `${LIMITATIONS.invalidRequest} (required)` });
  });

  it('an invented ID answered 404: the state limitation', () => {
    const verdict = verdictOf(block('+ve', 'GET /v2/customers/XYZAB', '404 Not Found', problem('not_found', 404, '/v2/customers/XYZAB')));
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.state });
  });

  it('an example ID answered 404 is a spec defect: the sandbox does not seed what the spec names', () => {
    const verdict = verdictOf(block('+ve', 'GET /v2/customers/cus_taro_yamada', '404 Not Found', { ...problem('not_found', 404, '/v2/customers/cus_taro_yamada'), detail: 'No such customer: cus_taro_yamada' }));
    expect(verdict).toEqual({ verdict: 'spec defect', why: "the spec's examples name cus_taro_yamada, which a fresh sandbox does not hold (sandbox/seed.ts)" });
  });

  it('a scenario without +ve/-ve (a run without generative tests) is read too', () => {
    const text = block('+ve', 'GET /v2/customers/XYZAB', '404 Not Found', problem('not_found', 404, '/v2/customers/XYZAB')).replace('+ve  Scenario', 'Scenario');
    expect(readTranscript(text)[0]).toMatchObject({ polarity: '+ve', failed: true });
  });

  it('a valid request answered with an undocumented rule is a spec defect', () => {
    const verdict = verdictOf(block('+ve', 'POST /v2/customers\n{"email": "a@example.jp"}', '422 Unprocessable Entity', problem('validation_error', 422, '/v2/customers', { errors: [{ field: 'email', message: 'taken' }] })));
    expect(verdict.verdict).toBe('spec defect');
  });
});
