// The response validator: the bundle's schemas compiled once with ajv (JSON Schema 2020-12, strict mode),
// plus the checks a schema cannot express: documented status, media type, required headers, and for
// problems the error catalog (code known, of this status, allowed for this operation, type/title/status).
// Every violation names the rule it breaks and that rule's evidence (published, client, incident or
// inferred: the catalog, the catalog's rules, or the schema's `x-evidence`), so that a run can tell a broken
// fact from a difference with our inference (grading.ts).
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { CATALOG_RULES, ERROR_CATALOG, OPERATION_ERRORS, isErrorCode, type ErrorCode } from '../generated/error-catalog.ts';
import { PROBLEM_MEDIA_TYPE } from './conventions.ts';
import type { Evidence } from './evidence.ts';
import { loadContract, matchOperation, type Contract, type Operation } from './contract.ts';
import { schemaCompiler } from './spec-schemas.ts';

/** Where a violation was found; `pointer` is a JSON pointer into the body for `body`. */
export type Location = 'route' | 'status' | 'content-type' | 'header' | 'body';

export interface Violation {
  location: Location;
  /** JSON pointer into the body, or `/status`, `/content-type`, `/headers/<Name>`, `/route`. */
  pointer: string;
  message: string;
  expected: unknown;
  actual: unknown;
  /** The rule broken (`title of card_declined`, `format uri`, `codes of createCustomer`) and its evidence. */
  rule: string;
  evidence: Evidence;
}

/** The response's shape (types, required fields, nullability, enums) is the client's, checked by tests/fidelity. */
const SHAPE: Evidence = { source: 'client' };
/** RFC 9457 problem details with `type`, `status` and `code` as PAY.JP's error specification publishes them. */
const PUBLISHED: Evidence = { source: 'published' };
const rule = (name: keyof typeof CATALOG_RULES): Evidence => CATALOG_RULES[name] as Evidence;
/** Keywords that only group others: their sub-errors are reported instead. */
const GROUPING = ['allOf', 'anyOf', 'oneOf', 'if', 'propertyNames'];

/** Why a request got no answer: nothing listening, no answer in time, or the connection failed otherwise. */
export type TransportFailure = 'connection-refused' | 'timeout' | 'connection-failed';

/**
 * What went wrong before the contract could be checked: an edge page instead of the API, a gateway; or no
 * answer at all (the connection refused, timed out or cut: client.ts), or a case that threw (runner.ts).
 */
export interface InfrastructureFailure {
  kind: 'non-json-body' | 'gateway-status' | TransportFailure | 'case-error';
  message: string;
  /** The answer's status and media type; absent when there was no answer. */
  status?: number;
  contentType?: string;
  /** The first bytes of the body, to recognise a CDN or WAF page. */
  excerpt?: string;
}

export interface ResponseUnderTest {
  method: string;
  /** Concrete (`/v2/customers/cus_1`) or template (`/v2/customers/{customer_id}`); a full URL is fine. */
  path: string;
  status: number;
  contentType: string | null | undefined;
  headers?: Headers | Record<string, string | readonly string[] | undefined>;
  /** The raw body text (a string is always read as text and parsed) or the parsed JSON value. */
  body: unknown;
}

export interface ValidationResult {
  ok: boolean;
  operationId: string | undefined;
  violations: Violation[];
  infrastructure: InfrastructureFailure[];
}

const GATEWAY_STATUSES = new Set([502, 503, 504]);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const mediaTypeOf = (contentType: string | null | undefined): string =>
  (contentType ?? '').split(';')[0]!.trim().toLowerCase();
const escapePointer = (key: string): string => key.replaceAll('~', '~0').replaceAll('/', '~1');

function lowerCaseHeaders(headers: ResponseUnderTest['headers']): Map<string, string> {
  const map = new Map<string, string>();
  if (headers instanceof Headers) headers.forEach((value, name) => map.set(name.toLowerCase(), value));
  else if (headers) {
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined) map.set(name.toLowerCase(), typeof value === 'string' ? value : value.join(', '));
    }
  }
  return map;
}

function valueAt(body: unknown, pointer: string): unknown {
  if (pointer === '') return body;
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((at, key) => (isObject(at) || Array.isArray(at) ? (at as Record<string, unknown>)[key] : undefined), body);
}

