// Our suite as an engine of the corpus: the cases of the operations a mutant touches, and the scenarios
// that go through them, against the faulty sandbox behind the mutating proxy. A conforming run of every case
// and scenario comes first: a failure there is a false alarm (it would make a kill mean nothing).
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

export async function openSuiteEngine(contract: Contract, settings: TargetConfig, sandbox: FaultySandbox, proxy: MutatingProxy): Promise<SuiteEngine> {
  const { passed } = await import('../lib/result.ts');
  const { runStep } = await import('../lib/runner.ts');
  const { SCENARIOS, failuresOf, openRun, operationCases, runScenario } = await import('../lib/suite.ts');
  const run: SuiteRun = await openRun({ contract, config: { ...settings, baseUrl: proxy.url } });
  const cases = operationCases(contract, () => run.fixtures);
  const runCases = async (steps: readonly Step[]): Promise<CaseResult[]> => {
    const results: CaseResult[] = [];
    for (const step of steps) results.push((await runStep(run, step)).result);
    return results;
  };
  const unitsOf = (operationIds: readonly string[]) => ({
    scenarios: SCENARIOS.filter((s) => s.steps.some((step) => operationIds.includes(step.operationId))),
    steps: operationIds.flatMap((id) => cases.get(id) ?? []),
  });
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
      for (const scenario of SCENARIOS) results.push(...(await runScenario(run, scenario)));
      results.push(...(await runCases(contract.operations.flatMap((op) => cases.get(op.operationId) ?? []))));
      sandbox.set(new Map());
      return failing(results).flatMap((r) => failuresOf(r).map((line) => `${r.name}: ${line}`));
    },
    async judge(mutant) {
      const started = performance.now();
      const { drifts, wrappers } = mutant.activate();
      proxy.setMany(drifts);
      sandbox.set(wrappers);
      const { scenarios, steps } = unitsOf(mutant.touches);
      const results: CaseResult[] = [];
      let fired = 0;
      // The operation's own cases, then the scenarios through it; the first failing case kills the mutant.
      let killer: (() => Promise<CaseResult[]>) | undefined;
      const attempt = async (unit: () => Promise<CaseResult[]>): Promise<void> => {
        if (killer) return;
        const mine = await unit();
        results.push(...mine);
        if (failing(mine).length > 0) killer = unit;
      };
      try {
        for (const step of steps) await attempt(async () => [(await runStep(run, step)).result]);
        for (const scenario of scenarios) await attempt(() => runScenario(run, scenario));
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
