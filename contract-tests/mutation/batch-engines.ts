// Dredd and Specmatic (examples) on the corpus. A start of either costs seconds (a JVM for Specmatic), so
// mutants run in batches that touch different operations (corpus.ts `batches`), each batch on a fresh faulty
// sandbox behind the proxy; a mutant is killed when a test of an operation it touches fails that passed in
// the conforming run. Dredd meets the response faults in front of the mock (it asks for each documented
// status with `Prefer`, as `npm run test:dredd` does) and the behaviour faults in front of the faulty sandbox
// (where it sends its success examples only: no example request provokes an error).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { matchOperation, type Contract, type Operation } from '../../contract-core/contract.ts';
import { WRITE_METHODS } from '../../contract-core/conventions.ts';
import type { TargetConfig } from '../lib/target.ts';
import { activateAll, batches, type Mutant } from './corpus.ts';
import { startFaultySandbox } from './faulty-sandbox.ts';
import { startProxy } from './proxy.ts';
import type { Verdict } from './suite-engine.ts';

export const ENGINES = ['dredd', 'specmatic'] as const;
export type EngineName = (typeof ENGINES)[number];

/** A failed test: the operation it exercised and a line to show. */
interface Failure {
  operationId: string | undefined;
  key: string;
  line: string;
}
type Upstream = 'mock' | 'faulty sandbox';

export async function runBatchedEngine(
  name: EngineName,
  contract: Contract,
  mutants: readonly Mutant[],
  settings: TargetConfig,
  /** After each batch, the verdicts so far (a long run keeps what it measured if it is stopped). */
  onBatch?: (verdicts: ReadonlyMap<string, Verdict>) => void,
): Promise<{ verdicts: Map<string, Verdict>; notes: string[] }> {
  const runOnce = name === 'dredd' ? await dreddRunner(contract, settings) : await specmaticRunner(contract);
  const groups: [Upstream, Mutant[]][] =
    name === 'dredd'
      ? [
          ['mock', mutants.filter((m) => m.kind === 'response')],
          ['faulty sandbox', mutants.filter((m) => m.kind === 'behaviour')],
        ]
      : [['faulty sandbox', [...mutants]]];
  const verdicts = new Map<string, Verdict>();
  const notes: string[] = [];
  for (const [upstream, group] of groups) {
    if (group.length === 0) continue;
    const baseline = await runOnce(upstream, []);
    const known = new Set(baseline.failures.map((f) => f.key));
    // A conforming run's failures are the engine's own (a test it cannot pass here): not counted as kills.
    if (baseline.failures.length > 0)
      notes.push(
        `${name} on the ${upstream}, conforming run: ${baseline.failures.length} failing tests, left out of the kills (${[...known].slice(0, 5).join('; ')}${known.size > 5 ? '…' : ''})`,
      );
    const packed = batches(group);
    console.log(`${name}: ${group.length} mutants in ${packed.length} batches (on the ${upstream})`);
    for (const [n, batch] of packed.entries()) {
      const started = performance.now();
      const run = await runOnce(upstream, batch);
      for (const mutant of batch) {
        const mine = run.failures.filter((f) => f.operationId !== undefined && mutant.touches.includes(f.operationId) && !known.has(f.key));
        const fired = run.fired(mutant);
        verdicts.set(mutant.id, {
          id: mutant.id,
          killed: mine.length > 0 && fired > 0,
          fired,
          why:
            mine[0]?.line ??
            (fired === 0 ? `not reached: no request of ${name} met the fault` : `reached (${fired}×), no test of ${mutant.touches.join(', ')} failed`),
          seconds: (performance.now() - started) / 1000 / batch.length,
        });
      }
      onBatch?.(verdicts);
      console.log(
        `${name} batch ${n + 1}/${packed.length}: ${batch.filter((m) => verdicts.get(m.id)?.killed).length}/${batch.length} killed in ${Math.round((performance.now() - started) / 1000)} s (load ${loadavg()[0]!.toFixed(1)})`,
      );
    }
  }
  return { verdicts, notes };
}

/** The operations the batch's mutants touch. */
const touched = (contract: Contract, batch: readonly Mutant[]): Operation[] => {
  const ids = new Set(batch.flatMap((m) => m.touches));
  return contract.operations.filter((op) => ids.has(op.operationId));
};