/** The evidence of the keyword an ajv error breaks: the schema's `x-evidence` for it, else the client's shape. */
function evidenceOf(error: ErrorObject): Evidence {
  const given = (error.parentSchema as Record<string, unknown> | undefined)?.['x-evidence'] as Record<string, Evidence> | undefined;
  return given?.[error.keyword] ?? SHAPE;
}

/** One ajv error as a violation that says where, what was expected and what came, and which rule it breaks. */
function fromAjv(error: ErrorObject, body: unknown): Violation {
  const params = error.params as Record<string, unknown>;
  const graded = { rule: error.keyword === 'format' ? `format ${String(params['format'])}` : `schema ${error.keyword}`, evidence: evidenceOf(error) };
  switch (error.keyword) {
    case 'required': {
      const pointer = `${error.instancePath}/${escapePointer(String(params['missingProperty']))}`;
      return { location: 'body', pointer, message: `required property '${String(params['missingProperty'])}' is missing`, expected: 'present', actual: undefined, ...graded };
    }
    case 'enum':
      return { location: 'body', pointer: error.instancePath, message: 'value is not one of the documented enum values', expected: params['allowedValues'], actual: valueAt(body, error.instancePath), ...graded };
    case 'const':
      return { location: 'body', pointer: error.instancePath, message: `value must be ${JSON.stringify(params['allowedValue'])}`, expected: params['allowedValue'], actual: valueAt(body, error.instancePath), ...graded };
    case 'type': {
      const actual = valueAt(body, error.instancePath);
      return { location: 'body', pointer: error.instancePath, message: `must be of type ${String(params['type'])}, got ${actual === null ? 'null' : Array.isArray(actual) ? 'array' : typeof actual}`, expected: params['type'], actual, ...graded };
    }
    default:
      return { location: 'body', pointer: error.instancePath, message: `${error.keyword}: ${error.message ?? 'invalid'}`, expected: params, actual: valueAt(body, error.instancePath), ...graded };
  }
}

export interface Validator {
  contract: Contract;
  validateResponse(response: ResponseUnderTest): ValidationResult;
}

