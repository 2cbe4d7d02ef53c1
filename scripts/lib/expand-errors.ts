// Turns the catalog and each operation's `x-errors` into the problem+json responses of the bundled document.
//
// Operations in openapi/ list only the codes particular to them (`x-errors: [already_refunded]`); the codes
// every operation of a kind answers come from the catalog's `applies_to`. From both this step writes, per
// operation and status, a response whose schema restricts `code` to exactly that operation's codes, so a
// validator rejects a code the operation may not answer. Hand-written 4xx/5xx responses are refused: the
// catalog is their only source.
import { STATUS_CODES } from 'node:http';
import { exampleName, LIST_CURSOR, operationsOf, PROBLEM_MEDIA_TYPE, type OperationRef, WRITE_METHODS } from '../../contract-core/conventions.ts';
import type { AppliesTo, ErrorDefinition, Evidence } from './catalog.ts';
import { byStatus } from './catalog.ts';

type JsonObject = Record<string, unknown>;

/** The example `instance` of shared responses; the mock rewrites it to the request's path. */
const EXAMPLE_INSTANCE = '/v2/payment_flows/pfw_5Rk2Mq8Hn1';

export class SpecError extends Error {
  override name = 'SpecError';
}

/** Names used in the bundle, derived from the status: 404 → `NotFound`, schema `Problem404`. */
const responseName = (status: number): string => (STATUS_CODES[status] ?? `Status${status}`).replace(/[^A-Za-z]/g, '');
export const problemSchemaName = (status: number): string => `Problem${status}`;

function resolveParameter(doc: JsonObject, parameter: JsonObject): JsonObject {
  const ref = parameter['$ref'];
  if (typeof ref !== 'string') return parameter;
  const name = ref.replace('#/components/parameters/', '');
  const found = ((doc['components'] as JsonObject | undefined)?.['parameters'] as JsonObject | undefined)?.[name];
  if (!found) throw new SpecError(`unresolved parameter ${ref}`);
  return found as JsonObject;
}

/** What a catalog rule (`applies_to`) looks at in an operation. */
export interface OperationFacts {
  method: string;
  hasBody: boolean;
  hasPathId: boolean;
  isList: boolean;
}

/** Whether a catalog code's `applies_to` rule covers an operation. */
export function ruleApplies(rule: AppliesTo, facts: OperationFacts): boolean {
  switch (rule) {
    case 'every':
      return true;
    case 'writes':
      return WRITE_METHODS.has(facts.method);
    case 'bodies':
      return facts.hasBody;
    case 'path-ids':
      return facts.hasPathId;
    case 'lists':
      return facts.isList;
  }
}

function applies(rule: AppliesTo, doc: JsonObject, { path, method, operation }: OperationRef): boolean {
  return ruleApplies(rule, {
    method,
    hasBody: operation.requestBody !== undefined,
    hasPathId: path.includes('{'),
    isList: ((operation['parameters'] ?? []) as JsonObject[]).some((p) => resolveParameter(doc, p)['name'] === LIST_CURSOR),
  });
}

/**
 * One `x-errors` entry of openapi/: a bare code is one the client names for the operation (tests/evidence.test.ts
 * holds it to the client's lists); `{code: reason}` is one we add by inference, saying why.
 */
export function readListedCode(entry: unknown): { code: string; evidence: Evidence } | undefined {
  if (typeof entry === 'string') return { code: entry, evidence: { source: 'client' } };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return undefined;
  const pairs = Object.entries(entry);
  if (pairs.length !== 1 || typeof pairs[0]![1] !== 'string' || pairs[0]![1].trim() === '') return undefined;
  return { code: pairs[0]![0], evidence: { source: 'inferred', reason: pairs[0]![1] } };
}

/** Every code an operation may answer, with the evidence of its being listed: the catalog's defaults for its kind plus its own `x-errors`. */
function codesOf(doc: JsonObject, op: OperationRef, catalog: readonly ErrorDefinition[]): Map<ErrorDefinition, Evidence> {
  const listed = op.operation['x-errors'] ?? [];
  const label = `${op.operation.operationId ?? `${op.method.toUpperCase()} ${op.path}`}`;
  if (!Array.isArray(listed)) throw new SpecError(`${label}: x-errors must be a list of error codes`);
  const known = new Map(catalog.map((def) => [def.code, def]));
  const own = new Map<string, Evidence>();
  for (const entry of listed) {
    const read = readListedCode(entry);
    if (!read) throw new SpecError(`${label}: x-errors entry ${JSON.stringify(entry)} is neither a code nor {code: reason}`);
    if (!known.has(read.code)) throw new SpecError(`${label}: x-errors lists '${read.code}', which is not in openapi/errors/catalog.yaml`);
    own.set(read.code, read.evidence);
  }
  const codes = new Map<ErrorDefinition, Evidence>();
  for (const def of catalog) {
    if (own.has(def.code)) codes.set(def, own.get(def.code)!);
    else if (def.appliesTo && applies(def.appliesTo, doc, op)) codes.set(def, def.appliesEvidence!);
  }
  return codes;
}

function exampleValue(def: ErrorDefinition): JsonObject {
  return {
    type: def.type,
    title: def.title,
    status: def.status,
    code: def.code,
    detail: def.detail,
    instance: EXAMPLE_INSTANCE,
    ...(def.errors.length > 0 ? { errors: def.errors } : {}),
  };
}

