// problem_details_conformance: a problem's `status` is the HTTP status, and its `type` and `title` are the
// catalog's for its code (RFC 9457 as PAY.JP publishes it; the titles as PAY.JP writes them).
import { CATALOG_RULES, ERROR_CATALOG, isErrorCode } from '../../generated/error-catalog.ts';
import { PROBLEM_MEDIA_TYPE } from '../conventions.ts';
import type { Evidence } from '../evidence.ts';
import { PUBLISHED, isObject, type Check, type Finding } from './check.ts';

export const problemDetailsConformance: Check<'problem_details_conformance'> = {
  name: 'problem_details_conformance',
  summary: "a problem's status is the HTTP status; its type and title are the catalog's for its code",
  run({ status, documented, body }) {
    if (!documented?.content.has(PROBLEM_MEDIA_TYPE) || !isObject(body)) return [];
    const code = body['code'];
    if (typeof code !== 'string' || !isErrorCode(code)) return []; // error_code_conformance's to report
    const definition = ERROR_CATALOG[code];
    const findings: Finding[] = [];
    const at = (field: string) => ({ location: 'body' as const, pointer: `/${field}`, actual: body[field] });
    if (body['status'] !== status) {
      findings.push({
        ...at('status'),
        message: `problem status must equal the HTTP status ${status}`,
        expected: status,
        rule: 'the problem status is the HTTP status',
        evidence: PUBLISHED,
      });
    }
    if (body['type'] !== definition.type) {
      findings.push({
        ...at('type'),
        message: `type must be the catalog's type of '${code}'`,
        expected: definition.type,
        rule: `the type of ${code}`,
        evidence: PUBLISHED,
      });
    }
    if (body['title'] !== definition.title) {
      const evidence = definition.titleSource === 'inferred' ? (CATALOG_RULES.title_case as Evidence) : { source: definition.titleSource };
      findings.push({
        ...at('title'),
        message: `title must be the catalog's title of '${code}'`,
        expected: definition.title,
        rule: `the title of ${code}`,
        evidence,
      });
    }
    return findings;
  },
};
