// npm run sdk:diff [-- --generation <version>] [--readme]
// The contract against a record (default: the newest), fact by fact, after what changed since the record
// before it. Exit 1 when a fact differs or a deviation is stale. `--readme` writes the counts of the followed
// and the newest generation into README.md's fidelity section.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadContract } from '../contract-core/contract.ts';
import { ROOT } from '../contract-core/files.ts';
import { ERROR_CATALOG } from '../generated/error-catalog.ts';
import { type Comparison, compare, counts, type Reason, report } from './compare.ts';
import { readDeviations } from './deviations.ts';
import { diffRecords } from './record-diff.ts';
import { FOLLOWED, generations, readRecord } from './records.ts';

export function compareGeneration(generation: string): Comparison {
  return compare(readRecord(generation), loadContract(), ERROR_CATALOG, readDeviations(generation));
}

const README_START = '<!-- sdk-ledger:start (npm run sdk:diff -- --readme) -->';
const README_END = '<!-- sdk-ledger:end -->';

/** The counts table README.md shows: the followed generation and the newest, facts and deviation entries by reason. */
export function countsTable(comparisons: { comparison: Comparison; role: string }[]): string {
  const rows = comparisons.map(({ comparison, role }) => {
    const c = counts(comparison);
    const entries = (reason: string): number => new Set(comparison.deviated.filter((d) => d.deviation.reason === reason).map((d) => d.deviation)).size;
    const cell = (reason: Reason): string => `${c.deviations[reason]} (${entries(reason)})`;
    return `| ${comparison.generation} (${role}) | ${c.matched} | ${cell('generator-artefact')} | ${cell('pay-jp-words')} | ${cell('our-inference')} | ${cell('not-followed')} | ${c.differences} | ${c.stale} |`;
  });
  return [
    "| SDK generation | facts matched | deviations: generator artefact | PAY.JP's words | our inference | not followed | differences | stale |",
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/** README.md with its counts block replaced. */
export function withCounts(readme: string, table: string): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) throw new Error(`README.md: no ${README_START} … ${README_END} block`);
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}

/** The rows README.md shows: the followed generation, and the newest if it is another. */
export function readmeComparisons(): { comparison: Comparison; role: string }[] {
  const newest = generations().at(-1)!;
  const rows = [{ comparison: compareGeneration(FOLLOWED), role: 'followed' }];
  return newest === FOLLOWED ? rows : [...rows, { comparison: compareGeneration(newest), role: 'newest' }];
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { generation: { type: 'string' }, readme: { type: 'boolean' } } });
  if (values.readme) {
    const file = join(ROOT, 'README.md');
    writeFileSync(file, withCounts(readFileSync(file, 'utf8'), countsTable(readmeComparisons())));
    console.log('README.md: SDK ledger counts written');
  } else {
    const all = generations();
    const generation = values.generation ?? all.at(-1)!;
    if (!all.includes(generation)) throw new Error(`no record sdk-ledger/records/${generation}.json (recorded: ${all.join(', ')})`);
    const previous = all[all.indexOf(generation) - 1];
    if (previous) {
      const changes = diffRecords(readRecord(previous), readRecord(generation));
      console.log(`SDK ${generation} against ${previous}: ${changes.length} facts changed`);
      for (const line of changes) console.log(`  ${line}`);
      console.log('');
    }
    const comparison = compareGeneration(generation);
    console.log(report(comparison));
    if (comparison.differences.length > 0 || comparison.stale.length > 0) process.exitCode = 1;
  }
}
