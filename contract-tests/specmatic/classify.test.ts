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
    ...request
      .split('\n')
      .slice(1)
      .map((line) => `    ${line}`),
    '',
    '  Response at 2026-11-30 9:42:1.387',
    `    ${status}`,
    `    content-type: ${Number(status.slice(0, 3)) >= 400 ? 'application/problem+json' : 'application/json'}`,
    '    ',
    ...JSON.stringify(response, null, 4)
      .split('\n')
      .map((line) => `    ${line}`),
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

/** The verdict on the last exchange of a transcript, the earlier ones read first (they are its evidence). */
const verdictOf = (text: string) => {
  const classify = createClassifier(loadContract());
  return readTranscript(text).map(classify).at(-1);
};

describe('the Specmatic transcript', () => {
  it('reads each exchange: request, answer, verdict', () => {
    const [exchange] = readTranscript(block('+ve', 'POST /v2/customers\n{"email": "a@example.jp"}', '200 OK', { object: 'customer' }, false));
    expect(exchange).toMatchObject({
      polarity: '+ve',
      method: 'POST',
      target: '/v2/customers',
      requestBody: { email: 'a@example.jp' },
      status: 200,
      contentType: 'application/json',
      failed: false,
    });
  });
});

describe('classifying a failure', () => {
  it('an answer outside the contract is a sandbox bug', () => {
    const verdict = verdictOf(
      block('+ve', 'GET /v2/customers/cus_1', '404 Not Found', { ...problem('not_found', 404, '/v2/customers/cus_1'), code: 'no_such_code' }),
    );
    expect(verdict?.verdict).toBe('sandbox bug');
  });

  it('a 2xx to a negative test whose body the schema refuses is a sandbox bug', () => {
    const verdict = verdictOf(block('-ve', 'POST /v2/customers\n{"email": 5}', '200 OK', { object: 'customer' }));
    expect(verdict?.verdict).toBe('sandbox bug');
  });

  it('both cursors answered 400 invalid_request: the x-parameter-rules limitation', () => {
    const verdict = verdictOf(
      block('+ve', 'GET /v2/customers?starting_after=a&ending_before=b', '400 Bad Request', problem('invalid_request', 400, '/v2/customers')),
    );
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.parameterRules });
  });

  it('a body the schema refuses, answered 422: the generator limitation, with the keyword', () => {
    const verdict = verdictOf(
      block(
        '+ve',
        'POST /v2/checkout/sessions\n{"mode": "payment"}',
        '422 Unprocessable Entity',
        problem('validation_error', 422, '/v2/checkout/sessions', { errors: [{ field: 'line_items', message: 'Field required' }] }),
      ),
    );
    expect(verdict).toEqual({ verdict: 'tool limitation', why: `${LIMITATIONS.invalidRequest} (required)` });
  });

  it('an invented ID answered 404: the state limitation', () => {
    const verdict = verdictOf(block('+ve', 'GET /v2/customers/XYZAB', '404 Not Found', problem('not_found', 404, '/v2/customers/XYZAB')));
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.state });
  });

  it('an object of the examples answered 404 by a fresh sandbox is a sandbox bug: the seed promises it', () => {
    const verdict = verdictOf(
      block('+ve', 'GET /v2/customers/cus_taro_yamada', '404 Not Found', {
        ...problem('not_found', 404, '/v2/customers/cus_taro_yamada'),
        detail: 'No such customer: cus_taro_yamada',
      }),
    );
    expect(verdict).toEqual({
      verdict: 'sandbox bug',
      why: 'a fresh sandbox does not hold cus_taro_yamada, which contract-core/example-objects.ts says the seed makes (sandbox/resources/seed.ts)',
    });
  });

  it("a list's example cursor left out by a filter value Specmatic invents is the filtered-cursor limitation; without a filter, a sandbox bug", () => {
    const answer = (target: string) =>
      block('+ve', `GET ${target}`, '400 Bad Request', {
        ...problem('resource_missing', 400, target.split('?')[0]!),
        detail: 'The object given as starting_after was not found: pfw_2Yk7Fd4Gs9',
      });
    // An earlier list answered 2xx: a read moves no object on, so it is no evidence of a consumed example.
    const listed = block('+ve', 'GET /v2/payment_flows?limit=5', '200 OK', { object: 'list', url: '/v2/payment_flows', has_more: false, data: [] }, false);
    expect(verdictOf(listed + answer('/v2/payment_flows?starting_after=pfw_2Yk7Fd4Gs9&customer_id=XYZAB'))).toEqual({
      verdict: 'tool limitation',
      why: LIMITATIONS.filteredCursor,
    });
    expect(verdictOf(listed + answer('/v2/payment_flows?limit=5&starting_after=pfw_2Yk7Fd4Gs9'))?.verdict).toBe('sandbox bug');
  });

  it('a card whose expiry passed, answered 422 naming card.exp_year, is the documented clock rule', () => {
    const card = {
      type: 'card',
      card: { number: 'tok_visa', exp_month: 12, exp_year: 0, cvc: '123' },
      billing_details: { name: 'TARO YAMADA', email: 'taro.yamada@example.jp' },
    };
    const verdict = verdictOf(
      block(
        '+ve',
        `POST /v2/payment_methods\n${JSON.stringify(card)}`,
        '422 Unprocessable Entity',
        problem('validation_error', 422, '/v2/payment_methods', { errors: [{ field: 'card.exp_year', message: 'The card has expired' }] }),
      ),
    );
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.relativeTime });
  });

  it("a create's own id taken by an earlier test of the run is the taken-id limitation; a card number of digits, the credential one", () => {
    const product = 'POST /v2/products\n{"id": "-", "name": "a"}';
    const made = block('+ve', product, '200 OK', { object: 'product' }, false);
    const taken = block('+ve', product, '400 Bad Request', problem('already_exists_id', 400, '/v2/products'));
    expect(verdictOf(made + taken)).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.takenId });
    expect(verdictOf(taken)?.verdict).toBe('spec defect');
    const card = {
      type: 'card',
      card: { number: '4242424242424242', exp_month: 12, exp_year: 9999, cvc: '123' },
      billing_details: { name: 'TARO YAMADA', email: 'taro.yamada@example.jp' },
    };
    const refused = block(
      '+ve',
      `POST /v2/payment_methods\n${JSON.stringify(card)}`,
      '400 Bad Request',
      problem('card_number_not_allowed', 400, '/v2/payment_methods'),
    );
    expect(verdictOf(refused)).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.cardNumberForKey });
  });

  it('after an earlier test of the run moved the object on, its state answer is the consumed-example limitation', () => {
    const captured = block('+ve', 'POST /v2/payment_flows/pfw_8Lm3Xv6Tp0/capture\n{"amount_to_capture": 10000}', '200 OK', { object: 'payment_flow' }, false);
    const again = block(
      '+ve',
      'POST /v2/payment_flows/pfw_8Lm3Xv6Tp0/capture\n{"amount_to_capture": 10000}',
      '400 Bad Request',
      problem('invalid_status', 400, '/v2/payment_flows/pfw_8Lm3Xv6Tp0/capture'),
    );
    expect(verdictOf(captured + again)).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.consumed });
    expect(verdictOf(again)).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.objectState });
    const deleted = block('+ve', 'DELETE /v2/customers/cus_5Lr8Tw2Zk7', '200 OK', { object: 'customer' }, false);
    const gone = block('+ve', 'DELETE /v2/customers/cus_5Lr8Tw2Zk7', '404 Not Found', {
      ...problem('not_found', 404, '/v2/customers/cus_5Lr8Tw2Zk7'),
      detail: 'No such customer: cus_5Lr8Tw2Zk7',
    });
    expect(verdictOf(deleted + gone)).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.consumed });
  });

  it("a payment method update whose type is not the stored method's is the stored-object limitation", () => {
    const verdict = verdictOf(
      block(
        '+ve',
        'POST /v2/payment_methods/pm_3Fq8Zp2Lx9\n{"type": "paypay"}',
        '422 Unprocessable Entity',
        problem('validation_error', 422, '/v2/payment_methods/pm_3Fq8Zp2Lx9', { errors: [{ field: 'type', message: "Input should be 'card'" }] }),
      ),
    );
    expect(verdict).toEqual({ verdict: 'tool limitation', why: LIMITATIONS.storedObject });
  });

  it('a scenario without +ve/-ve (a run without generative tests) is read too', () => {
    const text = block('+ve', 'GET /v2/customers/XYZAB', '404 Not Found', problem('not_found', 404, '/v2/customers/XYZAB')).replace(
      '+ve  Scenario',
      'Scenario',
    );
    expect(readTranscript(text)[0]).toMatchObject({ polarity: '+ve', failed: true });
  });

  it('a valid request answered with an undocumented rule is a spec defect', () => {
    const verdict = verdictOf(
      block(
        '+ve',
        'POST /v2/customers\n{"email": "a@example.jp"}',
        '422 Unprocessable Entity',
        problem('validation_error', 422, '/v2/customers', { errors: [{ field: 'email', message: 'taken' }] }),
      ),
    );
    expect(verdict?.verdict).toBe('spec defect');
  });
});
