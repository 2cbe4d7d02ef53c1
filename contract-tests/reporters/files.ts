// The report files of a run in reports/ (or the directory given), one a file reporter. Every string goes
// through \`redact\` in the reporter that writes it: no key reaches a report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../contract-core/contract.ts';
import { ROOT } from '../../contract-core/files.ts';
import type { CaseResult } from '../lib/result.ts';
import { resultsJson } from './json.ts';
import { junit } from './junit.ts';
import { markdownSummary } from './markdown.ts';

export const REPORTS = join(ROOT, 'reports');

/** The report files, by the name of their reporter. */
export const REPORT_FILES = { markdown: 'contract-summary.md', junit: 'contract-junit.xml', json: 'contract-results.json' } as const;
export type FileReporter = keyof typeof REPORT_FILES;

/** Writes the reports named (all three by default) into `dir`; returns the paths written. */
export function writeReports(
  operations: readonly Operation[],
  results: readonly CaseResult[],
  target: string,
  dir = REPORTS,
  reporters: readonly FileReporter[] = ['markdown', 'junit', 'json'],
): string[] {
  mkdirSync(dir, { recursive: true });
  const render: Record<FileReporter, () => string> = {
    markdown: () => markdownSummary(operations, results, target),
    junit: () => junit(operations, results),
    json: () => resultsJson(results),
  };
  return reporters.map((reporter) => {
    const file = join(dir, REPORT_FILES[reporter]);
    writeFileSync(file, render[reporter]());
    return file;
  });
}
