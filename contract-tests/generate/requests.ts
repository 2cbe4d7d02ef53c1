// The generated requests of one operation, as fast-check arbitraries: positive ones (every part valid by the
// spec: path IDs, query parameters with their `x-parameter-rules`, a body ajv accepts) and negative ones (a
// valid request with one rule broken, and the answer the catalog gives for that kind of break).
import fc from 'fast-check';
import { findCardNumberInBody } from '../../contract-core/card-number.ts';
import type { Json, Operation, Parameter } from '../../contract-core/contract.ts';
import { breachOf, PARAMETER_RULE_CODE } from '../../contract-core/parameter-rules.ts';
import { emptyQueryParameters } from '../../contract-core/query.ts';
import { arbitraryOf, type FieldPath } from './arbitrary.ts';
import { type Break, type BreakKind, breaksOf } from './breaks.ts';
import { isObject, type Schema, type SchemaReader } from './schemas.ts';

/** An ID to be replaced, before sending, by one of an existing object for that path parameter (fixtures.ts). */
export const existing = (parameter: string): string => `<existing ${parameter}>`;
export const placeholderOf = (value: string): string | undefined => /^<existing ([a-z_]+)>$/.exec(value)?.[1];
/** An ID of no object, as the suite writes them (given.ts): its prefix is all a server may check. */
const MISSING_ID = 'contract_missing_generated';

export interface GeneratedRequest {
  params: Record<string, string>;
  /** In order; a list parameter is repeated (`status=a&status=b`, OpenAPI's form style, exploded). */
  query: [string, string][];
  /** Undefined: no body sent. */
  body?: Json;
}

export interface Expected {
  status: number;
  code: string;
  /** The field the answer's `errors[]` must name, or one of `or`. */
  field?: string;
  or?: string[];
  kind: BreakKind | 'parameter-rule';
  what: string;
}

export interface NegativeRequest extends GeneratedRequest {
  expected: Expected;
}

export interface GeneratorContext {
  reader: SchemaReader;
  /** Path parameters whose objects the target has or can make (fixtures.ts), the names ID fields are matched by. */
  idParameters: ReadonlySet<string>;
  /** The test payment methods a card number may be (test-tokens.ts): never a number. */
  cardTokens: readonly string[];
}

const VALIDATION = { status: 422, code: 'validation_error' } as const;

/** A card number is a test token; a field named as an ID parameter is mostly an existing object's ID. */
function special(context: GeneratorContext, mostlyExisting: boolean) {
  return (path: FieldPath, schema: Schema): fc.Arbitrary<Json> | undefined => {
    const name = path.at(-1);
    // A card's number, an Apple Pay token: test tokens only (a number is never sent; the target knows its tokens).
    if ((name === 'number' && path.at(-2) === 'card') || name === 'token') return fc.constantFrom(...context.cardTokens);
    if (typeof name === 'string' && context.idParameters.has(name) && schema['type'] === 'string') {
      return mostlyExisting ? fc.oneof({ arbitrary: fc.constant(existing(name)), weight: 4 }, fc.constant(MISSING_ID)) : fc.constant(existing(name));
    }
    return undefined;
  };
}

const hasCardNumber = (value: Json | undefined): boolean => value !== undefined && findCardNumberInBody(JSON.stringify(value), value) !== undefined;

/**
 * The value the object at the path holds for the body's discriminator (an update of a card payment method
 * takes `type: card`): no OpenAPI keyword relates a body field to the path's object, so the generator reads
 * the object and keeps to its value.
 */
export interface Pinned {
  property: string;
  value: Json;
}

/** A valid body: generated from the schema, kept when ajv accepts it and it carries no card number. */
function validBody(op: Operation, context: GeneratorContext, mostlyExisting: boolean, pinned?: Pinned): fc.Arbitrary<Json> | undefined {
  if (!op.requestBody) return undefined;
  const schema = op.requestBody.schema;
  return arbitraryOf(schema, { reader: context.reader, special: special(context, mostlyExisting) }).filter(
    (body) =>
      context.reader.valid(schema, body) &&
      !hasCardNumber(body) &&
      (pinned === undefined || !isObject(body) || body[pinned.property] === undefined || body[pinned.property] === pinned.value),
  );
}

