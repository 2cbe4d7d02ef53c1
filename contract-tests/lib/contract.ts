// The bundled contract (generated/openapi.json) read as a list of operations, with `$ref`s to components
// resolved, so that the validator, the suite, Dredd and the mutation proof all walk the same document.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PARAMETER_RULES_KEY, readParameterRules, type ParameterRule } from '../../contract-core/parameter-rules.ts';
import { GENERATED } from '../../scripts/lib/paths.ts';

export const BUNDLE_FILE = join(GENERATED, 'openapi.json');
export const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
export type Method = (typeof METHODS)[number];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonObject;
  example?: Json;
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
  requestBody: { required: boolean; schema: JsonObject; example: Json | undefined; properties: string[] } | undefined;
  responses: Map<string, ResponseSpec>;
  /** Every error code the operation may answer (`x-errors`). */
  errors: string[];
  /** A list answers a ListEnvelope and takes cursors. */
  isList: boolean;
  /** Relations between its query parameters (`x-parameter-rules`). */
  parameterRules: ParameterRule[];
}

export interface Contract {
  document: JsonObject;
  operations: Operation[];
}

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Follows a local `$ref` (`#/components/...`) until a non-reference object. */
export function deref(document: JsonObject, node: Json | undefined): JsonObject {
  let current = node;
  for (let hops = 0; isObject(current) && typeof current['$ref'] === 'string'; hops += 1) {
    const ref = current['$ref'];
    if (!ref.startsWith('#/') || hops > 20) throw new Error(`unsupported $ref '${ref}' in ${BUNDLE_FILE}`);
    current = ref
      .slice(2)
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
      .reduce<Json | undefined>((at, key) => (isObject(at) ? at[key] : undefined), document);
    if (current === undefined) throw new Error(`dangling $ref '${ref}' in ${BUNDLE_FILE}`);
  }
  if (!isObject(current)) throw new Error(`expected an object in ${BUNDLE_FILE}, got ${JSON.stringify(current)}`);
  return current;
}

function readParameters(document: JsonObject, list: Json | undefined): Parameter[] {
  return (Array.isArray(list) ? list : []).map((node) => {
    const p = deref(document, node);
    return {
      name: String(p['name']),
      in: p['in'] as Parameter['in'],
      required: p['required'] === true,
      schema: isObject(p['schema']) ? p['schema'] : {},
      ...(p['example'] !== undefined ? { example: p['example'] } : {}),
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

/**
 * The body a request sends by default: the first of its named examples (named as the response example it
 * produces, so that example-driven tools pair them), or a bare `example` of an older document.
 */
function requestExample(document: JsonObject, media: JsonObject): Json | undefined {
  const named = isObject(media['examples']) ? Object.values(media['examples']) : [];
  return named.length > 0 ? deref(document, named[0])['value'] : media['example'];
}

/** The property names a body schema allows, through `$ref`, `allOf`, `oneOf` and `anyOf`. */
function propertiesOf(document: JsonObject, node: Json | undefined): string[] {
  if (!isObject(node)) return [];
  const schema = deref(document, node);
  const own = isObject(schema['properties']) ? Object.keys(schema['properties']) : [];
  const parts = ['allOf', 'oneOf', 'anyOf'].flatMap((k) => (Array.isArray(schema[k]) ? schema[k] : []));
  return [...new Set([...own, ...parts.flatMap((part) => propertiesOf(document, part))])];
}

export function readContract(document: JsonObject): Contract {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(isObject(document['paths']) ? document['paths'] : {})) {
    if (!isObject(item)) continue;
    const shared = readParameters(document, item['parameters']);
    for (const method of METHODS) {
      const op = item[method];
      if (!isObject(op)) continue;
      const operationId = String(op['operationId']);
      const own = readParameters(document, op['parameters']);
      const parameters = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
      const body = op['requestBody'] === undefined ? undefined : deref(document, op['requestBody']);
      const bodyMedia = body && isObject(body['content']) ? body['content']['application/json'] : undefined;
      const responses = new Map<string, ResponseSpec>();
      for (const [status, response] of Object.entries(isObject(op['responses']) ? op['responses'] : {})) {
        responses.set(status, readResponse(document, status, response));
      }
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
              example: requestExample(document, bodyMedia),
              properties: propertiesOf(document, bodyMedia['schema']),
            }
          : undefined,
        responses,
        errors: Array.isArray(op['x-errors']) ? op['x-errors'].map(String) : [],
        isList: parameters.some((p) => p.in === 'query' && p.name === 'starting_after'),
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

interface Route {
  operation: Operation;
  /** The template's segments, `undefined` for a `{param}` segment, its name in `names`. */
  literals: (string | undefined)[];
  names: (string | undefined)[];
}
const routeIndex = new WeakMap<readonly Operation[], Map<string, Route[]>>();

/** Routes by `method segment-count`, more literal segments first (`/cards/{id}` before `/{id}/attach`). */
function routesOf(operations: readonly Operation[]): Map<string, Route[]> {
  let index = routeIndex.get(operations);
  if (!index) {
    index = new Map();
    for (const operation of operations) {
      const parts = operation.template.split('/');
      const names = parts.map((part) => /^\{(.+)\}$/.exec(part)?.[1]);
      const route = { operation, literals: parts.map((part, i) => (names[i] === undefined ? part : undefined)), names };
      const key = `${operation.method} ${parts.length}`;
      index.set(key, [...(index.get(key) ?? []), route]);
    }
    const literalCount = (r: Route): number => r.literals.filter((l) => l !== undefined).length;
    for (const routes of index.values()) routes.sort((a, b) => literalCount(b) - literalCount(a));
    routeIndex.set(operations, index);
  }
  return index;
}

/** Turns a concrete path (or a template, or a full URL) into the operation it calls. */
export function matchOperation(
  operations: readonly Operation[],
  method: string,
  path: string,
): { operation: Operation; params: Record<string, string> } | undefined {
  const pathname = (/^https?:\/\//.test(path) ? new URL(path).pathname : path.split('?')[0] ?? '').replace(/\/+$/, '');
  const segments = pathname.split('/');
  for (const route of routesOf(operations).get(`${method.toLowerCase()} ${segments.length}`) ?? []) {
    if (!route.literals.every((literal, i) => (literal === undefined ? segments[i] !== '' : literal === segments[i]))) continue;
    const params: Record<string, string> = {};
    route.names.forEach((name, i) => {
      if (name !== undefined) params[name] = decodeURIComponent(segments[i]!);
    });
    return { operation: route.operation, params };
  }
  return undefined;
}
