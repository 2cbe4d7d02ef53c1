// For a terminal: a line a case (the CLI prints the failures as they come), and the account of a run at its end.
import { redact } from '../lib/keys.ts';
import { isViolating, passed, violationText, type CaseResult } from '../lib/result.ts';
import type { Operation } from '../../contract-core/contract.ts';
import { coverageTable, skippedByReason } from './summary.ts';

/** A human line for the console: `✓ live createCustomer: 401 bad key`. */
export function caseLine(result: CaseResult): string {
  const mark = result.mode === 'skipped' ? '-' : passed(result) ? '✓' : '✗';
  const detail = [
    ...(result.missingPrecondition ? [`MISSING PRECONDITION: ${result.missingPrecondition}`] : []),
    ...result.failures,
    ...result.violations.map(violationText),
    ...result.infrastructure.map((f) => `INFRASTRUCTURE ${f.kind}: ${f.message}`),
    ...result.warnings.map((w) => `WARNING ${w.pointer ? `${w.pointer}: ` : ''}${w.message} (inferred rule: ${w.rule})`),
  ];
  return redact(
    `${mark} ${result.mode.padEnd(10)} ${result.operationId}: ${result.name}${result.requestId ? ` [${result.requestId}]` : ''}${detail.length ? `\n    ${detail.join('\n    ')}` : ''}${result.mode === 'skipped' ? ` (${result.note ?? ''})` : ''}`,
  );
}

/**
 * The console's account of a run: the coverage table, `operations exercised: n/N` with the cases by outcome
 * (failures split into contract, infrastructure and missing preconditions), skipped cases by reason, warnings.
 */
export function consoleSummary(operations: readonly Operation[], results: readonly CaseResult[]): string {
  const exercised = new Set(results.filter((r) => r.mode !== 'skipped').map((r) => r.operationId)).size;
  const warnings = warningLines(results);
  const failed = results.filter((r) => r.mode !== 'skipped' && !passed(r));
  const count = (kind: (r: CaseResult) => boolean): number => failed.filter(kind).length;
  const breakdown = `contract ${count(isViolating)}, infrastructure ${count((r) => r.infrastructure.length > 0)}, missing preconditions ${count((r) => r.missingPrecondition !== undefined)}`;
  return redact(
    `${coverageTable(operations, results)}\n\noperations exercised: ${exercised}/${operations.length} · cases ${results.length}, failed ${failed.length} (${breakdown}), shape-only ${results.filter((r) => r.mode === 'shape-only').length}, skipped ${results.filter((r) => r.mode === 'skipped').length}, warnings ${warnings.length}\n${skippedByReason(
      results,
    )
      .map(([reason, n]) => `  skipped ${n}: ${reason}\n`)
      .join(
        '',
      )}${warnings.length > 0 ? `warnings (the server differs from an inferred rule; not violations unless strict):\n${warnings.map((line) => `  ${line}\n`).join('')}` : ''}`,
  );
}

/** Every warning of a run, one line each (rule, what happened, why the rule is believed), for the console. */
export function warningLines(results: readonly CaseResult[]): string[] {
  return results.flatMap((r) =>
    r.warnings.map((w) => redact(`${r.operationId} ${r.name}: ${w.pointer ? `${w.pointer} ` : ''}${w.message} [inferred rule: ${w.rule}; ${w.reason}]`)),
  );
}
