// The parameter cases: an unknown path ID, an unknown body field or a limit too large, a cursor of no object.
import { describe, expect, test } from 'vitest';
import { exampleParam } from '../../../contract-core/contract.ts';
import { UNKNOWN_FIELD, fieldNamed, parameterCases } from './parameters.ts';
import { contextOf, operation, stubRun } from './stub-run.ts';

const byName = (operationId: string) => new Map(parameterCases(contextOf(operationId)).map((s) => [s.name, s]));

describe('parameterCases', () => {
  test('404 for an unknown ID of the kind of the last path parameter, the other IDs valid', async () => {
    const step = byName('getCustomer').get('404 unknown customer_id')!;
    expect([step.expectedStatus, step.expectedCode, step.needsState]).toEqual([404, 'not_found', true]);
    const id = (await step.request(stubRun(true))).params?.['customer_id'];
    const example = String(exampleParam(operation('getCustomer'), 'customer_id'));
    expect(id?.slice(0, 4)).toBe(example.slice(0, 4));
    expect(id).not.toBe(example);
  });

  test('422 for a body field the schema does not know, naming the field', async () => {
    const step = byName('createCustomer').get(`422 unknown body field ${UNKNOWN_FIELD}`)!;
    expect([step.expectedStatus, step.expectedCode]).toEqual([422, 'validation_error']);
    expect((await step.request(stubRun(false))).body).toMatchObject({ [UNKNOWN_FIELD]: true });
    expect(step.check!({ errors: [{ field: UNKNOWN_FIELD }] }, undefined as never)).toEqual([]);
    expect(step.check!({ errors: [{ field: 'email' }] }, undefined as never)).toEqual([`errors[] does not name the field ${UNKNOWN_FIELD} (got ["email"])`]);
  });

  test('on a list: 422 for a limit of 1000, 400 resource_missing for a cursor of no object', async () => {
    const cases = byName('getAllCustomers');
    expect([...cases.keys()]).toEqual(['422 limit=1000', '400 resource_missing (cursor of no object)']);
    expect((await cases.get('422 limit=1000')!.request(stubRun(false))).query).toEqual({ limit: 1000 });
    const cursor = (await cases.get('400 resource_missing (cursor of no object)')!.request(stubRun(false))).query?.['starting_after'];
    expect(String(cursor)).toMatch(/^cus_/);
  });

  test('none of them where the operation answers none of the codes', () => {
    expect(byName('createBalanceUrl').has('422 limit=1000')).toBe(false);
    expect([...byName('getAllEvents').keys()].some((name) => name.startsWith('404'))).toBe(false);
  });

  test('fieldNamed reads errors[] of any body', () => {
    expect(fieldNamed(undefined, 'limit')).toEqual(['errors[] does not name the field limit (got [])']);
  });
});
