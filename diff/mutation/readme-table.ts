// The proof's table in README.md, between markers; `npm run test:diff-mutation -- --readme` rewrites it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/lib/paths.ts';

export const README = join(ROOT, 'README.md');
const START = '<!-- diff-mutation:start (npm run test:diff-mutation -- --readme) -->';
const END = '<!-- diff-mutation:end -->';

/** The table as README.md has it, or null without the markers. */
export function readmeTable(text = readFileSync(README, 'utf8')): string | null {
  const start = text.indexOf(START);
  const end = text.indexOf(END);
  return start < 0 || end < start ? null : text.slice(start + START.length, end).trim();
}

export function writeReadmeTable(table: string): void {
  const text = readFileSync(README, 'utf8');
  if (readmeTable(text) === null) throw new Error(`README.md: the markers ${START} … ${END} are missing`);
  writeFileSync(README, `${text.slice(0, text.indexOf(START) + START.length)}\n${table}\n${text.slice(text.indexOf(END))}`);
}
