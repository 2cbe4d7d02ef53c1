// The bundled contract (generated/openapi.json) read as a list of operations, with `$ref`s to components
// resolved: the one reader of the bundle for the mock, the contract tests, the docs and the build's tests.
import { readFileSync } from 'node:fs';
import { HTTP_METHODS, type HttpMethod, LIST_CURSOR } from './conventions.ts';
import { BUNDLE_FILE } from './files.ts';
import type { Evidence } from './evidence.ts';
import { valueAt } from './json-pointer.ts';
import { PARAMETER_RULES_KEY, readParameterRules, type ParameterRule } from './parameter-rules.ts';

export { BUNDLE_FILE };
export type Method = HttpMethod;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  /** What the operation's success sends: the bare `example`, or the one named as its first success example. */
  example?: Json;
  /** A list filter not named as the field it filters (`x-filter`, openapi/README.md). */
  filter?: ListFilter;
}

export interface ListFilter {
  field: string;
  match: 'one-of' | 'at-or-after' | 'at-or-before';
}

export interface HeaderSpec {
  name: string;
  required: boolean;
  schema: JsonObject;
}

export interface ResponseSpec {
  status: string;
  /** Media type → schema (as written in the bundle, `$ref`s to components left in place) and named examples. */
  content: Map<string, { schema: JsonObject; examples: Map<string, Json> }>;
  headers: HeaderSpec[];
}

export interface Operation {
  operationId: string;
  method: Method;
  template: string;
  /** Where the operation stands in the bundle, for messages: `POST /v2/customers (createCustomer)`. */
  label: string;
  parameters: Parameter[];
  requestBody:
    | {
        required: boolean;
        schema: JsonObject;
        /** The body of the operation's success: the example named as its first success example. */
        example: Json | undefined;
        properties: string[];
        /** Why the body refuses unknown fields (its `x-evidence` for `additionalProperties: false`), if it does. */
        closed: Evidence | undefined;
      }
    | undefined;
  responses: Map<string, ResponseSpec>;
  /** Every error code the operation may answer (`x-errors`). */
  errors: string[];
  /** Why the operation answers each code: the client names it, a catalog rule, or our inference (`x-errors-evidence`). */
  errorEvidence: Record<string, Evidence>;
  /** A list answers a ListEnvelope and takes cursors. */
  isList: boolean;
  /** Relations between its query parameters (`x-parameter-rules`). */
  parameterRules: ParameterRule[];
}