type Runner = (upstream: Upstream, batch: readonly Mutant[]) => Promise<{ failures: Failure[]; fired(mutant: Mutant): number }>;

/** Brings up the upstream with the batch switched on, the proxy in front; `go` runs the engine against it. */
async function withBatch<T>(
  contract: Contract,
  upstream: Upstream,
  batch: readonly Mutant[],
  settings: TargetConfig | undefined,
  go: (url: string) => Promise<T>,
): Promise<{ result: T; fired(mutant: Mutant): number }> {
  const { drifts, wrappers } = activateAll(batch);
  const server =
    upstream === 'mock' ? await (await import('../lib/target.ts')).openTarget({ ...settings!, kind: 'mock', baseUrl: undefined }) : await startFaultySandbox();
  const url = 'url' in server ? server.url : server.baseUrl;
  if ('set' in server) server.set(wrappers);
  const proxy = await startProxy(url.replace(/\/+$/, ''), contract.operations);
  proxy.setMany(drifts);
  try {
    const result = await go(proxy.url);
    return {
      result,
      fired: (mutant) => mutant.touches.reduce((sum, id) => sum + proxy.mutated(id) + ('fired' in server ? server.fired(id) : 0), 0),
    };
  } finally {
    await proxy.close();
    await server.close();
  }
}

async function dreddRunner(contract: Contract, settings: TargetConfig): Promise<Runner> {
  const { dredd, templatePattern, writeDreddSpec } = await import('../dredd/spawn.ts');
  writeDreddSpec(contract);
  return async (upstream, batch) => {
    const env = {
      CONTRACT_DREDD_KEY: settings.secretKey.reveal(),
      CONTRACT_DREDD_PREFER: upstream === 'mock' ? '1' : '0',
      CONTRACT_DREDD_WRITE_METHODS: [...WRITE_METHODS].join(','),
      // Only the operations the batch touches: no other test can kill one of its mutants.
      ...(batch.length > 0
        ? { CONTRACT_DREDD_ONLY: JSON.stringify(touched(contract, batch).map((op) => [op.method.toUpperCase(), templatePattern(op.template)])) }
        : {}),
    };
    const { result, fired } = await withBatch(contract, upstream, batch, settings, (url) => dredd(url, env, undefined, false));
    const failures = result.failures.map((line): Failure => {
      const match = /^(\w+) \((\d+)\) (\S+)/.exec(line);
      const operationId = match ? matchOperation(contract.operations, match[1]!, match[3]!)?.operation.operationId : undefined;
      return { operationId, key: match ? match[0] : line, line };
    });
    return { failures, fired };
  };
}

async function specmaticRunner(contract: Contract): Promise<Runner> {
  const { REPORTS } = await import('../reporters/files.ts');
  const { runSpecmatic, writeSpecCopy } = await import('../specmatic/jar.ts');
  const { readTranscript } = await import('../specmatic/transcript.ts');
  const dir = join(REPORTS, 'specmatic-corpus');
  mkdirSync(dir, { recursive: true });
  const spec = writeSpecCopy(dir);
  let n = 0;
  return async (upstream, batch) => {
    // Only the operations the batch touches (Specmatic's --filter): no other test can kill one of its mutants.
    const filter = touched(contract, batch)
      .map((op) => `(METHOD='${op.method.toUpperCase()}' && PATH='${op.template}')`)
      .join(' || ');
    const { result, fired } = await withBatch(contract, upstream, batch, undefined, (url) =>
      runSpecmatic(spec, { dir, baseUrl: url, transcript: `batch-${n++}.txt`, ...(filter ? { filter } : {}) }),
    );
    const failures = readTranscript(result.text)
      .filter((e) => e.failed)
      .map((e): Failure => {
        const operationId = matchOperation(contract.operations, e.method, e.target)?.operation.operationId;
        const last =
          e.reason
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean)
            .at(-1) ?? '';
        return { operationId, key: `${e.scenario}`, line: `${e.scenario}: ${last}` };
      });
    if (!result.totals) failures.push({ operationId: undefined, key: 'no totals', line: 'Specmatic printed no totals' });
    return { failures, fired };
  };
}