const queryParameters = (op: Operation): Parameter[] => op.parameters.filter((p) => p.in === 'query');
const asText = (value: Json): string => (typeof value === 'string' ? value : JSON.stringify(value));
const entriesOf = (name: string, value: Json): [string, string][] =>
  Array.isArray(value) ? value.map((item) => [name, asText(item)]) : [[name, asText(value)]];

/**
 * A valid query: each parameter left out more often than not, none breaking a parameter rule, none given an
 * empty value (the spec's request rule 5, contract-core/query.ts: `?name=` is refused, not taken as absent).
 */
function validQuery(op: Operation, context: GeneratorContext): fc.Arbitrary<[string, string][]> {
  const parameters = queryParameters(op);
  const values = parameters.map((p) => {
    const value = arbitraryOf(p.schema, { reader: context.reader, special: special(context, true) }).filter((v) => context.reader.valid(p.schema, v));
    return p.required ? value : fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, value);
  });
  return fc
    .tuple(...values)
    .map((chosen) => parameters.flatMap((p, i) => (chosen[i] === undefined ? [] : entriesOf(p.name, chosen[i]!))))
    .filter((query) => {
      const search = new URLSearchParams(query);
      return breachOf(op.parameterRules, search) === undefined && emptyQueryParameters(search).length === 0 && !query.some(([, v]) => hasCardNumber(v));
    });
}

/** Path IDs: an existing object's, or now and then one of no object (the target must answer it as such). */
function pathParams(op: Operation, mostlyExisting: boolean): fc.Arbitrary<Record<string, string>> {
  const names = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const id = (name: string) =>
    mostlyExisting ? fc.oneof({ arbitrary: fc.constant(existing(name)), weight: 5 }, fc.constant(MISSING_ID)) : fc.constant(existing(name));
  return fc.record(Object.fromEntries(names.map((name) => [name, id(name)])));
}

/** `idsExist`: every ID names an existing object (a chain's creation, which must succeed to go on). */
export function positiveRequests(op: Operation, context: GeneratorContext, pinned?: Pinned, idsExist = false): fc.Arbitrary<GeneratedRequest> {
  const body = validBody(op, context, !idsExist, pinned);
  // An optional body may be left out, or sent as `null`, which is no body there (contract-core/request-body.ts).
  const optionalBody =
    body && !op.requestBody?.required ? fc.oneof({ arbitrary: body, weight: 4 }, fc.constant(undefined), fc.constant(null)) : (body ?? fc.constant(undefined));
  return fc.record({ params: pathParams(op, !idsExist), query: validQuery(op, context), body: optionalBody }).map(({ params, query, body }) => ({
    params,
    query,
    ...(body !== undefined ? { body } : {}),
  }));
}

/** The query breaks of an operation: each parameter given a value its schema refuses, and each parameter rule broken. */
function queryBreaks(op: Operation, context: GeneratorContext): { kind: BreakKind | 'parameter-rule'; entries: [string, string][]; expected: Expected }[] {
  const out: { kind: BreakKind | 'parameter-rule'; entries: [string, string][]; expected: Expected }[] = [];
  for (const p of queryParameters(op)) {
    const schema = context.reader.resolve(p.schema);
    const items = schema['type'] === 'array' ? context.reader.resolve(schema['items']) : schema;
    const candidates: [BreakKind, string][] = [];
    if (items['type'] === 'integer' || items['type'] === 'number') candidates.push(['type', 'not-a-number']);
    if (items['type'] === 'boolean') candidates.push(['type', 'not-a-boolean']);
    if (typeof items['maximum'] === 'number') candidates.push(['bound', String(items['maximum'] + 1)]);
    if (typeof items['minimum'] === 'number') candidates.push(['bound', String(items['minimum'] - 1)]);
    if (Array.isArray(items['enum'])) candidates.push(['enum', 'contract_not_a_value']);
    if (items['format'] === 'date-time') candidates.push(['format', 'not-a-date-time']);
    // Request rule 5: an empty value is refused, whatever the parameter's schema.
    candidates.push(['empty-value', '']);
    for (const [kind, value] of candidates) {
      out.push({ kind, entries: [[p.name, value]], expected: { ...VALIDATION, field: p.name, kind, what: `?${p.name}=${value}` } });
    }
  }
  for (const rule of op.parameterRules) {
    const entries = rule.mutuallyExclusive.map((name): [string, string] => [name, MISSING_ID]);
    out.push({
      kind: 'parameter-rule',
      entries,
      expected: {
        status: 400,
        code: PARAMETER_RULE_CODE,
        kind: 'parameter-rule',
        what: `${rule.mutuallyExclusive.join(' and ')} together (mutuallyExclusive)`,
      },
    });
  }
  return out;
}

