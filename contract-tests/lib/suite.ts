// The whole suite as data: the run (target, client, fixtures) and the steps of every scenario and operation.
// contract.test.ts turns them into vitest tests; the mutation proof runs them directly.
import { createContractClient, type ContractClient } from './client.ts';
import { loadContract, type Contract } from '../../contract-core/contract.ts';
import { selectChecks, type CheckName } from '../../contract-core/checks/index.ts';
import { createValidator } from '../../contract-core/validator.ts';
import { casesFor } from './cases/index.ts';
import { ID_VARIABLE_PREFIX, SANDBOX_SEEDED_IDS, createFixtures, type Fixtures } from './fixtures.ts';
import { lenientFor, readStrict } from './grading.ts';
import { passed, violationText, type CaseResult } from './result.ts';
import { runStep } from './runner.ts';
import type { Run, Step, VariantName } from './step.ts';
import { SLOW } from './provoke.ts';
import { scenarioSteps } from './cases/scenario-step.ts';
import { SCENARIOS, type Scenario } from './scenarios.ts';
import { readTestTokens, testCardBody } from './test-tokens.ts';
import type { SandboxOptions } from '../../sandbox/server.ts';
import { redact } from './keys.ts';
import { openTarget, readTargetConfig, type Target, type TargetConfig } from './target.ts';

export interface SuiteRun extends Run {
  fixtures: Fixtures;
  close(): Promise<void>;
}

export interface RunOptions {
  contract?: Contract;
  config?: TargetConfig;
  strict?: boolean;
  /** The named checks to run; by default CONTRACT_CHECKS less CONTRACT_EXCLUDE_CHECKS (all when unset). */
  checks?: readonly CheckName[];
  log?: (line: string) => void;
}

/** CONTRACT_CHECKS and CONTRACT_EXCLUDE_CHECKS: comma-separated names of contract-core/checks/. */
export const readChecks = (env: NodeJS.ProcessEnv = process.env): CheckName[] =>
  selectChecks(env['CONTRACT_CHECKS'], env['CONTRACT_EXCLUDE_CHECKS'], { include: 'CONTRACT_CHECKS', exclude: 'CONTRACT_EXCLUDE_CHECKS' });

export async function openRun(options: RunOptions = {}): Promise<SuiteRun> {
  // The key first: a key that is not certainly a test key is refused before anything is compiled or started.
  const config = options.config ?? readTargetConfig();
  const contract = options.contract ?? loadContract();
  const validator = createValidator(contract, { checks: options.checks ?? readChecks() });
  const strict = options.strict ?? readStrict();
  const target = await openTarget(config);
  const client = createContractClient({ ...target, ...(options.log ? { log: options.log } : {}) });
  const tokens = readTestTokens();
  // A payment method made from the spec's example (PayPay) cannot pay a card flow: use a test card, held by the
  // customer the cases use (a payment flow is given a payment method together with its customer).
  const fixtures: Fixtures = createFixtures(
    contract,
    client,
    target.stateful ? { payment_method_id: async () => testCardBody(tokens.success, await fixtures.idFor('customer_id')) } : {},
  );
  for (const [parameter, id] of Object.entries(knownIds(target.kind))) fixtures.provide(parameter, id);
  const variants = target.kind === 'sandbox' && !config.baseUrl ? sandboxVariants(target) : undefined;
  return {
    contract,
    target,
    client,
    lenient: lenientFor(target.kind, strict),
    validator,
    fixtures,
    tokens,
    idFor: (p) => fixtures.idFor(p),
    anotherId: (p, than) => fixtures.anotherId(p, than),
    variant: variants?.open,
    close: async () => {
      await variants?.close();
      await target.close();
    },
  };
}

/** The switches of each sandbox variant (provoke.ts says which code needs which). */
const VARIANT_SWITCHES: Record<VariantName, SandboxOptions> = {
  // One token, never refilled within a run: with a refill every few seconds, the request under test of a
  // slow (loaded) run could take a fresh token and pass instead of answering 429.
  'rate-limited': { rateLimit: { perSecond: 0.001, burst: 1 } },
  failing: { errorRate: 1 },
  'idempotency-outage': { idempotencyErrorRate: 1 },
  slow: { latencyMs: SLOW.latencyMs, idempotencyWaitMs: SLOW.idempotencyWaitMs },
};

