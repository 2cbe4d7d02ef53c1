// Response-side faults: what a drifting server answers, applied by the mutating proxy to one operation's
// answers. Each fault says, from the bundle, whether it applies to an operation and where (which field,
// which bound, which code), so a new operation brings its mutants with it.
import { ERROR_CATALOG, ERROR_CODES, type ErrorCode } from '../../generated/error-catalog.ts';
import { deref, type Contract, type Json, type JsonObject, type Operation } from '../../contract-core/contract.ts';
import { PROBLEM_MEDIA_TYPE } from '../../contract-core/conventions.ts';
import type { Answer } from './classes.ts';
import type { Mutate } from './proxy.ts';

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A field of a success body: its path (`*` for every item of an array), its schema, whether it is required. */
export interface Field {
  path: string[];
  schema: JsonObject;
  required: boolean;
}

/** The fields of a schema, through `$ref` and `allOf`, down to the items of `data` (a list's page). */
function fieldsOf(contract: Contract, node: Json | undefined, prefix: string[] = [], depth = 0): Field[] {
  if (!isObject(node) || depth > 2) return [];
  const out: Field[] = [];
  const walk = (n: Json | undefined): void => {
    if (!isObject(n)) return;
    const schema = deref(contract.document, n);
    const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
    if (isObject(schema['properties'])) {
      for (const [name, prop] of Object.entries(schema['properties'])) {
        const resolved = mergeAllOf(contract, prop);
        out.push({ path: [...prefix, name], schema: resolved, required: required.has(name) });
        if (name === 'data' && isObject(resolved['items'])) out.push(...fieldsOf(contract, resolved['items'], [...prefix, name, '*'], depth + 1));
      }
    }
    if (Array.isArray(schema['allOf'])) schema['allOf'].forEach(walk);
  };
  walk(node);
  return out;
}

function mergeAllOf(contract: Contract, node: Json): JsonObject {
  const schema = deref(contract.document, node);
  if (!Array.isArray(schema['allOf'])) return schema;
  return Object.assign({}, ...schema['allOf'].map((part) => mergeAllOf(contract, part)), { ...schema, allOf: undefined });
}

export const successFields = (contract: Contract, op: Operation): Field[] => {
  const ok = [...op.responses.entries()].find(([status]) => /^2/.test(status))?.[1];
  return fieldsOf(contract, ok?.content.get('application/json')?.schema);
};

const types = (schema: JsonObject): string[] =>
  Array.isArray(schema['type']) ? schema['type'].map(String) : typeof schema['type'] === 'string' ? [schema['type']] : [];
const nullable = (schema: JsonObject): boolean =>
  types(schema).includes('null') ||
  (Array.isArray(schema['anyOf']) && schema['anyOf'].some((s) => isObject(s) && s['type'] === 'null')) ||
  schema['const'] === null;
/** A list's items count when the operation lists; its envelope otherwise. */
const preferItems = (op: Operation, fields: Field[]): Field[] => (op.isList ? [...fields.filter((f) => f.path.includes('*')), ...fields] : fields);

/** Sets (or deletes, with `remove`) the value at a field's path, in every item where the path has `*`. */
function setAt(body: unknown, path: readonly string[], value: unknown, remove = false): boolean {
  if (!isObject(body) && !Array.isArray(body)) return false;
  const [head, ...rest] = path;
  if (head === '*') return Array.isArray(body) && body.map((item) => setAt(item, rest, value, remove)).some(Boolean);
  if (!isObject(body) || head === undefined) return false;
  if (rest.length === 0) {
    if (remove) {
      if (!(head in body)) return false;
      delete body[head];
    } else body[head] = value as Json;
    return true;
  }
  return setAt(body[head], rest, value, remove);
}

const editJson = (answer: Answer, edit: (body: JsonObject) => boolean): Answer | undefined => {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return undefined;
  }
  if (!isObject(body) || !edit(body)) return undefined;
  return { ...answer, body: JSON.stringify(body) };
};
const success = (a: Answer): boolean => a.status >= 200 && a.status < 300;
const isProblem = (a: Answer): boolean => a.headers['content-type']?.startsWith(PROBLEM_MEDIA_TYPE) === true;
const onSuccess =
  (edit: (body: JsonObject) => boolean): Mutate =>
  (a) =>
    success(a) ? editJson(a, edit) : undefined;
const onProblem =
  (edit: (body: JsonObject, a: Answer) => boolean): Mutate =>
  (a) =>
    isProblem(a) ? editJson(a, (b) => edit(b, a)) : undefined;
const show = (f: Field): string => f.path.join('.');

