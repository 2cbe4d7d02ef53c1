// What more than one reporter shows: the coverage table (operation × documented status) and the reasons cases
// were skipped.
import type { Operation } from '../../contract-core/contract.ts';
import { passed, type CaseResult } from '../lib/result.ts';

const cell = (results: CaseResult[]): string => {
  if (results.length === 0) return '·';
  if (results.some((r) => r.mode !== 'skipped' && !passed(r))) return '✗';
  if (results.some((r) => r.mode === 'live')) return '✓';
  if (results.some((r) => r.mode === 'shape-only')) return '◐';
  return '–';
};

export function coverageTable(operations: readonly Operation[], results: readonly CaseResult[]): string {
  const statuses = [...new Set(operations.flatMap((op) => [...op.responses.keys()]))].sort();
  const lines = [`| operation | ${statuses.join(' | ')} |`, `|---|${statuses.map(() => ':-:').join('|')}|`];
  for (const op of operations) {
    const mine = results.filter((r) => r.operationId === op.operationId);
    const cells = statuses.map((s) => (op.responses.has(s) ? cell(mine.filter((r) => String(r.expectedStatus) === s)) : ''));
    lines.push(`| ${op.operationId} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The reasons cases were skipped for, most frequent first, with their counts. */
export function skippedByReason(results: readonly CaseResult[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.mode === 'skipped') counts.set(r.note ?? '(no reason given)', (counts.get(r.note ?? '(no reason given)') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
