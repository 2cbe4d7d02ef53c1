// The whole suite as data: the run (target, client, fixtures) and the steps of every scenario and operation.
// contract.test.ts turns them into vitest tests; the mutation proof runs them directly.
import { createContractClient } from './client.ts';
import { loadContract, type Contract } from './contract.ts';
import { casesFor } from './cases.ts';
import { createFixtures, type Fixtures } from './fixtures.ts';
import { passed, type CaseResult } from './report.ts';
import { runStep, type Run, type Step } from './runner.ts';
import { SCENARIOS, TEST_CARD_TOKENS, scenarioSteps, testCardBody, type Scenario } from './scenarios.ts';
import { redact } from './secrets.ts';
import { openTarget, readTargetConfig, type TargetConfig } from './target.ts';

export interface SuiteRun extends Run {
  fixtures: Fixtures;
  close(): Promise<void>;
}

export async function openRun(options: { contract?: Contract; config?: TargetConfig; log?: (line: string) => void } = {}): Promise<SuiteRun> {
  const contract = options.contract ?? loadContract();
  const target = await openTarget(options.config ?? readTargetConfig());
  const client = createContractClient({ ...target, ...(options.log ? { log: options.log } : {}) });
  // A payment method made from the spec's example (PayPay) cannot pay a card flow: use a test card.
  const cardToken = process.env['CONTRACT_TEST_CARD_TOKEN'] || (target.kind === 'sandbox' ? TEST_CARD_TOKENS.success : undefined);
  const fixtures = createFixtures(contract, client, cardToken ? { payment_method_id: async () => testCardBody(cardToken) } : {});
  for (const [parameter, id] of Object.entries(knownIds(target.kind))) fixtures.provide(parameter, id);
  return { contract, target, client, fixtures, idFor: (p) => fixtures.idFor(p), close: () => target.close() };
}

/**
 * IDs no v2 request can make (a card saved with API v1 for getPaymentMethodByCard): `CONTRACT_ID_<PARAMETER>`
 * (`CONTRACT_ID_CARD_ID=car_…`); the sandbox seeds `car_seed_visa`.
 */
export function knownIds(kind: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const ids: Record<string, string> = kind === 'sandbox' ? { card_id: 'car_seed_visa' } : {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('CONTRACT_ID_') && value) ids[name.slice('CONTRACT_ID_'.length).toLowerCase()] = value;
  }
  return ids;
}

/** Which scenario covers the success of an operation that needs state. */
export const coveredByScenario = new Map(SCENARIOS.flatMap((s) => s.covers.map((operationId) => [operationId, s.name] as const)));

/** The cases of every operation of the bundle; `resolve` is read when a case runs (the run opens later). */
export function operationCases(contract: Contract, fixtures: () => Fixtures): Map<string, Step[]> {
  return new Map(
    contract.operations.map((op) => [op.operationId, casesFor(op, { resolve: (value) => fixtures().resolve(value), coveredByScenario })]),
  );
}

/** Runs a scenario's steps in order; on success its lasting objects are offered to the other cases. */
export async function runScenario(run: SuiteRun, scenario: Scenario): Promise<CaseResult[]> {
  const state: Record<string, string> = {};
  const results: CaseResult[] = [];
  for (const step of scenarioSteps(run, scenario, state)) results.push((await runStep(run, step)).result);
  if (run.target.stateful && results.every((r) => r.mode === 'skipped' || passed(r))) {
    for (const [parameter, key] of Object.entries(scenario.provides ?? {})) if (state[key]) run.fixtures.provide(parameter, state[key]);
  }
  return results;
}

/** The reasons a case failed, one line each, for an assertion message. */
export const failuresOf = (result: CaseResult): string[] =>
  [
    ...result.failures,
    ...result.violations.map((v) => `${result.operationId} ${v.pointer}: ${v.message} (expected ${JSON.stringify(v.expected)}, actual ${JSON.stringify(v.actual)})`),
    ...result.infrastructure.map((f) => `${result.operationId} INFRASTRUCTURE ${f.kind}: ${f.message}`),
  ].map(redact);

export { SCENARIOS };
