// The classes of drift the suite must catch: each picks, from the bundle, an operation to drift and the
// answers of it to change, and says where the suite must report it (a pointer, or an infrastructure kind).
import { ERROR_CATALOG, ERROR_CODES } from '../../generated/error-catalog.ts';
import { deref, type Contract, type Json, type JsonObject, type Operation } from '../../contract-core/contract.ts';
import { coveredByScenario } from '../lib/suite.ts';
import { PROBLEM_MEDIA_TYPE } from '../../contract-core/conventions.ts';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface DriftClass {
  name: string;
  /** The operation whose answers drift, or why none fits this bundle. */
  target(contract: Contract): Operation | string;
  /** Changes an answer of the target; undefined leaves it as it is. `nth` counts the target's answers. */
  mutate(answer: Answer, operation: Operation, nth: number): Answer | undefined;
  /** What a killing run reports for the target operation. */
  expect: { pointer: string } | { infrastructure: 'non-json-body' | 'gateway-status' };
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The top-level required properties and their schemas of an operation's 200 JSON answer (through allOf). */
function topLevel(contract: Contract, op: Operation): { required: string[]; properties: Record<string, JsonObject> } {
  const out = { required: [] as string[], properties: {} as Record<string, JsonObject> };
  const walk = (node: Json | undefined): void => {
    if (!isObject(node)) return;
    const schema = deref(contract.document, node);
    if (Array.isArray(schema['required'])) out.required.push(...schema['required'].map(String));
    if (isObject(schema['properties'])) {
      for (const [name, prop] of Object.entries(schema['properties'])) out.properties[name] = deref(contract.document, prop);
    }
    if (Array.isArray(schema['allOf'])) schema['allOf'].forEach(walk);
  };
  walk(op.responses.get('200')?.content.get('application/json')?.schema);
  return out;
}

/** Operations answerable on their own (not needing a scenario's state), GETs of one object first. */
const candidates = (contract: Contract): Operation[] =>
  contract.operations.filter((op) => !coveredByScenario.has(op.operationId) && op.method === 'get').sort((a, b) => Number(a.isList) - Number(b.isList));
const pick = (contract: Contract, why: string, test: (op: Operation) => boolean): Operation | string =>
  candidates(contract).find(test) ?? `no operation ${why}`;

const requiredOfType = (contract: Contract, op: Operation, type: string): string | undefined => {
  const { required, properties } = topLevel(contract, op);
  return required.find((name) => properties[name]?.['type'] === type && properties[name]?.['const'] === undefined);
};
const requiredEnum = (contract: Contract, op: Operation): string | undefined => {
  const { required, properties } = topLevel(contract, op);
  return required.find((name) => Array.isArray(properties[name]?.['enum']));
};

const editJson = (answer: Answer, edit: (body: Record<string, unknown>) => void): Answer | undefined => {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return undefined;
  }
  if (!isObject(body)) return undefined;
  edit(body);
  return { ...answer, body: JSON.stringify(body) };
};
const success = (a: Answer): boolean => a.status >= 200 && a.status < 300;
const problemOf =
  (status: number) =>
  (a: Answer): boolean =>
    a.status === status && a.headers['content-type']?.startsWith(PROBLEM_MEDIA_TYPE) === true;
const hasPathId = (op: Operation): boolean => op.parameters.some((p) => p.in === 'path') && op.errors.includes('not_found');

