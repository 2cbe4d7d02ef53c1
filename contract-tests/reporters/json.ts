// Every case as JSON, for tools.
import { redact } from '../lib/keys.ts';
import type { CaseResult } from '../lib/result.ts';

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
