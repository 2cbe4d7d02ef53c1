// response_headers_conformance: the headers the status requires (Retry-After on 429...) and those the error
// catalog requires with the answered code are present, and an integer header holds a non-negative integer.
import { ERROR_CATALOG, type ErrorCode } from '../../generated/error-catalog.ts';
import type { JsonObject } from '../contract.ts';
import type { Evidence } from '../evidence.ts';
import { CLIENT_SHAPE, type Check, type Finding } from './check.ts';

export const responseHeadersConformance: Check<'response_headers_conformance'> = {
  name: 'response_headers_conformance',
  summary: 'the headers the status and the error code require are present and well-formed',
  run({ status, documented, headers, problemCode }) {
    if (!documented) return [];
    const required = new Map<string, JsonObject>(documented.headers.filter((h) => h.required).map((h) => [h.name, h.schema]));
    for (const name of problemCode ? ERROR_CATALOG[problemCode].headers : []) {
      required.set(name, documented.headers.find((h) => h.name === name)?.schema ?? {});
    }
    const findings: Finding[] = [];
    for (const [name, schema] of required) {
      const value = headers.get(name.toLowerCase());
      const graded = { rule: `${name} with ${problemCode ?? `HTTP ${status}`}`, evidence: headerEvidence(name, status, problemCode) };
      const pointer = `/headers/${name}`;
      if (value === undefined) {
        findings.push({ location: 'header', pointer, message: `required header ${name} is missing`, expected: 'present', actual: undefined, ...graded });
      } else if (schema['type'] === 'integer' && !/^\d+$/.test(value.trim())) {
        findings.push({ location: 'header', pointer, message: `header ${name} must be a non-negative integer`, expected: schema, actual: value, ...graded });
      }
    }
    return findings;
  },
};

/** The evidence of a required header: the catalog's for the code (or for the status's codes that name it). */
function headerEvidence(name: string, status: number, code: ErrorCode | undefined): Evidence {
  const named = [...(code ? [ERROR_CATALOG[code]] : []), ...Object.values(ERROR_CATALOG).filter((def) => def.status === status)];
  const found = named.map((def) => (def.headerEvidence as Record<string, Evidence>)[name]).find((evidence) => evidence !== undefined);
  return found ?? CLIENT_SHAPE;
}