export interface Contract {
  document: JsonObject;
  operations: Operation[];
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/components/...`) until a non-reference object. */
export function deref(document: JsonObject, node: Json | undefined): JsonObject {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops += 1) {
    const ref = current['$ref'];
    if (!ref.startsWith('#/') || hops > 20) throw new Error(`unsupported $ref '${ref}' in ${BUNDLE_FILE}`);
    current = valueAt(document, ref.slice(1)) as Json | undefined;
    if (current === undefined) throw new Error(`dangling $ref '${ref}' in ${BUNDLE_FILE}`);
  }
  if (!isObject(current)) throw new Error(`expected an object in ${BUNDLE_FILE}, got ${JSON.stringify(current)}`);
  return current;
}

/**
 * The example of a node that has a bare `example` or named `examples`: the bare one, else the first named as
 * one of `names` (the operation's success examples; the others are the requests of its errors).
 */
function exampleFor(document: JsonObject, node: JsonObject, names: readonly string[]): Json | undefined {
  if (node['example'] !== undefined) return node['example'];
  const named = isObject(node['examples']) ? node['examples'] : {};
  const name = names.find((n) => named[n] !== undefined);
  return name === undefined ? undefined : deref(document, named[name])['value'];
}

function readParameters(document: JsonObject, list: Json | undefined, successes: readonly string[]): Parameter[] {
  return (Array.isArray(list) ? list : []).map((node) => {
    const p = deref(document, node);
    const example = exampleFor(document, p, successes);
    return {
      name: String(p['name']),
      in: p['in'] as Parameter['in'],
      required: p['required'] === true,
      schema: isObject(p['schema']) ? p['schema'] : {},
      ...(example !== undefined ? { example } : {}),
      ...(isObject(p['x-filter']) ? { filter: p['x-filter'] as unknown as ListFilter } : {}),
    };
  });
}

function readResponse(document: JsonObject, status: string, node: Json): ResponseSpec {
  const response = deref(document, node);
  const content = new Map<string, { schema: JsonObject; examples: Map<string, Json> }>();
  for (const [mediaType, media] of Object.entries(isObject(response['content']) ? response['content'] : {})) {
    if (!isObject(media)) continue;
    const examples = new Map<string, Json>();
    for (const [name, example] of Object.entries(isObject(media['examples']) ? media['examples'] : {})) {
      const value = deref(document, example)['value'];
      if (value !== undefined) examples.set(name, value);
    }
    if (media['example'] !== undefined) examples.set('example', media['example']);
    content.set(mediaType, { schema: isObject(media['schema']) ? media['schema'] : {}, examples });
  }
  const headers = Object.entries(isObject(response['headers']) ? response['headers'] : {}).map(([name, h]) => {
    const header = deref(document, h);
    return { name, required: header['required'] === true, schema: isObject(header['schema']) ? header['schema'] : {} };
  });
  return { status, content, headers };
}

/** The property names a body schema allows, through `$ref`, `allOf`, `oneOf` and `anyOf`. */
function propertiesOf(document: JsonObject, node: Json | undefined): string[] {
  if (!isObject(node)) return [];
  const schema = deref(document, node);
  const own = isObject(schema['properties']) ? Object.keys(schema['properties']) : [];
  const parts = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : []));
  return [...new Set([...own, ...parts.flatMap((part) => propertiesOf(document, part))])];
}

/** The `x-evidence` of a keyword in a body schema, through `$ref`, `allOf`, `oneOf` and `anyOf` (the first found). */
function evidenceOf(document: JsonObject, node: Json | undefined, keyword: string): Evidence | undefined {
  if (!isObject(node)) return undefined;
  const schema = deref(document, node);
  const own = isObject(schema['x-evidence']) ? schema['x-evidence'][keyword] : undefined;
  if (isObject(own)) return own as unknown as Evidence;
  const parts = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : []));
  return parts.map((part) => evidenceOf(document, part, keyword)).find((found) => found !== undefined);
}

export function readContract(document: JsonObject): Contract {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
    if (!isObject(item)) continue;
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = String(op['operationId']);
      const responses = new Map<string, ResponseSpec>();
      for (const [status, response] of Object.entries(isObject(op['responses']) ? op['responses'] : {})) {
        responses.set(status, readResponse(document, status, response));
      }
      // Request examples are named as the response example they produce: the successes' are the defaults.
      const successes = [...responses.values()]
        .filter((r) => r.status.startsWith('2'))
        .flatMap((r) => [...r.content.values()].flatMap((media) => [...media.examples.keys()]));
      const shared = readParameters(document, item['parameters'], successes);
      const own = readParameters(document, op['parameters'], successes);
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const body = op['requestBody'] === undefined ? undefined : deref(document, op['requestBody']);
      const bodyMedia = body && isObject(body['content']) ? body['content']['application/json'] : undefined;
      operations.push({
        operationId,
        method,
        template,
        label: `${method.toUpperCase()} ${template} (${operationId})`,
        parameters,
        requestBody: isObject(bodyMedia)
          ? {
              required: body?.['required'] === true,
              schema: isObject(bodyMedia['schema']) ? bodyMedia['schema'] : {},
              example: exampleFor(document, bodyMedia, successes),
              properties: propertiesOf(document, bodyMedia['schema']),
              closed: evidenceOf(document, bodyMedia['schema'], 'additionalProperties'),
            }
          : undefined,
        responses,
        errors: Array.isArray(op['x-errors']) ? op['x-errors'].map(String) : [],
        errorEvidence: (isObject(op['x-errors-evidence']) ? op['x-errors-evidence'] : {}) as unknown as Record<string, Evidence>,
        isList: parameters.some((p) => p.in === 'query' && p.name === LIST_CURSOR),
        parameterRules: readParameterRules(op[PARAMETER_RULES_KEY], `${BUNDLE_FILE} ${method.toUpperCase()} ${template} (${operationId})`),
      });
    }
  }
  return { document, operations };
}

let cached: Contract | undefined;
/** The bundle as built by `npm run bundle`, read once per process. */
export function loadContract(): Contract {
  cached ??= readContract(JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as JsonObject);
  return cached;
}

/** The spec's example value of a path parameter, for stateless targets. */
export function exampleParam(operation: Operation, name: string): string {
  const example = operation.parameters.find((p) => p.in === 'path' && p.name === name)?.example;
  return typeof example === 'string' ? example : `${name.replace(/_id$/, '')}_example`;
}

/** The operation's path with its parameters filled in, percent-encoded. */
export function fillPath(operation: Operation, params: Record<string, string>): string {
  return operation.template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`${operation.label}: no value for path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The path with every path parameter set to its example in the bundle; throws naming one without. */
export function examplePath(operation: Operation): string {
  const params: Record<string, string> = {};
  for (const p of operation.parameters.filter((p) => p.in === 'path')) {
    if (p.example === undefined) throw new Error(`${operation.label}: path parameter ${p.name} has no example`);
    params[p.name] = String(p.example);
  }
  return fillPath(operation, params);
}

interface Route {
  operation: Operation;
  pattern: URLPattern;
  literals: number;
}
const routeIndex = new WeakMap<readonly Operation[], Map<string, Route[]>>();

/** Routes by method, those with more literal segments first (`/cards/{id}` before `/{id}/attach`). */
function routesOf(operations: readonly Operation[]): Map<string, Route[]> {
  let index = routeIndex.get(operations);
  if (!index) {
    index = new Map();
    for (const operation of operations) {
      const pattern = new URLPattern({ pathname: operation.template.replace(/\{([^}]+)\}/g, ':$1') });
      const literals = operation.template.split('/').filter((part) => part !== '' && !part.startsWith('{')).length;
      index.set(operation.method, [...(index.get(operation.method) ?? []), { operation, pattern, literals }]);
    }
    for (const routes of index.values()) routes.sort((a, b) => b.literals - a.literals);
    routeIndex.set(operations, index);
  }
  return index;
}

/**
 * The operation a concrete path (or a template, or a full URL) calls, with its path parameters decoded;
 * undefined when none matches or a parameter is not valid percent-encoding. Trailing slashes are ignored.
 */
export function matchOperation(
  operations: readonly Operation[],
  method: string,
  path: string,
): { operation: Operation; params: Record<string, string> } | undefined {
  const pathname = (/^https?:\/\//.test(path) ? new URL(path).pathname : (path.split('?')[0] ?? '')).replace(/\/+$/, '');
  for (const route of routesOf(operations).get(method.toLowerCase()) ?? []) {
    const groups = route.pattern.exec({ pathname })?.pathname.groups;
    if (!groups) continue;
    try {
      const params = Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value ?? '')]));
      return { operation: route.operation, params };
    } catch {
      return undefined;
    }
  }
  return undefined;
}
