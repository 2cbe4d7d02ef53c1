// The 401 cases: no credentials and a malformed key, sent with the example IDs whatever the target holds.
import { describe, expect, test } from 'vitest';
import { exampleParam } from '../../../contract-core/contract.ts';
import { caseContext } from './context.ts';
import { MALFORMED_KEY, credentialCases } from './credentials.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';

describe('credentialCases', () => {
  test('no credentials and a malformed key, each 401 unauthorized, with the example IDs even on a stateful target', async () => {
    const steps = credentialCases(contextOf('updateCustomer'));
    expect(steps.map((s) => [s.name, s.expectedStatus, s.expectedCode])).toEqual([
      ['401 no credentials', 401, 'unauthorized'],
      ['401 malformed key', 401, 'unauthorized'],
    ]);
    const op = operation('updateCustomer');
    const requests = await Promise.all(steps.map((s) => s.request(stubRun(true))));
    expect(requests.map((r) => r.headers)).toEqual([{ authorization: '' }, { authorization: `Bearer ${MALFORMED_KEY}` }]);
    for (const r of requests) expect([r.params, r.body]).toEqual([{ customer_id: exampleParam(op, 'customer_id') }, op.requestBody?.example]);
  });

  test('none for an operation that documents no 401', () => {
    const op = operation('getCustomer');
    const without = { ...op, responses: new Map([...op.responses].filter(([status]) => status !== '401')) };
    expect(credentialCases(caseContext(without, { resolve: async (v) => v, coveredByScenario: new Map() }))).toEqual([]);
  });
});
