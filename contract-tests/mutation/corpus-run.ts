// npm run test:mutation -- --corpus: the whole mutation corpus (corpus.ts) through every engine: our suite
// (one mutant at a time, on a few independent stacks at once: each its own faulty sandbox, proxy and run),
// Dredd and Specmatic's examples (batches of mutants on different operations: a JVM or a Dredd start per
// mutant would take hours). Prints and writes the table of kill rates per engine and family, with the
// equivalent mutants and the survivors and why: reports/mutation-corpus.md.
//   --engines=suite,generated,dredd,specmatic   which engines (default all); `generated`: the generated cases
//                                     of `verify --generate` (generate/), one mutant at a time like the suite
//   --generate=<n>, --seed=<n>        the generated engine's cases per operation and kind (5), and seed (27)
//   --only=<text>[,<text>…]           the mutants whose ID contains one of them
//   --sample=<n>                      Dredd and Specmatic on a stratified sample, at most n mutants per operation
//   --merge                           no run: the table of the engines' last results (each run keeps its own,
//                                     reports/mutation-corpus-<engines>.json: engines can run as separate processes;
//                                     oldest first, so a later `--only` run replaces the verdicts of its mutants)
//   CONTRACT_MUTATION_WORKERS          stacks for the suite (default 4; the suite mostly waits on I/O)
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from '../lib/keys.ts';
import type { TargetConfig } from '../lib/target.ts';
import type { Mutant } from './corpus.ts';
import type { Verdict } from './suite-engine.ts';

interface SavedRun {
  equivalents: { id: string; why: string }[];
  verdicts: Record<string, Verdict[]>;
  timing: Record<string, number>;
  notes: string[];
}

export async function runCorpus(settings: TargetConfig, argv: readonly string[]): Promise<number> {
  const { loadContract } = await import('../../contract-core/contract.ts');
  const { REPORTS } = await import('../reporters/files.ts');
  const { buildCorpus, stratifiedSample } = await import('./corpus.ts');
  const { runBatchedEngine, ENGINES } = await import('./batch-engines.ts');
  const { tabulate } = await import('./table.ts');
  const { DEFAULT_SEED } = await import('../generate/options.ts');

  const option = (name: string): string | undefined => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const engines = (option('engines') ?? 'suite,generated,dredd,specmatic').split(',');
  const only = option('only')?.split(',');
  const contract = loadContract();
  const corpus = buildCorpus(contract);
  const chosen = corpus.mutants.filter((m) => !only || only.some((text) => m.id.includes(text)));
  const verdicts = new Map<string, Map<string, Verdict>>();
  const timing = new Map<string, number>();
  const notes: string[] = [];
  mkdirSync(REPORTS, { recursive: true });
  const write = (equivalents: { id: string; why: string }[]): void => {
    const excluded = new Set(equivalents.map((e) => e.id));
    const measured = chosen.filter((m) => !excluded.has(m.id));
    for (const engine of verdicts.values()) for (const id of excluded) engine.delete(id);
    const text = redact(tabulate({ mutants: measured, equivalents, notApplicable: corpus.notApplicable.length, verdicts, timing, notes }));
    console.log(`\n${text}`);
    writeFileSync(join(REPORTS, 'mutation-corpus.md'), text);
  };

  // This run's results, for --merge (written after each batch of a batched engine too).
  const save = (equivalents: { id: string; why: string }[], runNotes: readonly string[]): void => {
    const saved: SavedRun = {
      equivalents,
      verdicts: Object.fromEntries([...verdicts].map(([e, v]) => [e, [...v.values()]])),
      timing: Object.fromEntries(timing),
      notes: [...runNotes],
    };
    writeFileSync(join(REPORTS, `mutation-corpus-${engines.join('+')}.json`), redact(JSON.stringify(saved, null, 1)));
  };

  if (argv.includes('--merge')) {
    const equivalents = new Map<string, string>();
    // Oldest first, verdict by verdict: a later run of some mutants (`--only`) replaces theirs alone.
    const files = readdirSync(REPORTS)
      .filter((f) => /^mutation-corpus-.+\.json$/.test(f))
      .sort((a, b) => statSync(join(REPORTS, a)).mtimeMs - statSync(join(REPORTS, b)).mtimeMs);
    for (const file of files) {
      const saved = JSON.parse(readFileSync(join(REPORTS, file), 'utf8')) as SavedRun;
      saved.equivalents.forEach((e) => equivalents.set(e.id, e.why));
      for (const [engine, list] of Object.entries(saved.verdicts)) {
        const into = verdicts.get(engine) ?? new Map<string, Verdict>();
        list.forEach((v) => into.set(v.id, v));
        verdicts.set(engine, into);
      }
      // The times of an engine's runs add up (a rerun of some mutants costs its time too).
      Object.entries(saved.timing).forEach(([engine, t]) => timing.set(engine, (timing.get(engine) ?? 0) + t));
      notes.push(...saved.notes);
    }
    write([...equivalents].map(([id, why]) => ({ id, why })));
    return 0;
  }

  // Our suite first: its conforming run also finds which operations emit events (the event faults' reach).
  let falseAlarms = 0;
  let emitting: ReadonlySet<string> | undefined;
  if (engines.includes('suite')) {
    const started = performance.now();
    const result = await runSuite(
      contract,
      settings,
      chosen.filter((m) => m.equivalent === undefined),
    );
    emitting = result.emitting;
    falseAlarms += result.falseAlarms;
    verdicts.set('suite', result.verdicts);
    notes.push(`suite: ${result.workers} stacks; events emitted in the conforming run by ${[...result.emitting].sort().join(', ')}`);
    timing.set('suite', (performance.now() - started) / 1000);
  }
  const equivalents = chosen.flatMap((m) => {
    if (m.equivalent !== undefined) return [{ id: m.id, why: m.equivalent }];
    if (m.family.startsWith('event') && emitting && !emitting.has(m.operation.operationId))
      return [
        { id: m.id, why: `${m.operation.operationId} emits no event (none in the conforming run of every case and scenario): nothing to drop or repeat` },
      ];
    return [];
  });
  const excluded = new Set(equivalents.map((e) => e.id));
  const measured = chosen.filter((m) => !excluded.has(m.id));
  if (engines.includes('generated')) {
    const started = performance.now();
    const generated = { cases: Number(option('generate') ?? 5), seed: Number(option('seed') ?? DEFAULT_SEED) };
    const result = await runSuite(contract, settings, measured, generated);
    falseAlarms += result.falseAlarms;
    verdicts.set('generated', result.verdicts);
    notes.push(`generated: ${generated.cases} cases per operation and kind, seed ${generated.seed}, ${result.workers} stacks`);
    timing.set('generated', (performance.now() - started) / 1000);
  }
  for (const name of ENGINES.filter((e) => engines.includes(e))) {
    const started = performance.now();
    const sample = option('sample');
    const result = await runBatchedEngine(name, contract, sample ? stratifiedSample(measured, Number(sample)) : measured, settings, (sofar) => {
      verdicts.set(name, new Map(sofar));
      timing.set(name, (performance.now() - started) / 1000);
      save(equivalents, [...notes, `${name}: stopped before its last batch (${sofar.size} mutants measured)`]);
    });
    if (sample) result.notes.push(`${name}: a stratified sample, at most ${sample} mutants per operation (${result.verdicts.size} mutants)`);
    verdicts.set(name, result.verdicts);
    notes.push(...result.notes);
    timing.set(name, (performance.now() - started) / 1000);
  }

  write(equivalents);
  save(equivalents, notes);
  return falseAlarms > 0 ? 1 : 0;
}

