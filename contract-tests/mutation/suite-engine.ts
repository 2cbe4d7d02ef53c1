// Our suite as an engine of the corpus: the cases of the operations a mutant touches, and the scenarios
// that go through them, against the faulty sandbox behind the mutating proxy. A conforming run of every case
// and scenario comes first: a failure there is a false alarm (it would make a kill mean nothing).
// With `generated` options the engine is the generated cases instead (`verify --generate`, generate/): the
// properties and link chains of the operations a mutant touches, the same seed and budget for every mutant,
// after the scenarios made the objects they name (in the conforming run only: those are not its cases).
import type { Contract } from '../../contract-core/contract.ts';
import type { CaseResult } from '../lib/result.ts';
import type { Step } from '../lib/step.ts';
import type { SuiteRun } from '../lib/suite.ts';
import type { TargetConfig } from '../lib/target.ts';
import type { Mutant } from './corpus.ts';
import type { FaultySandbox } from './faulty-sandbox.ts';
import type { Proxy as MutatingProxy } from './proxy.ts';

export interface Verdict {
  id: string;
  killed: boolean;
  /** Requests or answers the fault changed: 0 means no request of the engine reached it. */
  fired: number;
  /** The first failure that killed it, or why it survived. */
  why: string;
  seconds: number;
  /** The stack's state, left by earlier mutants, fails the killing case without the fault: judge again on a fresh one. */
  spoilt?: boolean;
}

export interface SuiteEngine {
  /** The conforming run's failures (false alarms), one line each. */
  baseline(): Promise<string[]>;
  /** Operations whose success emitted events in the conforming run (the event faults' reach). */
  emitting: Set<string>;
  judge(mutant: Mutant): Promise<Verdict>;
  close(): Promise<void>;
}

type Unit = () => Promise<CaseResult[]>;

export async function openSuiteEngine(
  contract: Contract,
  settings: TargetConfig,
  sandbox: FaultySandbox,
  proxy: MutatingProxy,
  generated?: { cases: number; seed: number },
): Promise<SuiteEngine> {
  const { passed } = await import('../lib/result.ts');
  const { runStep } = await import('../lib/runner.ts');
  const { SCENARIOS, failuresOf, openRun, operationCases, runScenario } = await import('../lib/suite.ts');
  const { runGenerated } = await import('../generate/run.ts');
  const { readGenerateOptions } = await import('../generate/options.ts');
  // The budget `verify --generate` gives the operations run (options.ts), the seed fixed.
  const generatedOn = (operations: number) =>
    readGenerateOptions({ generate: String(generated!.cases), seed: String(generated!.seed), budget: undefined, replay: undefined }, operations)!;
  const run: SuiteRun = await openRun({ contract, config: { ...settings, baseUrl: proxy.url } });
  const cases = operationCases(contract, () => run.fixtures);
  const runCases = async (steps: readonly Step[]): Promise<CaseResult[]> => {
    const results: CaseResult[] = [];
    for (const step of steps) results.push((await runStep(run, step)).result);
    return results;
  };
  /**
   * The generated run of these operations. A generated delete deletes the fixture its path names (the object
   * every other operation's requests name), so after one the fixture is another existing object: else every
   * later run would fail for the state, not for a fault.
   */
  const generatedRun = async (operationIds: readonly string[]): Promise<CaseResult[]> => {
    const results = await runGenerated(run, { ...generatedOn(operationIds.length), operations: (op) => operationIds.includes(op.operationId) });
    for (const op of contract.operations.filter((o) => o.method === 'delete' && operationIds.includes(o.operationId))) {
      const parameter = /\{([^}]+)\}$/.exec(op.template)?.[1];
      if (parameter) run.fixtures.provide(parameter, await run.anotherId(parameter, await run.idFor(parameter)));
    }
    return results;
  };
  /** The units through these operations, in the order they run: their cases, then the scenarios through them. */
  const unitsOf = (operationIds: readonly string[]): Unit[] =>
    generated
      ? [() => generatedRun(operationIds)]
      : [
          ...operationIds.flatMap((id) =>
            (cases.get(id) ?? []).map(
              (step): Unit =>
                async () => [(await runStep(run, step)).result],
            ),
          ),
          ...SCENARIOS.filter((s) => s.steps.some((step) => operationIds.includes(step.operationId))).map(
            (s): Unit =>
              () =>
                runScenario(run, s),
          ),
        ];
  const failing = (results: readonly CaseResult[]) => results.filter((r) => r.mode !== 'skipped' && !passed(r));
  const emitting = new Set<string>();

  return {
    emitting,
    async baseline() {
      // Every write that emits through the state is noted (a probe: the answer is the handler's own).
      sandbox.set(
        new Map(
          contract.operations
            .filter((op) => op.method !== 'get')
            .map((op) => [
              op.operationId,
              (handle, request) => {
                const state = request.state as unknown as { emit: (...args: unknown[]) => unknown };
                const original = state.emit.bind(state);
                state.emit = (...args: unknown[]) => {
                  emitting.add(op.operationId);
                  return original(...args);
                };
                try {
                  return handle(request);
                } finally {
                  delete (state as { emit?: unknown }).emit;
                }
              },
            ]),
        ),
      );
      proxy.setMany(new Map());
      const results: CaseResult[] = [];
      for (const scenario of SCENARIOS) {
        const mine = await runScenario(run, scenario);
        if (!generated) results.push(...mine);
      }
      if (generated) results.push(...(await generatedRun(contract.operations.map((op) => op.operationId))));
      else results.push(...(await runCases(contract.operations.flatMap((op) => cases.get(op.operationId) ?? []))));
      sandbox.set(new Map());
      return failing(results).flatMap((r) => failuresOf(r).map((line) => `${r.name}: ${line}`));
    },
    async judge(mutant) {
      const started = performance.now();
      const { drifts, wrappers } = mutant.activate();
      proxy.setMany(drifts);
      sandbox.set(wrappers);
      const results: CaseResult[] = [];
      let fired = 0;
      // The operation's own cases, then the scenarios through it; the first failing case kills the mutant.
      let killer: Unit | undefined;
      try {
        for (const unit of unitsOf(mutant.touches)) {
          const mine = await unit();
          results.push(...mine);
          if (failing(mine).length > 0) {
            killer = unit;
            break;
          }
        }
      } finally {
        fired = proxy.mutated() + sandbox.fired();
        proxy.setMany(new Map());
        sandbox.set(new Map());
      }
      // The killing case again without the fault: failing still, it fails for the state earlier mutants left
      // (the stack is spoilt), not for this fault.
      const spoilt = killer !== undefined && failing(await killer()).length > 0;
      const failed = failing(results);
      const first = failed[0];
      return {
        id: mutant.id,
        killed: failed.length > 0 && fired > 0 && !spoilt,
        spoilt,
        fired,
        why: first
          ? `${first.name}: ${failuresOf(first)[0] ?? 'failed'}`
          : fired === 0
            ? 'not reached: no request of the suite met the fault'
            : `reached (${fired}×), every case passed (${results.filter((r) => r.mode !== 'skipped').length} run)`,
        seconds: (performance.now() - started) / 1000,
      };
    },
    close: () => run.close(),
  };
}
