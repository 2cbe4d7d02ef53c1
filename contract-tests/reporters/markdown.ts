// The Markdown summary (a PR comment, a CI job summary): coverage, then each kind of finding apart, every cell
// escaped so that nothing a server sends can write into the page.
import type { Operation } from '../../contract-core/contract.ts';
import { printable } from '../../contract-core/printable.ts';
import { redact } from '../lib/keys.ts';
import { isViolating, passed, type CaseResult, type Mode } from '../lib/result.ts';
import { coverageTable, skippedByReason } from './summary.ts';

/** The Markdown summary (a PR comment, a CI job summary): coverage, then each kind of finding apart. */
export function markdownSummary(operations: readonly Operation[], results: readonly CaseResult[], target: string): string {
  const exercised = operations.filter((op) => results.some((r) => r.operationId === op.operationId && r.mode !== 'skipped'));
  const successOk = operations.filter((op) => results.some((r) => r.operationId === op.operationId && r.expectedStatus < 300 && passed(r)));
  const count = (mode: Mode): number => results.filter((r) => r.mode === mode).length;
  const failed = results.filter((r) => r.mode !== 'skipped' && !passed(r));
  const missing = results.filter((r) => r.missingPrecondition !== undefined);
  const out: string[] = [
    `# Contract run against ${target}`,
    '',
    `- operations exercised: **${exercised.length}/${operations.length}**; with a passing success case: ${successOk.length}/${operations.length}`,
    `- cases: ${results.length} (${count('live')} live, ${count('shape-only')} shape-only, ${count('skipped')} skipped); failed: **${failed.length}**`,
    `- contract violations: ${results.reduce((n, r) => n + r.violations.length, 0)}; infrastructure failures: ${results.reduce((n, r) => n + r.infrastructure.length, 0)}; missing preconditions: ${missing.length}; warnings (inferred rules): ${results.reduce((n, r) => n + r.warnings.length, 0)}`,
    '',
    '## Coverage (operation × documented status)',
    '',
    '✓ provoked for real and conforming · ◐ shape-only (documented example requested from a stateless target) · ✗ failed · – documented but not exercised · blank: not documented',
    '',
    coverageTable(operations, results),
    '',
    '## Contract violations',
    '',
  ];
  const violating = results.filter(isViolating);
  if (violating.length === 0) out.push('None.');
  else {
    out.push(
      '| operation | case | request | request ID | check | pointer | message | expected | actual | rule (evidence) |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of violating) {
      const request = r.request ? `${r.request.method} ${r.request.path} → ${r.status ?? '?'}` : '';
      for (const v of r.violations)
        out.push(
          row(r.operationId, r.name, request, r.requestId, v.check, v.pointer, v.message, json(v.expected), json(v.actual), `${v.rule} (${v.evidence.source})`),
        );
      for (const f of r.failures) out.push(row(r.operationId, r.name, request, r.requestId, '', '', f, '', '', ''));
    }
  }
  out.push('', '## Warnings: where the server differs from an inferred rule', '');
  const warned = results.filter((r) => r.warnings.length > 0);
  if (warned.length === 0) out.push('None.');
  else {
    out.push(
      'Not contract violations: the rule is our inference, and the server may be right. Correct the inference (its evidence in openapi/) or ask PAY.JP. `CONTRACT_STRICT=1` fails on these too.',
      '',
      '| operation | case | request | check | pointer | message | expected | actual | rule | why we believe it |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const r of warned) {
      const request = r.request ? `${r.request.method} ${r.request.path} → ${r.status ?? '?'}` : '';
      for (const w of r.warnings)
        out.push(row(r.operationId, r.name, request, w.check, w.pointer, w.message, json(w.expected), json(w.actual), w.rule, w.reason));
    }
  }
  out.push('', '## Infrastructure failures (not the API: no answer, CDN pages, gateways, a case that threw)', '');
  const infra = results.filter((r) => r.infrastructure.length > 0);
  if (infra.length === 0) out.push('None.');
  else {
    out.push('| operation | case | status | kind | message | body starts with |', '|---|---|---|---|---|---|');
    for (const r of infra) {
      for (const f of r.infrastructure) {
        out.push(row(r.operationId, r.name, f.status ?? 'no answer', f.kind, f.message, f.excerpt));
      }
    }
  }
  out.push('', '## Missing preconditions (not sent: the target lacks what no request can make)', '');
  if (missing.length === 0) out.push('None.');
  else {
    out.push('| operation | case | what is missing |', '|---|---|---|');
    for (const r of missing) out.push(row(r.operationId, r.name, r.missingPrecondition));
  }
  const reasons = skippedByReason(results);
  if (reasons.length > 0) {
    out.push('', '## Skipped cases by reason', '', '| reason | cases |', '|---|---:|');
    for (const [reason, count] of reasons) out.push(row(reason, count));
  }
  const shape = results.filter((r) => r.mode === 'shape-only' || r.mode === 'skipped');
  if (shape.length > 0) {
    out.push('', '## Shape-only and skipped cases', '', '| operation | case | mode | why |', '|---|---|---|---|');
    for (const r of shape) out.push(row(r.operationId, r.name, r.mode, r.note));
  }
  return redact(`${out.join('\n')}\n`);
}

const json = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v)).slice(0, 160);

/**
 * A cell's text as Markdown shows it literally: one line (a line break would end the table and start a heading
 * or an HTML block), and what makes HTML, links, images, code or a new cell backslash-escaped (CommonMark lets
 * any ASCII punctuation be escaped). A server's `code`, request ID or value cannot write into the page.
 */
export const markdownCell = (text: string | number | undefined): string => printable(String(text ?? ''), { oneLine: true }).replace(/[\\`*[\]<>|!~&]/g, '\\$&');

/** A table row of `cells`, each escaped. */
const row = (...cells: (string | number | undefined)[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;