/** The suite on every mutant, on independent stacks working through one queue. */
async function runSuite(
  contract: import('../../contract-core/contract.ts').Contract,
  settings: TargetConfig,
  mutants: readonly Mutant[],
  generated?: { cases: number; seed: number },
): Promise<{ verdicts: Map<string, Verdict>; emitting: Set<string>; falseAlarms: number; workers: number }> {
  const { startFaultySandbox } = await import('./faulty-sandbox.ts');
  const { startProxy } = await import('./proxy.ts');
  const { openSuiteEngine } = await import('./suite-engine.ts');
  const workers = Math.max(1, Number(process.env['CONTRACT_MUTATION_WORKERS'] ?? 4));
  const verdicts = new Map<string, Verdict>();
  const emitting = new Set<string>();
  const alarms = new Set<string>();
  const queue = [...mutants];
  let done = 0;
  let rebuilt = 0;
  const openStack = async () => {
    const sandbox = await startFaultySandbox();
    const proxy = await startProxy(sandbox.url, contract.operations);
    const engine = await openSuiteEngine(contract, settings, sandbox, proxy, generated);
    // A conforming run on each stack: the fixtures every mutant's cases use are made before any fault.
    for (const line of await engine.baseline()) alarms.add(line.replace(/http:\/\/127\.0\.0\.1:\d+/g, '<server>'));
    engine.emitting.forEach((id) => emitting.add(id));
    return {
      engine,
      close: async () => {
        await engine.close();
        await proxy.close();
        await sandbox.close();
      },
    };
  };
  await Promise.all(
    Array.from({ length: workers }, async () => {
      let stack = await openStack();
      try {
        for (let mutant = queue.shift(); mutant; mutant = queue.shift()) {
          // Equivalent (the generated engine is handed the suite's measured mutants: its own run reaches fewer events).
          if (!generated && mutant.family.startsWith('event') && !stack.engine.emitting.has(mutant.operation.operationId)) continue;
          let verdict = await stack.engine.judge(mutant);
          if (verdict.spoilt) {
            // Earlier mutants left a state that fails the case without any fault: a fresh stack, and again.
            await stack.close();
            stack = await openStack();
            rebuilt += 1;
            verdict = await stack.engine.judge(mutant);
          }
          verdicts.set(mutant.id, verdict);
          done += 1;
          if (!verdict.killed)
            console.log(`${generated ? 'generated' : 'suite'} ${done}/${mutants.length} SURVIVED ${mutant.id}: ${redact(verdict.why).slice(0, 300)}`);
        }
      } finally {
        await stack.close();
      }
    }),
  );
  const name = generated ? 'generated' : 'suite';
  console.log(`${name}: ${rebuilt} stacks rebuilt (state spoilt by earlier mutants)`);
  console.log(`${name}: conforming runs ${alarms.size === 0 ? 'clean (no false alarm)' : `${alarms.size} FALSE ALARMS`}`);
  alarms.forEach((line) => console.log(`  ${redact(line)}`));
  return { verdicts, emitting, falseAlarms: alarms.size, workers };
}