function headersOf(defs: readonly ErrorDefinition[], shared: JsonObject): JsonObject | undefined {
  const names = [...new Set(defs.flatMap((def) => def.headers))];
  if (names.length === 0) return undefined;
  // The shared header is required; where only some codes of a response send it (409: timeout does,
  // conflict not), the response carries an optional copy.
  return Object.fromEntries(
    names.map((name) => [
      name,
      defs.every((def) => def.headers.includes(name)) ? { $ref: `#/components/headers/${name}` } : { ...(shared[name] as JsonObject), required: false },
    ]),
  );
}

function response(description: string, schema: JsonObject, defs: readonly ErrorDefinition[], shared: JsonObject): JsonObject {
  const headers = headersOf(defs, shared);
  return {
    description,
    ...(headers ? { headers } : {}),
    content: {
      [PROBLEM_MEDIA_TYPE]: {
        schema,
        examples: Object.fromEntries(defs.map((def) => [def.code, { $ref: `#/components/examples/${exampleName(def.code)}` }])),
      },
    },
  };
}

const describe = (defs: readonly ErrorDefinition[]): string =>
  `${responseName(defs[0]!.status).replace(/([a-z])([A-Z])/g, '$1 $2')}: ${defs.map((d) => `\`${d.code}\``).join(', ')}.`;

/** Adds the error components and every operation's error responses to a bundled document, in place. */
export function expandErrors(doc: JsonObject, catalog: readonly ErrorDefinition[]): JsonObject {
  const components = (doc['components'] ??= {}) as Record<string, JsonObject>;
  const schemas = (components['schemas'] ??= {});
  const headers = components['headers'] ?? {};
  for (const name of ['Problem', 'ValidationProblem']) {
    if (!schemas[name]) throw new SpecError(`components.schemas.${name} is missing from openapi/openapi.yaml`);
  }
  for (const def of catalog) {
    for (const name of def.headers) {
      if (!headers[name]) throw new SpecError(`${def.at}: ${def.code} names header ${name}, but components.headers.${name} is missing`);
    }
  }

  const groups = byStatus(catalog);
  // A status's shared response serves only the operations that answer all of its codes: it is emitted when
  // one does (an unused component would document an answer no operation gives).
  const shared = new Map<number, JsonObject>();
  const used = new Set<number>();
  const examples = (components['examples'] ??= {});
  for (const def of catalog) {
    examples[exampleName(def.code)] = { summary: def.title, value: exampleValue(def) };
  }
  for (const [status, defs] of groups) {
    schemas[problemSchemaName(status)] = {
      description: `A problem answered with HTTP ${status}.`,
      allOf: [
        { $ref: `#/components/schemas/${status === 422 ? 'ValidationProblem' : 'Problem'}` },
        {
          type: 'object',
          properties: { status: { const: status }, code: { enum: defs.map((d) => d.code) } },
        },
      ],
    };
    shared.set(status, response(describe(defs), { $ref: `#/components/schemas/${problemSchemaName(status)}` }, defs, headers));
  }

  for (const op of operationsOf(doc)) {
    const label = op.operation.operationId ?? `${op.method.toUpperCase()} ${op.path}`;
    const opResponses = (op.operation['responses'] ??= {}) as JsonObject;
    const handWritten = Object.keys(opResponses).filter((status) => /^[45]/.test(status));
    if (handWritten.length > 0) {
      throw new SpecError(`${label}: declares ${handWritten.join(', ')} by hand; list its codes in x-errors instead (the catalog writes error responses)`);
    }
    const listed = codesOf(doc, op, catalog);
    const codes = [...listed.keys()];
    for (const [status, all] of groups) {
      const defs = all.filter((def) => codes.includes(def));
      if (defs.length === 0) continue;
      if (defs.length === all.length) used.add(status);
      opResponses[String(status)] =
        defs.length === all.length
          ? { $ref: `#/components/responses/${responseName(status)}` }
          : response(
              describe(defs),
              {
                allOf: [
                  { $ref: `#/components/schemas/${problemSchemaName(status)}` },
                  { type: 'object', properties: { code: { enum: defs.map((d) => d.code) } } },
                ],
              },
              defs,
              headers,
            );
    }
    // The complete list, for readers of the bundle (docs, mock, contract tests).
    op.operation['x-errors'] = codes.map((def) => def.code);
    // Why each code is on the list: the client names it, or our inference with its reason.
    op.operation['x-errors-evidence'] = Object.fromEntries([...listed].map(([def, evidence]) => [def.code, evidence]));
  }
  const responses = (components['responses'] ??= {});
  for (const [status, answer] of shared) if (used.has(status)) responses[responseName(status)] = answer;

  return doc;
}

/** Catalog entries no operation of the expanded document answers: each one is a lint error. */
export function unansweredCodes(doc: JsonObject, catalog: readonly ErrorDefinition[]): string[] {
  const answered = new Set(operationsOf(doc).flatMap(({ operation }) => operation['x-errors'] as string[]));
  return catalog
    .filter((def) => !answered.has(def.code))
    .map((def) => `${def.at}: ${def.code} is answered by no operation (list it in an operation's x-errors or give it applies_to)`);
}