/** The contract says: which field, which pointer. Resolved per bundle, so the classes stay generic. */
export function driftClasses(contract: Contract): DriftClass[] {
  const byId = (op: Operation | string): Operation | undefined => (typeof op === 'string' ? undefined : op);
  const stringTarget = byId(pick(contract, 'with a required string field', (op) => requiredOfType(contract, op, 'string') !== undefined));
  const field = stringTarget ? requiredOfType(contract, stringTarget, 'string')! : 'id';
  const enumTarget = pick(contract, 'with a required enum field', (op) => requiredEnum(contract, op) !== undefined);
  const enumField = typeof enumTarget === 'string' ? 'status' : requiredEnum(contract, enumTarget)!;
  const listTarget = pick(contract, 'that lists', (op) => op.isList && op.errors.includes('resource_missing'));
  const notFoundTarget = pick(contract, 'with an ID in its path', hasPathId);
  /** A 400 code of the catalog the list operation does not answer. */
  const foreign400 = typeof listTarget === 'string' ? undefined : ERROR_CODES.find((c) => ERROR_CATALOG[c].status === 400 && !listTarget.errors.includes(c));
  const other = ERROR_CODES.find((c) => ERROR_CATALOG[c].status !== 404)!;

  return [
    {
      name: 'drop a required field',
      target: () => stringTarget ?? 'no operation with a required field',
      mutate: (a) => (success(a) ? editJson(a, (b) => delete b[field]) : undefined),
      expect: { pointer: `/${field}` },
    },
    {
      name: "change a field's type",
      target: () => stringTarget ?? 'no operation with a required string field',
      mutate: (a) => (success(a) ? editJson(a, (b) => (b[field] = 12345)) : undefined),
      expect: { pointer: `/${field}` },
    },
    {
      name: 'add an enum value the spec lacks',
      target: () => enumTarget,
      mutate: (a) => (success(a) ? editJson(a, (b) => (b[enumField] = 'contract_drift_value')) : undefined),
      expect: { pointer: `/${enumField}` },
    },
    {
      name: 'answer an undocumented status',
      target: () => notFoundTarget,
      mutate: (a) => (success(a) ? { ...a, status: 201 } : undefined),
      expect: { pointer: '/status' },
    },
    {
      name: 'serve an error as application/json',
      target: () => notFoundTarget,
      mutate: (a) => (problemOf(404)(a) ? { ...a, headers: { ...a.headers, 'content-type': 'application/json' } } : undefined),
      expect: { pointer: '/content-type' },
    },
    {
      name: 'drop `code`',
      target: () => notFoundTarget,
      mutate: (a) => (problemOf(404)(a) ? editJson(a, (b) => delete b['code']) : undefined),
      expect: { pointer: '/code' },
    },
    {
      name: 'use an unknown code',
      target: () => notFoundTarget,
      mutate: (a) => (problemOf(404)(a) ? editJson(a, (b) => (b['code'] = 'contract_drift_code')) : undefined),
      expect: { pointer: '/code' },
    },
    {
      name: 'use a code of another status',
      target: () => notFoundTarget,
      mutate: (a) => (problemOf(404)(a) ? editJson(a, (b) => (b['code'] = other)) : undefined),
      expect: { pointer: '/code' },
    },
    {
      name: 'use a code not allowed for the operation',
      target: () => (foreign400 ? listTarget : 'no 400 code outside a list operation'),
      mutate: (a) =>
        problemOf(400)(a) && foreign400
          ? editJson(a, (b) => Object.assign(b, { code: foreign400, type: ERROR_CATALOG[foreign400].type, title: ERROR_CATALOG[foreign400].title }))
          : undefined,
      expect: { pointer: '/code' },
    },
    {
      name: 'answer an HTML error page',
      target: () => notFoundTarget,
      mutate: (a) => ({
        status: 502,
        headers: { ...a.headers, 'content-type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>',
      }),
      expect: { infrastructure: 'non-json-body' },
    },
    {
      // The first answer of each request becomes a 429 without Retry-After; the client's retry goes through.
      name: 'omit Retry-After on 429',
      target: () => notFoundTarget,
      mutate: (a, _, nth) => {
        if (nth % 2 === 1) return undefined;
        const { type, title, status } = ERROR_CATALOG.rate_limit_exceeded;
        const headers = Object.fromEntries(Object.entries(a.headers).filter(([name]) => name !== 'retry-after'));
        return {
          status,
          headers: { ...headers, 'content-type': PROBLEM_MEDIA_TYPE },
          body: JSON.stringify({ type, title, status, code: 'rate_limit_exceeded', detail: 'Too many requests.' }),
        };
      },
      expect: { pointer: '/headers/Retry-After' },
    },
    {
      name: 'break the list envelope (`has_more` missing)',
      target: () => listTarget,
      mutate: (a) => (success(a) ? editJson(a, (b) => delete b['has_more']) : undefined),
      expect: { pointer: '/has_more' },
    },
  ];
}