/** Second sandboxes switched to a fault, started on first use, each with a client of its own. */
function sandboxVariants(target: Target): { open(name: VariantName): Promise<ContractClient>; close(): Promise<void> } {
  const started = new Map<VariantName, Promise<{ client: ContractClient; close(): Promise<void> }>>();
  const start = async (name: VariantName) => {
    const sandbox = await (await import('../../sandbox/server.ts')).startSandbox({ port: 0, ...VARIANT_SWITCHES[name] });
    const client = createContractClient({ ...target, baseUrl: sandbox.url });
    // A request still running when the run ends (the first of an idempotency_timeout case, left to finish on
    // its own) is answered before the variant closes, not cut.
    const running = new Set<Promise<unknown>>();
    const send: ContractClient['send'] = (request) => {
      const sent = client.send(request);
      running.add(sent);
      const settled = () => void running.delete(sent);
      sent.then(settled, settled);
      return sent;
    };
    return {
      client: { ...client, send },
      close: async () => {
        await Promise.allSettled(running);
        await sandbox.close();
      },
    };
  };
  return {
    open: async (name) => {
      if (!started.has(name)) started.set(name, start(name));
      return (await started.get(name)!).client;
    },
    close: async () => {
      await Promise.all([...started.values()].map(async (variant) => (await variant).close()));
    },
  };
}

/**
 * IDs no v2 request can make (a card saved with API v1 for getPaymentMethodByCard): `CONTRACT_ID_<PARAMETER>`
 * (`CONTRACT_ID_CARD_ID=car_…`; fixtures.ts lists them from the bundle); the sandbox seeds the examples' card (contract-core/example-objects.ts).
 */
function knownIds(kind: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const ids: Record<string, string> = kind === 'sandbox' ? { ...SANDBOX_SEEDED_IDS } : {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith(ID_VARIABLE_PREFIX) && value) ids[name.slice(ID_VARIABLE_PREFIX.length).toLowerCase()] = value;
  }
  return ids;
}

/** Which scenario covers the success of an operation that needs state. */
export const coveredByScenario = new Map(SCENARIOS.flatMap((s) => s.covers.map((operationId) => [operationId, s.name] as const)));

/** The cases of every operation of the bundle; `resolve` is read when a case runs (the run opens later). */
export function operationCases(contract: Contract, fixtures: () => Fixtures): Map<string, Step[]> {
  return new Map(contract.operations.map((op) => [op.operationId, casesFor(op, { resolve: (value) => fixtures().resolve(value), coveredByScenario })]));
}

/** Runs a scenario's steps in order; on success its lasting objects are offered to the other cases. */
export async function runScenario(run: SuiteRun, scenario: Scenario): Promise<CaseResult[]> {
  const state: Record<string, string> = {};
  const results: CaseResult[] = [];
  let stoppedAt: string | undefined;
  for (const step of scenarioSteps(run, scenario, state)) {
    // Each step builds on the ones before: after one that got no answer of the API's, the rest cannot be
    // prepared, and are skipped naming it (not reported as requests that could not be made).
    if (stoppedAt !== undefined) {
      results.push((await runStep(run, { ...step, skip: `not run: it depends on the earlier step "${stoppedAt}", which failed for infrastructure` })).result);
      continue;
    }
    const { result } = await runStep(run, step);
    results.push(result);
    if (result.infrastructure.length > 0) stoppedAt = result.name;
  }
  if (run.target.stateful && results.every((r) => r.mode === 'skipped' || passed(r))) {
    for (const [parameter, key] of Object.entries(scenario.provides ?? {})) if (state[key]) run.fixtures.provide(parameter, state[key]);
  }
  return results;
}

/** The reasons a case failed, one line each, for an assertion message. */
export const failuresOf = (result: CaseResult): string[] =>
  [
    ...(result.missingPrecondition ? [`${result.operationId} MISSING PRECONDITION: ${result.missingPrecondition}`] : []),
    ...result.failures,
    ...result.violations.map((v) => `${result.operationId} ${violationText(v)}`),
    ...result.infrastructure.map((f) => `${result.operationId} INFRASTRUCTURE ${f.kind}: ${f.message}`),
  ].map(redact);

export { SCENARIOS };