export function createValidator(contract: Contract = loadContract()): Validator {
  const { document, operations } = contract;
  // verbose: each error carries its schema node, whose `x-evidence` grades it.
  const compile = schemaCompiler(document, { verbose: true });

  for (const operation of operations) {
    if (!Object.hasOwn(OPERATION_ERRORS, operation.operationId)) {
      throw new Error(`${operation.label} is missing from generated/error-catalog.ts: run \`npm run gen\``);
    }
  }
  // Keyed by the schema's text: the shared responses (401, 429...) are compiled once for all operations.
  const compiled = new Map<string, ValidateFunction>();
  const byResponse = new Map<string, ValidateFunction>();
  const schemaFor = (operation: Operation, status: string, mediaType: string): ValidateFunction | undefined => {
    const where = `${operation.operationId} ${status} ${mediaType}`;
    const known = byResponse.get(where);
    if (known) return known;
    const media = operation.responses.get(status)?.content.get(mediaType);
    if (!media) return undefined;
    const key = JSON.stringify(media.schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = compile(media.schema);
      compiled.set(key, validate);
    }
    byResponse.set(where, validate);
    return validate;
  };
  // Compile everything now: a schema ajv cannot read fails at start-up, named by operation, not mid-suite.
  for (const operation of operations) {
    for (const [status, response] of operation.responses) {
      for (const mediaType of response.content.keys()) {
        try {
          schemaFor(operation, status, mediaType);
        } catch (error) {
          throw new Error(`${operation.label} response ${status} ${mediaType}: ${(error as Error).message}`);
        }
      }
    }
  }

  function validateResponse(response: ResponseUnderTest): ValidationResult {
    const violations: Violation[] = [];
    const infrastructure: InfrastructureFailure[] = [];
    const mediaType = mediaTypeOf(response.contentType);
    const text = typeof response.body === 'string' ? response.body : undefined;
    const infra = (kind: InfrastructureFailure['kind'], message: string): void => {
      infrastructure.push({ kind, message, status: response.status, contentType: mediaType, excerpt: (text ?? '').slice(0, 120) });
    };
    const result = (operationId: string | undefined): ValidationResult => ({
      ok: violations.length === 0 && infrastructure.length === 0,
      operationId,
      violations,
      infrastructure,
    });

    const matched = matchOperation(operations, response.method, response.path);
    if (!matched) {
      violations.push({ location: 'route', pointer: '/route', message: `no operation ${response.method.toUpperCase()} ${response.path} in the contract`, expected: 'a documented operation', actual: `${response.method.toUpperCase()} ${response.path}`, rule: 'the operations of the client', evidence: SHAPE });
      return result(undefined);
    }
    const { operation } = matched;

    let body: unknown = response.body;
    if (text !== undefined) {
      try {
        body = text === '' ? undefined : JSON.parse(text);
      } catch {
        infra('non-json-body', `the body is not JSON (${mediaType || 'no Content-Type'}): not an answer of the API, probably a CDN or proxy page`);
      }
    }
    const allowed = (OPERATION_ERRORS as Record<string, readonly string[]>)[operation.operationId] ?? [];
    // PAY.JP's published specification answers 503 for temporary failures and maintenance on any operation;
    // only a 503 with a code this operation documents is the contract's to judge.
    const code503 = isObject(body) && isErrorCode(body['code']) && ERROR_CATALOG[body['code']].status === 503 && allowed.includes(body['code']);
    if (response.status === 503 && infrastructure.length === 0 && !code503) {
      infra('gateway-status', `HTTP 503 without a code ${operation.label} documents: maintenance or a temporary failure, which PAY.JP publishes for every operation`);
      return result(operation.operationId);
    }
    const spec = operation.responses.get(String(response.status)) ?? operation.responses.get('default');
    if (!spec) {
      if (GATEWAY_STATUSES.has(response.status)) infra('gateway-status', `HTTP ${response.status} is not documented for ${operation.label}: a gateway or edge answered`);
      else {
        const success = response.status < 300;
        violations.push({
          location: 'status', pointer: '/status', message: `status ${response.status} is not documented for ${operation.label}`, expected: [...operation.responses.keys()], actual: response.status,
          ...(success ? { rule: 'the success status of the client', evidence: SHAPE } : { rule: `the statuses of ${operation.operationId}`, evidence: rule('closed_operation_codes') }),
        });
      }
      return result(operation.operationId);
    }
    if (infrastructure.length > 0) return result(operation.operationId);

    if (!spec.content.has(mediaType)) {
      violations.push({
        location: 'content-type', pointer: '/content-type', message: `Content-Type ${mediaType || '(none)'} is not documented for ${response.status}`, expected: [...spec.content.keys()], actual: response.contentType ?? null,
        ...(response.status < 300 ? { rule: 'JSON answers', evidence: SHAPE } : { rule: 'problems as application/problem+json', evidence: PUBLISHED }),
      });
    }
    const headers = lowerCaseHeaders(response.headers);
    const problemCode = isObject(body) && isErrorCode(body['code']) ? body['code'] : undefined;
    const requiredHeaders = new Map(spec.headers.filter((h) => h.required).map((h) => [h.name, h.schema]));
    for (const name of problemCode ? ERROR_CATALOG[problemCode].headers : []) requiredHeaders.set(name, spec.headers.find((h) => h.name === name)?.schema ?? {});
    for (const [name, schema] of requiredHeaders) {
      const value = headers.get(name.toLowerCase());
      const graded = { rule: `${name} with ${problemCode ?? `HTTP ${response.status}`}`, evidence: headerEvidence(name, response.status, problemCode) };
      if (value === undefined) {
        violations.push({ location: 'header', pointer: `/headers/${name}`, message: `required header ${name} is missing`, expected: 'present', actual: undefined, ...graded });
      } else if (schema['type'] === 'integer' && !/^\d+$/.test(value.trim())) {
        violations.push({ location: 'header', pointer: `/headers/${name}`, message: `header ${name} must be a non-negative integer`, expected: schema, actual: value, ...graded });
      }
    }

    const media = spec.content.get(mediaType) ?? spec.content.get(response.status < 300 ? 'application/json' : PROBLEM_MEDIA_TYPE) ?? [...spec.content.values()][0];
    const validate = media && schemaFor(operation, spec.status, [...spec.content].find(([, m]) => m === media)![0]);
    const isProblem = spec.content.has(PROBLEM_MEDIA_TYPE);
    if (validate && !validate(body)) {
      // A problem's `code` and `status` are checked against the catalog below, with a more precise message.
      const catalogChecked = (e: ErrorObject): boolean => isProblem && (e.instancePath === '/code' || e.instancePath === '/status') && e.keyword !== 'type';
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        if (catalogChecked(error) || GROUPING.includes(error.keyword)) continue;
        const violation = fromAjv(error, body);
        const key = `${violation.pointer} ${violation.message}`;
        if (!seen.has(key)) violations.push(violation);
        seen.add(key);
      }
    }
    if (isProblem && isObject(body)) checkProblem(operation, response.status, body, violations);
    return result(operation.operationId);
  }

  return { contract, validateResponse };
}

