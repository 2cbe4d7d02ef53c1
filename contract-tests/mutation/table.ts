// The corpus's result as Markdown: kill rate per engine and family, overall, time per engine; then the
// equivalent mutants and every survivor of each engine with why it survived.
import type { Mutant } from './corpus.ts';
import type { Verdict } from './suite-engine.ts';

export interface CorpusResult {
  mutants: readonly Mutant[];
  equivalents: readonly { id: string; why: string }[];
  notApplicable: number;
  verdicts: ReadonlyMap<string, ReadonlyMap<string, Verdict>>;
  timing: ReadonlyMap<string, number>;
  notes: readonly string[];
}

const rate = (killed: number, total: number): string => (total === 0 ? '–' : `${killed}/${total} (${((killed / total) * 100).toFixed(1)} %)`);

export function tabulate(result: CorpusResult): string {
  const engines = [...result.verdicts.keys()];
  const families = [...new Set(result.mutants.map((m) => m.family))];
  const count = (engine: string, mutants: readonly Mutant[]) => {
    const verdicts = result.verdicts.get(engine)!;
    return rate(mutants.filter((m) => verdicts.get(m.id)?.killed).length, mutants.filter((m) => verdicts.has(m.id)).length);
  };
  const operations = new Set(result.mutants.map((m) => m.operation.operationId)).size;
  const lines = [
    `# Mutation corpus`,
    '',
    `${result.mutants.length} non-equivalent mutants over ${operations} operations (${result.equivalents.length} equivalent excluded, ${result.notApplicable} operation × fault pairs that do not apply).`,
    '',
    `| fault family | mutants | ${engines.join(' | ')} |`,
    `|---|---:|${engines.map(() => '---:').join('|')}|`,
    ...families.map((family) => {
      const mine = result.mutants.filter((m) => m.family === family);
      return `| ${family} | ${mine.length} | ${engines.map((e) => count(e, mine)).join(' | ')} |`;
    }),
    `| **overall** | **${result.mutants.length}** | ${engines.map((e) => `**${count(e, result.mutants)}**`).join(' | ')} |`,
    `| time | | ${engines.map((e) => `${Math.round(result.timing.get(e) ?? 0)} s`).join(' | ')} |`,
    '',
    ...result.notes.map((n) => `- ${n}`),
    '',
    `## Equivalent mutants (${result.equivalents.length})`,
    '',
    ...result.equivalents.map((e) => `- \`${e.id}\`: ${e.why}`),
  ];
  const [suite, generated] = [result.verdicts.get('suite'), result.verdicts.get('generated')];
  if (suite && generated) lines.push('', ...apart(result.mutants, families, generated, suite));
  for (const engine of engines) {
    const verdicts = result.verdicts.get(engine)!;
    const survivors = result.mutants.filter((m) => verdicts.has(m.id) && !verdicts.get(m.id)!.killed);
    lines.push('', `## Survivors of ${engine} (${survivors.length})`, '');
    for (const m of survivors) lines.push(`- \`${m.id}\` (${m.family}; ${m.what}): ${verdicts.get(m.id)!.why.replaceAll('\n', ' ').slice(0, 240)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Per family, the mutants the generated cases kill that the suite's hand-written cases and recipes miss, and the reverse. */
function apart(
  mutants: readonly Mutant[],
  families: readonly string[],
  generated: ReadonlyMap<string, Verdict>,
  suite: ReadonlyMap<string, Verdict>,
): string[] {
  const only = (mine: readonly Mutant[], a: ReadonlyMap<string, Verdict>, b: ReadonlyMap<string, Verdict>): string => {
    const ids = mine.filter((m) => a.get(m.id)?.killed && b.has(m.id) && !b.get(m.id)!.killed).map((m) => `\`${m.id}\``);
    return ids.length === 0 ? '0' : `${ids.length}: ${ids.join(', ')}`;
  };
  return [
    '## Generated cases against the hand-written suite',
    '',
    '| fault family | mutants | killed by generation, missed by the suite | killed by the suite, missed by generation |',
    '|---|---:|---|---|',
    ...families.map((family) => {
      const mine = mutants.filter((m) => m.family === family);
      return `| ${family} | ${mine.length} | ${only(mine, generated, suite)} | ${only(mine, suite, generated)} |`;
    }),
  ];
}