/** Picks a kind of break first, then one of its sites: each kind as likely, however many fields a body has. */
function byKind<T extends { kind: string }>(items: readonly T[]): fc.Arbitrary<T> {
  const kinds = [...new Set(items.map((item) => item.kind))];
  return fc.constantFrom(...kinds).chain((kind) => fc.constantFrom(...items.filter((item) => item.kind === kind)));
}

/** Negative requests, or undefined when the operation has nothing to break (only path IDs of any string). */
export function negativeRequests(op: Operation, context: GeneratorContext, pinned?: Pinned): fc.Arbitrary<NegativeRequest> | undefined {
  const query = queryBreaks(op, context);
  const body = validBody(op, context, false, pinned);
  if (!body && query.length === 0) return undefined;
  const base = fc.record({ params: pathParams(op, false), query: validQuery(op, context) });
  const parts: fc.Arbitrary<NegativeRequest>[] = [];
  if (body) {
    const schema = op.requestBody!.schema;
    parts.push(
      fc.tuple(base, body).chain(([request, valid]) => {
        const breaks = breaksOf(context.reader, schema, valid, op.requestBody!.required).filter((b) => !context.reader.valid(schema, b.apply(valid)));
        return byKind(breaks).map((broken: Break) => ({
          ...request,
          body: broken.apply(valid),
          expected: { ...VALIDATION, kind: broken.kind, field: broken.field, ...(broken.or ? { or: broken.or } : {}), what: broken.what },
        }));
      }),
    );
  }
  if (query.length > 0) {
    const example = body ?? fc.constant(undefined);
    parts.push(
      fc.tuple(base, byKind(query), example).map(([request, broken, valid]) => {
        const names = new Set(broken.entries.map(([name]) => name));
        return {
          ...request,
          query: [...request.query.filter(([name]) => !names.has(name)), ...broken.entries],
          ...(valid !== undefined ? { body: valid } : {}),
          expected: broken.expected,
        };
      }),
    );
  }
  return parts.length === 1 ? parts[0]! : fc.oneof(...parts);
}

/** The placeholders of a request replaced by existing objects' IDs (made on the target when needed). */
export async function resolvePlaceholders<T extends Json | undefined>(value: T, idFor: (parameter: string) => Promise<string>): Promise<T> {
  if (typeof value === 'string') {
    const parameter = placeholderOf(value);
    return (parameter ? await idFor(parameter) : value) as T;
  }
  if (Array.isArray(value)) return (await Promise.all(value.map((item) => resolvePlaceholders(item, idFor)))) as T;
  if (isObject(value)) {
    const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await resolvePlaceholders(item, idFor)] as const));
    return Object.fromEntries(entries) as T;
  }
  return value;
}

/** The request as a line of the report (placeholders as they are: `<existing customer_id>`). */
export function describeRequest(op: Operation, request: GeneratedRequest): string {
  const path = op.template.replace(/\{([^}]+)\}/g, (_, name: string) => request.params[name] ?? `{${name}}`);
  const query = request.query.length > 0 ? `?${request.query.map(([k, v]) => `${k}=${v}`).join('&')}` : '';
  const body = request.body === undefined ? '' : ` ${JSON.stringify(request.body)}`;
  return `${op.method.toUpperCase()} ${path}${query}${body}`;
}
