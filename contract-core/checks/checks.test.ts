// Each named check against the one broken answer it exists for: with every check on, that answer is reported
// by this check (and only by it); with this one check turned off, the same answer passes. So no check is
// dead, none overlaps another on its case, and a selection really turns a check off.
import { describe, expect, test } from 'vitest';
import { ERROR_CATALOG } from '../../generated/error-catalog.ts';
import { loadContract, type Json } from '../contract.ts';
import { createValidator, type ResponseUnderTest } from '../validator.ts';
import { CHECK_NAMES, selectChecks, type CheckName } from './index.ts';

const contract = loadContract();
const customer = (() => {
  const examples = contract.operations
    .find((op) => op.operationId === 'getCustomer')
    ?.responses.get('200')
    ?.content.get('application/json')?.examples;
  const first = examples?.values().next().value;
  if (first === undefined) throw new Error('getCustomer 200 has no example to break');
  return first as Record<string, Json>;
})();
const problem = (code: keyof typeof ERROR_CATALOG): Record<string, Json> => {
  const { status, title, type } = ERROR_CATALOG[code];
  return { type, title, status, code, detail: 'hand-made', instance: '/v2/customers/cus_x' };
};
const answer = (over: Partial<ResponseUnderTest>): ResponseUnderTest => ({
  method: 'GET',
  path: '/v2/customers/cus_hand_made',
  status: 200,
  contentType: 'application/json',
  headers: {},
  body: customer,
  ...over,
});
const asProblem = (body: Json, status: number): ResponseUnderTest => answer({ status, contentType: 'application/problem+json', body });

/** For each check, an answer that breaks its rule and no other. */
const BROKEN: Record<CheckName, ResponseUnderTest> = {
  status_code_conformance: answer({ status: 201 }),
  content_type_conformance: answer({ contentType: 'text/plain' }),
  response_headers_conformance: asProblem(problem('rate_limit_exceeded'), 429),
  response_schema_conformance: answer({ body: { ...customer, livemode: 'false' } }),
  error_code_conformance: asProblem({ ...problem('invalid_request'), code: 'teapot' }, 400),
  problem_details_conformance: asProblem({ ...problem('not_found'), title: 'Nope' }, 404),
};

describe('each named check', () => {
  const all = createValidator(contract);
  test('the table has one broken answer per check, and the validator runs them all by default', () => {
    expect(Object.keys(BROKEN).sort()).toEqual([...CHECK_NAMES].sort());
    expect(all.checks).toEqual(CHECK_NAMES);
  });
  for (const name of CHECK_NAMES) {
    test(`${name} catches its broken answer, and nothing catches it once ${name} is off`, () => {
      const found = all.validateResponse(BROKEN[name]);
      expect(found.infrastructure).toEqual([]);
      expect(new Set(found.violations.map((v) => v.check))).toEqual(new Set([name]));
      const without = createValidator(contract, { checks: CHECK_NAMES.filter((other) => other !== name) });
      expect(without.validateResponse(BROKEN[name]).violations).toEqual([]);
    });
  }
  test('an answer to no operation is known_operation, whatever the selection', () => {
    const none = createValidator(contract, { checks: [] });
    expect(none.validateResponse(answer({ path: '/v2/nothing_here' })).violations.map((v) => v.check)).toEqual(['known_operation']);
  });
});

describe('selectChecks', () => {
  test('all by default; only the included; less the excluded; in the order they run', () => {
    expect(selectChecks(undefined, undefined)).toEqual(CHECK_NAMES);
    expect(selectChecks(' , ', '')).toEqual(CHECK_NAMES);
    expect(selectChecks('problem_details_conformance,status_code_conformance', undefined)).toEqual(['status_code_conformance', 'problem_details_conformance']);
    expect(selectChecks(undefined, 'response_schema_conformance')).toEqual(CHECK_NAMES.filter((n) => n !== 'response_schema_conformance'));
  });
  test('an unknown name is refused where it was given, with the known names', () => {
    expect(() => selectChecks('status_code', undefined, { include: 'CONTRACT_CHECKS', exclude: 'CONTRACT_EXCLUDE_CHECKS' })).toThrow(
      /^CONTRACT_CHECKS: unknown check 'status_code' \(the checks: status_code_conformance, .*problem_details_conformance\)$/,
    );
    expect(() => selectChecks(undefined, 'nope')).toThrow(/^exclude: unknown check 'nope'/);
  });
});
