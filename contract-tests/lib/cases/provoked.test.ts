// The provoked cases: every documented code no other case aims at, once, and what each rests on.
import { describe, expect, test } from 'vitest';
import { ERROR_CATALOG, type ErrorCode } from '../../../generated/error-catalog.ts';
import { CANNOT_PROVOKE } from '../provoke.ts';
import { Skip } from '../step.ts';
import { codeExpectation, provokedCases } from './provoked.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';

describe('provokedCases', () => {
  test("a case for each documented code not aimed at already, at the catalog's status", () => {
    const op = operation('createCustomer');
    const aimed = new Set(['unauthorized', 'validation_error']);
    const steps = provokedCases(contextOf('createCustomer'), aimed);
    expect(steps.map((s) => s.expectedCode).sort()).toEqual(op.errors.filter((code) => !aimed.has(code)).sort());
    for (const step of steps) expect(step.expectedStatus).toBe(ERROR_CATALOG[step.expectedCode as ErrorCode].status);
  });

  test('card_number_not_allowed: the documented answer on a stateless target, skipped on a stateful one (no card number is sent)', async () => {
    const step = provokedCases(contextOf('createCustomer'), new Set()).find((s) => s.expectedCode === 'card_number_not_allowed')!;
    expect((await step.request(stubRun(false))).body).toEqual(operation('createCustomer').requestBody?.example);
    await expect(step.request(stubRun(true))).rejects.toThrow(new Skip(CANNOT_PROVOKE['card_number_not_allowed']!));
  });

  test('a code no request can provoke is skipped on a stateful target with its reason', async () => {
    const step = provokedCases(contextOf('getCustomer'), new Set()).find((s) => s.expectedCode === 'forbidden')!;
    await expect(step.request(stubRun(true))).rejects.toThrow(new Skip(CANNOT_PROVOKE['forbidden']!));
  });
});

describe('codeExpectation', () => {
  test('names what the case rests on when it is an inference, and nothing when every part is a fact', () => {
    expect(codeExpectation(operation('getCustomer'), 'forbidden')).toEqual({
      rule: 'getCustomer answers forbidden',
      evidence: operation('getCustomer').errorEvidence['forbidden'],
    });
    expect(codeExpectation(operation('getAllCustomers'), 'rate_limit_exceeded')?.rule).toBe('the code rate_limit_exceeded');
    expect(codeExpectation(operation('getCustomer'), 'unauthorized')).toBeUndefined();
  });
});