/** The evidence of a required header: the catalog's for the code (or for the status's codes that name it). */
function headerEvidence(name: string, status: number, code: ErrorCode | undefined): Evidence {
  const named = [...(code ? [ERROR_CATALOG[code]] : []), ...Object.values(ERROR_CATALOG).filter((def) => def.status === status)];
  const found = named.map((def) => (def.headerEvidence as Record<string, Evidence>)[name]).find((evidence) => evidence !== undefined);
  return found ?? SHAPE;
}

/** A problem against the error catalog: the code exists, belongs to this status and operation, and agrees. */
function checkProblem(operation: Operation, status: number, body: Record<string, unknown>, violations: Violation[]): void {
  const code = body['code'];
  if (typeof code !== 'string') return; // missing or not a string: the schema already said so
  const allowed = (OPERATION_ERRORS as Record<string, readonly string[]>)[operation.operationId] ?? [];
  if (!isErrorCode(code)) {
    violations.push({ location: 'body', pointer: '/code', message: `unknown error code '${code}': not in the error catalog`, expected: allowed.filter((c) => isErrorCode(c) && ERROR_CATALOG[c].status === status), actual: code, rule: 'the codes of the error catalog', evidence: rule('closed_catalog') });
    return;
  }
  const definition = ERROR_CATALOG[code];
  if (definition.status !== status) {
    violations.push({ location: 'body', pointer: '/code', message: `code '${code}' belongs to status ${definition.status}, not ${status}`, expected: definition.status, actual: status, rule: `the status of ${code}`, evidence: codeEvidence(code) });
  } else if (!allowed.includes(code)) {
    violations.push({ location: 'body', pointer: '/code', message: `code '${code}' is not allowed for ${operation.label}`, expected: allowed.filter((c) => isErrorCode(c) && ERROR_CATALOG[c].status === status), actual: code, rule: `the codes of ${operation.operationId}`, evidence: rule('closed_operation_codes') });
  }
  if (body['status'] !== status) {
    violations.push({ location: 'body', pointer: '/status', message: `problem status must equal the HTTP status ${status}`, expected: status, actual: body['status'], rule: 'the problem status is the HTTP status', evidence: PUBLISHED });
  }
  if (body['type'] !== definition.type) {
    violations.push({ location: 'body', pointer: '/type', message: `type must be the catalog's type of '${code}'`, expected: definition.type, actual: body['type'], rule: `the type of ${code}`, evidence: PUBLISHED });
  }
  if (body['title'] !== definition.title) {
    const evidence = definition.titleSource === 'inferred' ? rule('title_case') : { source: definition.titleSource };
    violations.push({ location: 'body', pointer: '/title', message: `title must be the catalog's title of '${code}'`, expected: definition.title, actual: body['title'], rule: `the title of ${code}`, evidence });
  }
}

/** Where a code (its name and status) comes from; a client code's name is our reading of the client's title. */
function codeEvidence(code: ErrorCode): Evidence {
  const def = ERROR_CATALOG[code] as { source: Evidence['source']; reason?: string };
  return { source: def.source, ...(def.reason ? { reason: def.reason } : {}) };
}

let shared: Validator | undefined;
/** The validator over generated/openapi.json, compiled on first use and then reused. */
export function validateResponse(response: ResponseUnderTest): ValidationResult {
  shared ??= createValidator();
  return shared.validateResponse(response);
}
