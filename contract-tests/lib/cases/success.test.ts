// The success case: the example request on a stateless target; IDs the target holds on a stateful one, or the
// scenario that covers it.
import { describe, expect, test } from 'vitest';
import { exampleParam } from '../../../contract-core/contract.ts';
import { Skip } from '../step.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';
import { successCases } from './success.ts';

describe('successCases', () => {
  test("one case aiming at the documented success, with the spec's example IDs on a stateless target", async () => {
    const [step, ...more] = successCases(contextOf('getCustomer'));
    expect(more).toEqual([]);
    expect([step?.name, step?.expectedStatus, step?.needsState]).toEqual(['200 success', 200, false]);
    expect(await step!.request(stubRun(false))).toEqual({ params: { customer_id: exampleParam(operation('getCustomer'), 'customer_id') } });
  });

  test('the IDs the target makes, and the example body, on a stateful target', async () => {
    const [step] = successCases(contextOf('updateCustomer'));
    const parts = await step!.request(stubRun(true));
    expect(parts.params).toEqual({ customer_id: 'customer_id-made' });
    expect(parts.body).toEqual(operation('updateCustomer').requestBody?.example);
  });

  test('skipped for the scenario that covers it on a stateful target, run on a stateless one', async () => {
    const [step] = successCases(contextOf('getCustomer', new Map([['getCustomer', 'customer life cycle']])));
    await expect(step!.request(stubRun(true))).rejects.toThrow(new Skip('covered by scenario "customer life cycle"'));
    expect((await step!.request(stubRun(false))).params).toBeDefined();
  });
});
