// The contract suite run outside vitest (the CLI's `verify`): the scenarios, then every operation with its
// cases, of one shard, in the order contract.test.ts runs them, against the target configured. Each unit's
// results are handed to `onUnit` as it ends (progress); all of them are returned for the reporters.
import type { CheckName } from '../../contract-core/checks/index.ts';
import { loadContract, type Contract, type Operation } from '../../contract-core/contract.ts';
import type { CaseResult } from './result.ts';
import { runStep } from './runner.ts';
import { inShard, type Shard } from './shard.ts';
import { SCENARIOS, openRun, operationCases, runScenario } from './suite.ts';
import type { Scenario } from './scenarios.ts';
import type { TargetConfig } from './target.ts';
import { type GenerateOptions, runGenerated } from '../generate/run.ts';

export interface VerifyOptions {
  config: TargetConfig;
  /** A remote server's breaches of inferred rules are violations too. */
  strict: boolean;
  /** The validator's named checks to run; CONTRACT_CHECKS / CONTRACT_EXCLUDE_CHECKS when absent. */
  checks?: readonly CheckName[];
  shard?: Shard;
  /** `--generate <n>`: generated requests and chains after the suite (contract-tests/generate/). */
  generate?: GenerateOptions;
  contract?: Contract;
  /** The client's lines (retries, waits); keys are redacted by the caller. */
  log?: (line: string) => void;
  onUnit?: (progress: { done: number; total: number; name: string; results: readonly CaseResult[] }) => void;
}

export interface Verification {
  contract: Contract;
  results: CaseResult[];
  /** What was verified, for the reports' titles: kind, URL, statefulness, shard. */
  target: string;
}

type Unit = { name: string; scenario: Scenario } | { name: string; operation: Operation };

export async function verify(options: VerifyOptions): Promise<Verification> {
  const contract = options.contract ?? loadContract();
  const all: Unit[] = [
    ...SCENARIOS.map((scenario) => ({ name: `scenario ${scenario.name}`, scenario })),
    ...contract.operations.map((operation) => ({ name: operation.operationId, operation })),
  ];
  const units = inShard(all, options.shard);
  // Before anything is started or sent: a shard with nothing in it would pass without verifying anything.
  if (units.length === 0) {
    throw new Error(
      `CONTRACT_SHARD ${options.shard?.index}/${options.shard?.count} holds no work: the suite has ${all.length} parts (scenarios and operations), so n must be at most ${all.length}`,
    );
  }
  const run = await openRun({
    contract,
    config: options.config,
    strict: options.strict,
    ...(options.checks ? { checks: options.checks } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  try {
    if (run.target.kind !== options.config.kind)
      options.log?.(
        `${run.target.baseUrl} says it is this package's sandbox: verified as a sandbox (its seeded IDs), ${run.target.rate}/s, ${run.target.concurrency} in flight`,
      );
    const cases = operationCases(contract, () => run.fixtures);
    const results: CaseResult[] = [];
    for (const [position, unit] of units.entries()) {
      const mine: CaseResult[] = [];
      if ('scenario' in unit) mine.push(...(await runScenario(run, unit.scenario)));
      else for (const step of cases.get(unit.operation.operationId) ?? []) mine.push((await runStep(run, step)).result);
      results.push(...mine);
      options.onUnit?.({ done: position + 1, total: units.length, name: unit.name, results: mine });
    }
    if (options.generate) {
      const generated = await runGenerated(run, options.generate, (result) =>
        options.onUnit?.({ done: units.length, total: units.length, name: result.note?.split(':', 1)[0] ?? result.operationId, results: [result] }),
      );
      results.push(...generated);
    }
    const { kind, baseUrl, stateful } = run.target;
    const shard = options.shard ? `, shard ${options.shard.index}/${options.shard.count}` : '';
    return { contract, results, target: `${kind} ${baseUrl} (${stateful ? 'stateful' : 'stateless: scenarios in shape only'}${shard})` };
  } finally {
    await run.close();
  }
}