/** A value outside one of the field's bounds, and which bound; undefined when the schema states none. */
function breakBound(schema: JsonObject): { bound: string; value: unknown } | undefined {
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  if (num('minimum') !== undefined) return { bound: `minimum ${num('minimum')}`, value: num('minimum')! - 1 };
  if (num('maximum') !== undefined) return { bound: `maximum ${num('maximum')}`, value: num('maximum')! + 1 };
  if (num('exclusiveMinimum') !== undefined) return { bound: `exclusiveMinimum ${num('exclusiveMinimum')}`, value: num('exclusiveMinimum') };
  if (num('maxLength') !== undefined) return { bound: `maxLength ${num('maxLength')}`, value: 'x'.repeat(num('maxLength')! + 1) };
  if (num('minLength') !== undefined && num('minLength')! > 0) return { bound: `minLength ${num('minLength')}`, value: '' };
  if (typeof schema['pattern'] === 'string') return { bound: `pattern ${schema['pattern']}`, value: '!contract drift!' };
  if (schema['format'] === 'date-time') return { bound: 'format date-time', value: 'not a time' };
  if (schema['format'] === 'uri') return { bound: 'format uri', value: 'not a uri' };
  if (schema['format'] === 'email') return { bound: 'format email', value: 'not an email' };
  return undefined;
}

/** A value of another JSON type than any the field allows. */
function wrongType(schema: JsonObject): unknown {
  const allowed = types(schema);
  if (allowed.length === 0) return undefined;
  for (const candidate of [12345, 'contract_drift', true, ['contract_drift'], { contract: 'drift' }] as const) {
    const type = Array.isArray(candidate) ? 'array' : typeof candidate === 'object' ? 'object' : typeof candidate === 'number' ? 'integer' : typeof candidate;
    if (!allowed.includes(type) && !(type === 'integer' && allowed.includes('number'))) return candidate;
  }
  return undefined;
}

/** A catalog code that is not of this status. */
const otherStatusCode = (status: number): ErrorCode => ERROR_CODES.find((c) => ERROR_CATALOG[c].status !== status)!;
/** A catalog code of this status the operation does not answer. */
const foreignCode = (op: Operation, status: number): ErrorCode | undefined =>
  ERROR_CODES.find((c) => ERROR_CATALOG[c].status === status && !op.errors.includes(c));
const asCode = (b: JsonObject, code: ErrorCode): boolean => {
  Object.assign(b, { code, type: ERROR_CATALOG[code].type, title: ERROR_CATALOG[code].title });
  return true;
};

const GATEWAY_PAGE = '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>';

export interface ResponseFault {
  /** A short stable name: part of the mutant's ID. */
  fault: string;
  family: string;
  /** What to change in this operation's answers, with what the mutant means; a string says why it does not apply. */
  plan(
    contract: Contract,
    op: Operation,
  ): (({ mutate: Mutate } | { intercept: (operation: Operation, nth: number) => Answer | undefined }) & { what: string }) | string;
}

const documents = (op: Operation, code: string): boolean => op.errors.includes(code);
const writes = (op: Operation): boolean => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');

/** The first request of the operation answered by a throttling front with this code, without Retry-After (the client's retry passes). */
function throttled(code: ErrorCode): (operation: Operation, nth: number) => Answer | undefined {
  return (_, nth) => {
    if (nth > 0) return undefined;
    const { type, title, status, detail } = ERROR_CATALOG[code];
    return { status, headers: { 'content-type': PROBLEM_MEDIA_TYPE }, body: JSON.stringify({ type, title, status, code, detail }) };
  };
}

/** `retry-after-missing-<status>`: for an operation documenting the code, its first request answered throttled. */
function throttledFault(code: ErrorCode, otherwise: string): ResponseFault {
  const { status } = ERROR_CATALOG[code];
  return {
    fault: `retry-after-missing-${status}`,
    family: 'Retry-After missing',
    plan: (_, op) => (documents(op, code) ? { intercept: throttled(code), what: `the first request answered ${status} without Retry-After` } : otherwise),
  };
}

