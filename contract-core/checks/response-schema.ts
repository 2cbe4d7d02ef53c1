// response_schema_conformance: the body against the documented schema of its status and media type (ajv,
// JSON Schema 2020-12). A problem's `code` and `status` values are left to error_code_conformance and
// problem_details_conformance, which say more precisely what is wrong with them.
import type { ErrorObject } from 'ajv/dist/2020.js';
import { PROBLEM_MEDIA_TYPE } from '../conventions.ts';
import type { Evidence } from '../evidence.ts';
import { pointerOf, valueAt } from '../json-pointer.ts';
import { CLIENT_SHAPE, type Check, type Finding } from './check.ts';

/** Keywords that only group others: their sub-errors are reported instead. */
const GROUPING = ['allOf', 'anyOf', 'oneOf', 'if', 'propertyNames'];

export const responseSchemaConformance: Check<'response_schema_conformance'> = {
  name: 'response_schema_conformance',
  summary: 'the body matches the schema documented for the status and media type',
  run({ operation, status, documented, mediaType, body }, { schemaFor }) {
    if (!documented) return [];
    // A body sent under an undocumented media type is still judged, by the schema of its kind of answer.
    const judgedAs = documented.content.has(mediaType)
      ? mediaType
      : [status < 300 ? 'application/json' : PROBLEM_MEDIA_TYPE, ...documented.content.keys()].find((type) => documented.content.has(type));
    const validate = judgedAs === undefined ? undefined : schemaFor(operation, documented.status, judgedAs);
    if (!validate || validate(body)) return [];
    const isProblem = documented.content.has(PROBLEM_MEDIA_TYPE);
    const leftToCatalog = (e: ErrorObject): boolean => isProblem && (e.instancePath === '/code' || e.instancePath === '/status') && e.keyword !== 'type';
    const findings = new Map<string, Finding>();
    for (const error of validate.errors ?? []) {
      if (leftToCatalog(error) || GROUPING.includes(error.keyword)) continue;
      const finding = fromAjv(error, body);
      const key = `${finding.pointer} ${finding.message}`;
      if (!findings.has(key)) findings.set(key, finding);
    }
    return [...findings.values()];
  },
};

/** The evidence of the keyword an ajv error breaks: the schema's `x-evidence` for it, else the client's shape. */
function evidenceOf(error: ErrorObject): Evidence {
  const given = (error.parentSchema as Record<string, unknown> | undefined)?.['x-evidence'] as Record<string, Evidence> | undefined;
  return given?.[error.keyword] ?? CLIENT_SHAPE;
}

/** One ajv error as a finding that says where, what was expected and what came, and which rule it breaks. */
function fromAjv(error: ErrorObject, body: unknown): Finding {
  const params = error.params as Record<string, unknown>;
  const at = { location: 'body' as const, pointer: error.instancePath };
  const graded = { rule: error.keyword === 'format' ? `format ${String(params['format'])}` : `schema ${error.keyword}`, evidence: evidenceOf(error) };
  const actual = valueAt(body, error.instancePath);
  switch (error.keyword) {
    case 'required': {
      const missing = String(params['missingProperty']);
      return {
        ...at,
        pointer: `${error.instancePath}${pointerOf(missing)}`,
        message: `required property '${missing}' is missing`,
        expected: 'present',
        actual: undefined,
        ...graded,
      };
    }
    case 'enum':
      return { ...at, message: 'value is not one of the documented enum values', expected: params['allowedValues'], actual, ...graded };
    case 'const':
      return { ...at, message: `value must be ${JSON.stringify(params['allowedValue'])}`, expected: params['allowedValue'], actual, ...graded };
    case 'type': {
      const kind = actual === null ? 'null' : Array.isArray(actual) ? 'array' : typeof actual;
      return { ...at, message: `must be of type ${String(params['type'])}, got ${kind}`, expected: params['type'], actual, ...graded };
    }
    default:
      return { ...at, message: `${error.keyword}: ${error.message ?? 'invalid'}`, expected: params, actual, ...graded };
  }
}
