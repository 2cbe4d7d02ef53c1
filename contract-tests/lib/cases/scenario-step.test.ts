// A scenario's steps as cases: named after the scenario, aiming at the success or the code given, saving
// what the next steps read, and checking the life cycle on a stateful target only.
import { describe, expect, test } from 'vitest';
import type { Scenario } from '../scenarios.ts';
import { scenarioSteps } from './scenario-step.ts';
import { stubRun } from './stub-run.ts';

const scenario: Scenario = {
  name: 'made up',
  covers: [],
  steps: [
    { operationId: 'createCustomer', name: 'create', request: () => ({ body: {} }), save: (b, s) => (s['customer'] = String(b['id'])) },
    { operationId: 'getCustomer', name: 'get', request: (s) => ({ params: { customer_id: s['customer']! } }), check: () => ['wrong'] },
    { operationId: 'getCustomer', name: 'unknown', code: 'not_found', request: () => ({}) },
    { operationId: 'noSuchOperation', name: 'gone', request: () => ({}) },
  ],
};

describe('scenarioSteps', () => {
  test('each step aims at its success or its code; a step of no operation of the bundle is skipped', () => {
    const steps = scenarioSteps(stubRun(false), scenario, {});
    expect(steps.map((s) => [s.name, s.expectedStatus, s.expectedCode, s.needsState, s.skip])).toEqual([
      ['made up › create', 200, undefined, false, undefined],
      ['made up › get', 200, undefined, false, undefined],
      ['made up › unknown', 404, 'not_found', true, undefined],
      ['made up › gone', 200, undefined, false, 'noSuchOperation is not in the bundle'],
    ]);
  });

  test('what a step saves the next one reads; its checks count on a stateful target only', async () => {
    for (const stateful of [false, true]) {
      const state: Record<string, string> = {};
      const run = stubRun(stateful);
      const [create, get] = scenarioSteps(run, scenario, state);
      expect(create!.check!({ id: 'cus_made' }, undefined as never)).toEqual([]);
      expect((await get!.request(run)).params).toEqual({ customer_id: 'cus_made' });
      expect(get!.check!({}, undefined as never)).toEqual(stateful ? ['wrong'] : []);
    }
  });
});