export const RESPONSE_FAULTS: ResponseFault[] = [
  {
    fault: 'status-undocumented',
    family: 'wrong status',
    plan: (_, op) => {
      const status = [202, 203, 206].find((s) => !op.responses.has(String(s)))!;
      return { mutate: (a) => (success(a) ? { ...a, status } : undefined), what: `success answered ${status}` };
    },
  },
  {
    fault: 'success-media-type',
    family: 'wrong media type',
    plan: () => ({
      mutate: (a) => (success(a) ? { ...a, headers: { ...a.headers, 'content-type': 'text/plain; charset=utf-8' } } : undefined),
      what: 'success served as text/plain',
    }),
  },
  {
    fault: 'problem-media-type',
    family: 'wrong media type',
    plan: () => ({
      mutate: (a) => (isProblem(a) ? { ...a, headers: { ...a.headers, 'content-type': 'application/json' } } : undefined),
      what: 'problem served as application/json',
    }),
  },
  {
    fault: 'required-missing',
    family: 'required field missing',
    plan: (contract, op) => {
      const field = preferItems(op, successFields(contract, op)).find((f) => f.required);
      return field ? { mutate: onSuccess((b) => setAt(b, field.path, undefined, true)), what: `${show(field)} left out` } : 'no required field in the success';
    },
  },
  {
    fault: 'wrong-type',
    family: 'wrong type or null',
    plan: (contract, op) => {
      const field = preferItems(op, successFields(contract, op)).find(
        (f) => f.required && f.schema['const'] === undefined && wrongType(f.schema) !== undefined,
      );
      if (!field) return 'no typed required field';
      const value = wrongType(field.schema);
      return { mutate: onSuccess((b) => setAt(b, field.path, value)), what: `${show(field)} = ${JSON.stringify(value)}` };
    },
  },
  {
    fault: 'null-not-nullable',
    family: 'wrong type or null',
    plan: (contract, op) => {
      const field = preferItems(op, successFields(contract, op)).find(
        (f) => f.required && !nullable(f.schema) && (types(f.schema).length > 0 || '$ref' in f.schema || 'const' in f.schema),
      );
      return field ? { mutate: onSuccess((b) => setAt(b, field.path, null)), what: `${show(field)} = null` } : 'every required field is nullable';
    },
  },
  {
    fault: 'enum-outside',
    family: 'enum value outside the enum',
    plan: (contract, op) => {
      const field = preferItems(op, successFields(contract, op)).find(
        (f) => Array.isArray(f.schema['enum']) && !(f.schema['enum'] as Json[]).includes('contract_drift_value'),
      );
      return field
        ? { mutate: onSuccess((b) => setAt(b, field.path, 'contract_drift_value')), what: `${show(field)} = "contract_drift_value"` }
        : 'no enum field in the success';
    },
  },
  {
    fault: 'bound-broken',
    family: 'bound broken',
    plan: (contract, op) => {
      const field = preferItems(op, successFields(contract, op)).find((f) => f.required && breakBound(f.schema) !== undefined);
      if (!field) return 'no bounded required field in the success';
      const { bound, value } = breakBound(field.schema)!;
      return { mutate: onSuccess((b) => setAt(b, field.path, value)), what: `${show(field)} breaks ${bound}` };
    },
  },
  {
    fault: 'list-has-more-missing',
    family: 'required field missing',
    plan: (_, op) => (op.isList ? { mutate: onSuccess((b) => setAt(b, ['has_more'], undefined, true)), what: 'the page without has_more' } : 'not a list'),
  },
  {
    fault: 'code-missing',
    family: 'problem code',
    plan: () => ({ mutate: onProblem((b) => setAt(b, ['code'], undefined, true)), what: 'problems without code' }),
  },
  {
    fault: 'code-unknown',
    family: 'problem code',
    plan: () => ({ mutate: onProblem((b) => setAt(b, ['code'], 'contract_drift_code')), what: 'problems with a code outside the catalog' }),
  },
  {
    fault: 'code-other-status',
    family: 'problem code',
    plan: () => ({
      mutate: onProblem((b, a) => asCode(b, otherStatusCode(a.status))),
      what: "problems with a catalog code of another status (and that code's type, title)",
    }),
  },
  {
    fault: 'code-not-allowed',
    family: 'problem code',
    plan: (_, op) => {
      const statuses = [...op.responses.keys()].map(Number).filter((s) => s >= 400 && foreignCode(op, s) !== undefined);
      if (statuses.length === 0) return 'every catalog code of its statuses is allowed';
      return {
        mutate: onProblem((b, a) => {
          const code = foreignCode(op, a.status);
          return code !== undefined && asCode(b, code);
        }),
        what: `problems with a code of their status the operation does not answer (statuses ${statuses.join(', ')})`,
      };
    },
  },
  {
    fault: 'problem-type',
    family: 'problem type or title',
    plan: () => ({ mutate: onProblem((b) => setAt(b, ['type'], 'https://example.invalid/contract-drift')), what: 'problems with a type not of their code' }),
  },
  {
    fault: 'problem-title',
    family: 'problem type or title',
    plan: () => ({ mutate: onProblem((b) => setAt(b, ['title'], 'Contract drift')), what: 'problems with a title not of their code' }),
  },
  throttledFault('rate_limit_exceeded', 'no 429'),
  throttledFault('idempotency_infrastructure_error', 'no 503 with a code'),
  {
    fault: 'replayed-header-missing',
    family: 'Idempotent-Replayed missing',
    plan: (_, op) =>
      writes(op)
        ? {
            mutate: (a) => {
              if (a.headers['idempotent-replayed'] === undefined) return undefined;
              const { 'idempotent-replayed': _dropped, ...headers } = a.headers;
              return { ...a, headers };
            },
            what: 'replays without Idempotent-Replayed',
          }
        : 'takes no Idempotency-Key',
  },
  {
    fault: 'html-gateway',
    family: 'HTML gateway page',
    plan: () => ({
      mutate: (a) => ({ status: 502, headers: { ...a.headers, 'content-type': 'text/html; charset=utf-8' }, body: GATEWAY_PAGE }),
      what: 'every answer a 502 HTML page',
    }),
  },
];
