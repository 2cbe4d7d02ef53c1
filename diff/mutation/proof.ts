// Runs every mutation against the unchanged contract: our checker must report the expected finding (check,
// severity, operation, pointer) and the no-op nothing at all. oasdiff's own output for the same two bundles is
// kept beside it, for the table of what our rules add.
import { compare } from '../lib/compare.ts';
import type { Finding } from '../lib/finding.ts';
import { levelOf, type OasdiffChange } from '../lib/oasdiff.ts';
import { MUTATIONS, type Mutation } from './mutations.ts';
import { loadSource, versionOf, type Source } from './source.ts';

export interface Outcome {
  mutation: Mutation;
  ours: Finding[];
  oasdiff: OasdiffChange[];
  /** The finding that matches the expectation, if any. */
  found: Finding | undefined;
  passed: boolean;
}

/** Diffs at once: each oasdiff is a process of its own, so a few overlap well on two cores. */
const CONCURRENCY = 3;

export async function runProof(mutations: readonly Mutation[] = MUTATIONS): Promise<Outcome[]> {
  const source = await loadSource();
  const base = versionOf('contract', source);
  const heads = mutations.map((mutation) => {
    const copy: Source = { document: structuredClone(source.document), catalog: structuredClone(source.catalog) };
    mutation.source?.(copy);
    const built = versionOf(mutation.name, copy);
    return versionOf(mutation.name, copy, mutation.bundle?.(built.document) ?? built.document);
  });
  const outcomes: Outcome[] = new Array(mutations.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < mutations.length; i = next++) {
      const mutation = mutations[i]!;
      const report = await compare(base, heads[i]!, { acknowledge: false });
      const expected = mutation.expect;
      const found = expected
        ? report.findings.find(
            (f) => f.check === expected.check && f.severity === expected.severity && f.operation === expected.operation && f.pointer === expected.pointer,
          )
        : undefined;
      const passed = expected ? found !== undefined : report.findings.length === 0 && report.oasdiff.length === 0;
      outcomes[i] = { mutation, ours: report.findings, oasdiff: report.oasdiff, found, passed };
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return outcomes;
}

/** What oasdiff alone said: how many changes, the most frequent kinds with their level. */
function oasdiffSummary(changes: readonly OasdiffChange[]): string {
  if (changes.length === 0) return 'nothing';
  const counts = new Map<string, number>();
  for (const change of changes) counts.set(`\`${change.id}\` ${levelOf(change)}`, (counts.get(`\`${change.id}\` ${levelOf(change)}`) ?? 0) + 1);
  const kinds = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const shown = kinds.slice(0, 2).map(([kind, n]) => (n > 1 ? `${n} × ${kind}` : kind));
  return `${changes.length}: ${shown.join(', ')}${kinds.length > 2 ? `, ${kinds.length - 2} more kinds` : ''}`;
}

const SEVERITY_SHORT = { breaking: '**breaking**', 'potentially-breaking': 'potentially breaking', safe: 'safe' } as const;

/** The README's table: each change, what we report, what oasdiff alone reports. */
export function proofTable(outcomes: readonly Outcome[]): string {
  const rows = outcomes.map(({ mutation, ours, oasdiff, found, passed }, i) => {
    const expected = mutation.expect;
    const reported = !expected
      ? passed
        ? 'nothing'
        : `${ours.length} findings (expected none)`
      : found
        ? `\`${found.check}\` ${SEVERITY_SHORT[found.severity]} at \`${found.pointer}\``
        : `MISSED \`${expected.check}\``;
    return `| ${i + 1} | ${mutation.name} | ${passed ? '✓' : '✗'} ${reported} | ${oasdiffSummary(oasdiff)} |`;
  });
  const caught = outcomes.filter((o) => o.passed).length;
  return [
    '| # | single change | ours: finding at its severity and pointer | oasdiff alone |',
    '|---:|---|---|---|',
    ...rows,
    '',
    `${caught}/${outcomes.length} as expected.`,
  ].join('\n');
}
