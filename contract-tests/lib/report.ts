// What a contract run found, as a console coverage table, a Markdown summary, JUnit XML and JSON in reports/.
// Three kinds of failure, each reported apart: contract violations (the API's), infrastructure failures (no
// answer, an edge page, a gateway, a case that threw) and missing preconditions (an ID no request can make).
// Every string goes through `redact`: no key reaches a report.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Operation } from '../../contract-core/contract.ts';
import { printable } from '../../contract-core/printable.ts';
import { redact } from './keys.ts';
import type { Warning } from './grading.ts';
import type { InfrastructureFailure, Violation } from '../../contract-core/validator.ts';
import { ROOT } from '../../contract-core/files.ts';
import { junitXml, type JUnitCase } from '../../contract-core/junit.ts';

export const REPORTS = join(ROOT, 'reports');

/** live: a real request provoked the answer; shape-only: the target answered a documented example on request
 * (a stateless mock cannot reach that state), so only the shape was checked; skipped: could not be run. */
export type Mode = 'live' | 'shape-only' | 'skipped';

export interface CaseResult {
  operationId: string;
  label: string;
  name: string;
  /** The status the case aims at (`2xx` cases give the documented success status). */
  expectedStatus: number;
  /** The catalog code the case aims at, for errors. */
  expectedCode?: string;
  mode: Mode;
  note?: string;
  request?: { method: string; path: string };
  status?: number;
  requestId?: string;
  violations: Violation[];
  /** Breaches of inferred rules by a remote server: reported apart, they do not fail the case (grading.ts). */
  warnings: Warning[];
  infrastructure: InfrastructureFailure[];
  /** What the case itself expected and did not get (another status, another code). */
  failures: string[];
  /** What the target lacks for this case and the variable that supplies it (CONTRACT_ID_CARD_ID): not sent. */
  missingPrecondition?: string;
}

export const passed = (r: CaseResult): boolean =>
  r.mode !== 'skipped' && r.violations.length === 0 && r.infrastructure.length === 0 && r.failures.length === 0 && r.missingPrecondition === undefined;

const isViolating = (r: CaseResult): boolean => r.violations.length > 0 || r.failures.length > 0;

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

const json = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v)).slice(0, 160);

/**
 * A cell's text as Markdown shows it literally: one line (a line break would end the table and start a heading
 * or an HTML block), and what makes HTML, links, images, code or a new cell backslash-escaped (CommonMark lets
 * any ASCII punctuation be escaped). A server's `code`, request ID or value cannot write into the page.
 */
export const markdownCell = (text: string | number | undefined): string => printable(String(text ?? ''), { oneLine: true }).replace(/[\\`*[\]<>|!~&]/g, '\\$&');

/** A table row of `cells`, each escaped. */
const row = (...cells: (string | number | undefined)[]): string => `| ${cells.map(markdownCell).join(' | ')} |`;

/** A violation in one line, with what was expected and what came, and the check that found it. */
export const violationText = (v: Violation): string =>
  `${v.pointer}: ${v.message} (expected ${JSON.stringify(v.expected)}, actual ${JSON.stringify(v.actual)}) [${v.check}]`;

/** Every warning of a run, one line each (rule, what happened, why the rule is believed), for the console. */
export function warningLines(results: readonly CaseResult[]): string[] {
  return results.flatMap((r) =>
    r.warnings.map((w) => redact(`${r.operationId} ${r.name}: ${w.pointer ? `${w.pointer} ` : ''}${w.message} [inferred rule: ${w.rule}; ${w.reason}]`)),
  );
}

/** The reasons cases were skipped for, most frequent first, with their counts. */
export function skippedByReason(results: readonly CaseResult[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.mode === 'skipped') counts.set(r.note ?? '(no reason given)', (counts.get(r.note ?? '(no reason given)') ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/**
 * JUnit XML (contract-core/junit.ts, the project's one writer): one test suite per operation, one test case per
 * case. A contract violation is a `<failure type="contract">`; an infrastructure failure or a missing
 * precondition, which are not the API's, an `<error>` of that type. The reasons are in the text.
 */
export function junit(operations: readonly Operation[], results: readonly CaseResult[]): string {
  const suites = operations.map((op) => ({
    name: redact(op.label),
    cases: results
      .filter((r) => r.operationId === op.operationId)
      .map((r): JUnitCase => {
        const test = { classname: redact(op.label), name: redact(`${r.name} [${r.mode}]`) };
        if (r.mode === 'skipped') return { ...test, outcome: { kind: 'skipped', message: redact(r.note ?? '') } };
        // Warnings do not fail a case: JUnit has no such outcome, so they go to its output, each with its rule.
        const output =
          r.warnings.length > 0
            ? {
                output: redact(
                  r.warnings.map((w) => `WARNING ${w.pointer ? `${w.pointer}: ` : ''}${w.message} (inferred rule: ${w.rule}; ${w.reason})`).join('\n'),
                ),
              }
            : {};
        if (passed(r)) return { ...test, ...output };
        const reasons = [
          ...(r.missingPrecondition ? [`MISSING PRECONDITION: ${r.missingPrecondition}`] : []),
          ...r.failures,
          ...r.violations.map(violationText),
          ...r.infrastructure.map((f) => `INFRASTRUCTURE ${f.kind}: ${f.message}`),
        ];
        const request = r.request
          ? [`${r.request.method} ${r.request.path} → ${r.status ?? 'no answer'}${r.requestId ? ` (request ${r.requestId})` : ''}`]
          : [];
        const [kind, type] = isViolating(r)
          ? (['failure', 'contract'] as const)
          : r.infrastructure.length > 0
            ? (['error', 'infrastructure'] as const)
            : (['error', 'missing-precondition'] as const);
        return { ...test, outcome: { kind, type, message: redact(reasons[0] ?? ''), text: redact([...request, ...reasons].join('\n')) }, ...output };
      }),
  }));
  return junitXml('contract', suites);
}

/**
 * Every case as JSON, each string redacted before it is quoted (no escaping can split a key from its redaction),
 * object keys included: a server may echo the key as a key of its answer, which a violation's `actual` holds.
 */
export const resultsJson = (results: readonly CaseResult[]): string =>
  JSON.stringify(
    results,
    (_, value: unknown) =>
      typeof value === 'string'
        ? redact(value)
        : value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), item]))
          : value,
    1,
  );

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
