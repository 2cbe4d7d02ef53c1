// The effective code set of each operation and error status: the codes its problem response may carry, that is
// the intersection of every `code` constraint reachable through the schema's `allOf` (the bundle narrows the
// status's catalog enum with the operation's own), the union across `oneOf`/`anyOf`.
import { isObject, objectAt, pointer, type JsonObject } from './json.ts';
import type { CatalogEntry } from './version.ts';
import { operationsOf, PROBLEM_MEDIA_TYPE } from '../../contract-core/conventions.ts';

export interface OperationCodes {
  /** `POST /v2/customers`: how base and head operations are matched. */
  key: string;
  name: string;
  operationId: string | null;
  tag: string | null;
  path: string;
  method: string;
  /** Status → codes; a status whose schema constrains no code maps to null. */
  byStatus: Map<number, Set<string> | null>;
  /** The bundle's complete `x-errors` list, when it has one. */
  listed: readonly string[] | null;
}

const intersect = (a: Set<string>, b: Set<string>): Set<string> => new Set([...a].filter((code) => b.has(code)));

/** The codes a schema admits, or null when it does not constrain `code`. */
function codeSet(document: JsonObject, node: unknown, seen: ReadonlySet<unknown> = new Set()): Set<string> | null {
  const schema = objectAt(document, node);
  if (seen.has(schema)) return null;
  const inside = new Set([...seen, schema]);
  const constraints: Set<string>[] = [];
  const code = isObject(schema['properties']) ? objectAt(document, schema['properties']['code']) : {};
  if (Array.isArray(code['enum'])) constraints.push(new Set(code['enum'].map(String)));
  if (code['const'] !== undefined) constraints.push(new Set([String(code['const'])]));
  for (const member of Array.isArray(schema['allOf']) ? schema['allOf'] : []) {
    const set = codeSet(document, member, inside);
    if (set) constraints.push(set);
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const members = schema[keyword];
    if (!Array.isArray(members)) continue;
    const sets = members.map((member) => codeSet(document, member, inside));
    if (sets.every((set): set is Set<string> => set !== null)) constraints.push(new Set(sets.flatMap((set) => [...set])));
  }
  return constraints.length === 0 ? null : constraints.reduce(intersect);
}

/** Where an operation's response of a status and one of its codes stand: the code's named example. */
export const codePointer = (ops: OperationCodes, status: number, code?: string): string =>
  pointer('paths', ops.path, ops.method, 'responses', String(status), ...(code ? ['content', PROBLEM_MEDIA_TYPE, 'examples', code] : []));

const computed = new WeakMap<JsonObject, Map<string, OperationCodes>>();

/** Every operation's code sets, keyed by `METHOD /path` (computed once per document). */
export function errorCodes(document: JsonObject): Map<string, OperationCodes> {
  const known = computed.get(document);
  if (known) return known;
  const result = new Map<string, OperationCodes>();
  for (const { path, method, operation } of operationsOf(document)) {
    const key = `${method.toUpperCase()} ${path}`;
    const byStatus = new Map<number, Set<string> | null>();
    for (const [status, response] of Object.entries(objectAt(document, operation['responses']))) {
      if (!/^[45]\d\d$/.test(status)) continue;
      const content = objectAt(document, objectAt(document, response)['content']);
      if (!(PROBLEM_MEDIA_TYPE in content)) continue;
      byStatus.set(Number(status), codeSet(document, objectAt(document, content[PROBLEM_MEDIA_TYPE])['schema']));
    }
    const listed = operation['x-errors'];
    result.set(key, {
      key,
      name: operation.operationId ?? key,
      operationId: operation.operationId ?? null,
      tag: (operation['tags'] as string[] | undefined)?.[0] ?? null,
      path,
      method,
      byStatus,
      listed: Array.isArray(listed) ? listed.map(String) : null,
    });
  }
  computed.set(document, result);
  return result;
}

/** The codes of a status: its schema's set, or when it constrains none, every catalog code of that status. */
export const effectiveCodes = (ops: OperationCodes, status: number, catalog: readonly CatalogEntry[]): Set<string> =>
  ops.byStatus.get(status) ?? new Set(catalog.filter((entry) => entry.status === status).map((entry) => entry.code));
