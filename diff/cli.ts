// npm run diff [-- --base <git ref|folder|file>] [--head <git ref|folder|file>] [--reports <dir>]
//
// Compares two versions of the contract (default: the release baseline diff/baseline/ with the working tree),
// prints every finding, writes the Markdown, JSON and JUnit reports, and exits 1 on a breaking change that the
// head's openapi/breaking-changes.yaml does not acknowledge. Against the baseline, an acknowledgement that matches
// nothing fails too. Exit 2: the input could not be read or built.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../scripts/lib/paths.ts';
import { compare } from './lib/compare.ts';
import { loadVersion } from './lib/load-version.ts';
import { BASELINE } from './lib/snapshot.ts';
import { consoleReport } from './reporters/console.ts';
import { jsonReport } from './reporters/json.ts';
import { junitReport } from './reporters/junit.ts';
import { markdownReport } from './reporters/markdown.ts';
import { verdict } from './reporters/summary.ts';

const REPORTS = {
  'diff-summary.md': markdownReport,
  'diff.json': jsonReport,
  'diff-junit.xml': junitReport,
} as const;

try {
  const { values } = parseArgs({
    options: { base: { type: 'string' }, head: { type: 'string' }, reports: { type: 'string', default: 'reports' } },
    strict: true,
  });
  const baseArgument = values.base ?? relative(ROOT, BASELINE);
  const [base, head] = [await loadVersion(baseArgument, '--base'), await loadVersion(values.head, '--head')];
  const report = await compare(base, head);
  const result = verdict(report, resolve(ROOT, baseArgument) === BASELINE);
  console.log(consoleReport(report, result));
  const dir = resolve(ROOT, values.reports);
  mkdirSync(dir, { recursive: true });
  for (const [file, render] of Object.entries(REPORTS)) writeFileSync(join(dir, file), render(report, result));
  console.log(
    `reports: ${Object.keys(REPORTS)
      .map((file) => relative(ROOT, join(dir, file)))
      .join(', ')}`,
  );
  process.exitCode = result.failed ? 1 : 0;
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
