// error_code_conformance: a problem's `code` is in the error catalog, belongs to the answered status, and is
// one the operation may answer (the catalog's closed lists).
import { CATALOG_RULES, ERROR_CATALOG, OPERATION_ERRORS, isErrorCode, type ErrorCode } from '../../generated/error-catalog.ts';
import { PROBLEM_MEDIA_TYPE } from '../conventions.ts';
import type { Evidence } from '../evidence.ts';
import { isObject, type Check } from './check.ts';

export const errorCodeConformance: Check<'error_code_conformance'> = {
  name: 'error_code_conformance',
  summary: "a problem's code is in the catalog, of the status, and allowed for the operation",
  run({ operation, status, documented, body }) {
    if (!documented?.content.has(PROBLEM_MEDIA_TYPE) || !isObject(body)) return [];
    const code = body['code'];
    if (typeof code !== 'string') return []; // missing or not a string: response_schema_conformance says so
    const allowed = (OPERATION_ERRORS as Record<string, readonly string[]>)[operation.operationId] ?? [];
    const ofStatus = allowed.filter((c) => isErrorCode(c) && ERROR_CATALOG[c].status === status);
    const at = { location: 'body' as const, pointer: '/code', actual: code };
    if (!isErrorCode(code)) {
      return [
        {
          ...at,
          message: `unknown error code '${code}': not in the error catalog`,
          expected: ofStatus,
          rule: 'the codes of the error catalog',
          evidence: CATALOG_RULES.closed_catalog as Evidence,
        },
      ];
    }
    const definition = ERROR_CATALOG[code];
    if (definition.status !== status) {
      return [
        {
          ...at,
          message: `code '${code}' belongs to status ${definition.status}, not ${status}`,
          expected: definition.status,
          actual: status,
          rule: `the status of ${code}`,
          evidence: codeEvidence(code),
        },
      ];
    }
    if (!allowed.includes(code)) {
      return [
        {
          ...at,
          message: `code '${code}' is not allowed for ${operation.label}`,
          expected: ofStatus,
          rule: `the codes of ${operation.operationId}`,
          evidence: CATALOG_RULES.closed_operation_codes as Evidence,
        },
      ];
    }
    return [];
  },
};

/** Where a code (its name and status) comes from; a client code's name is our reading of the client's title. */
function codeEvidence(code: ErrorCode): Evidence {
  const def = ERROR_CATALOG[code] as { source: Evidence['source']; reason?: string };
  return { source: def.source, ...(def.reason ? { reason: def.reason } : {}) };
}
