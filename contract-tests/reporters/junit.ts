// JUnit XML for CI: a test suite per operation, a test case per case.
import type { Operation } from '../../contract-core/contract.ts';
import { junitXml, type JUnitCase } from '../../contract-core/junit.ts';
import { redact } from '../lib/keys.ts';
import { isViolating, passed, violationText, type CaseResult } from '../lib/result.ts';

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
