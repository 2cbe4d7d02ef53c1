// A case's result as every report takes it: what the server sent (its values, codes, IDs, pages) bounded in
// length and printable (contract-core/printable.ts), once, where the result is made, so that no reporter can
// forget it. A 2 MB field is an excerpt saying how long it was; ESC, NUL and U+FFFE are `\u{…}` escapes.
import { EXCERPT_CHARS, printable } from '../../contract-core/printable.ts';
import type { CaseResult } from './result.ts';

const line = (text: string): string => printable(text, { oneLine: true });

/** A value of the answer (a violation's `actual`): as it is when short, else its JSON's excerpt; strings and keys printable. */
export function boundedValue(value: unknown): unknown {
  const text = JSON.stringify(value);
  if (text === undefined) return value;
  if (text.length > EXCERPT_CHARS) return line(text);
  return deepPrintable(value);
}

function deepPrintable(value: unknown): unknown {
  if (typeof value === 'string') return line(value);
  if (Array.isArray(value)) return value.map(deepPrintable);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [line(k), deepPrintable(v)]));
  return value;
}

const finding = <T extends { message: string; pointer?: string; expected?: unknown; actual?: unknown }>(f: T): T => ({
  ...f,
  message: line(f.message),
  ...(f.pointer === undefined ? {} : { pointer: line(f.pointer) }),
  ...('expected' in f ? { expected: boundedValue(f.expected) } : {}),
  ...('actual' in f ? { actual: boundedValue(f.actual) } : {}),
});

/** The result with every text of the server's bounded and printable. */
export function boundedResult(result: CaseResult): CaseResult {
  return {
    ...result,
    ...(result.note === undefined ? {} : { note: line(result.note) }),
    ...(result.request ? { request: { method: result.request.method, path: line(result.request.path) } } : {}),
    ...(result.requestId === undefined ? {} : { requestId: line(result.requestId) }),
    ...(result.missingPrecondition === undefined ? {} : { missingPrecondition: line(result.missingPrecondition) }),
    violations: result.violations.map(finding),
    warnings: result.warnings.map(finding),
    failures: result.failures.map(line),
    infrastructure: result.infrastructure.map((f) => ({
      ...f,
      message: line(f.message),
      ...(f.contentType === undefined ? {} : { contentType: line(f.contentType) }),
      ...(f.excerpt === undefined ? {} : { excerpt: printable(f.excerpt, { max: 120, oneLine: true }) }),
    })),
  };
}
