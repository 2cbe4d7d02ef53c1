// What a schema of the contract says of a value, with `$ref`, `allOf`, `anyOf`/`oneOf` and `null` folded in:
// the side of the comparison the SDK's facts are held against.
import { deref, type Json, type JsonObject } from '../contract-core/contract.ts';
import { BOUND_NAMES, type Bounds } from './record.ts';

export interface Shape {
  /** JSON types it admits, `null` aside (empty: any). */
  types: Set<string>;
  format: string | undefined;
  nullable: boolean;
  /** Allowed values other than `null`, if it enumerates them. */
  enum: Json[] | undefined;
  bounds: Bounds;
  /** Each property with every schema given for it (an `allOf` may say more of an inherited one). */
  properties: Map<string, JsonObject[]>;
  required: Set<string>;
  items: JsonObject | undefined;
  /** The component it was read from (`PaymentFlow`), for messages. */
  name: string | undefined;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNullSchema = (s: JsonObject): boolean => s['type'] === 'null' || (Array.isArray(s['enum']) && s['enum'].length === 1 && s['enum'][0] === null);

function empty(): Shape {
  return {
    types: new Set(),
    format: undefined,
    nullable: false,
    enum: undefined,
    bounds: {},
    properties: new Map(),
    required: new Set(),
    items: undefined,
    name: undefined,
  };
}

/** `into` narrowed by `part` (both hold): what `allOf` means. */
function conjoin(into: Shape, part: Shape): void {
  if (part.types.size > 0) into.types = into.types.size === 0 ? part.types : new Set([...into.types].filter((t) => part.types.has(t)));
  into.format ??= part.format;
  into.enum ??= part.enum;
  Object.assign(into.bounds, part.bounds);
  for (const [name, schemas] of part.properties) into.properties.set(name, [...(into.properties.get(name) ?? []), ...schemas]);
  for (const name of part.required) into.required.add(name);
  into.items ??= part.items;
  into.name ??= part.name;
}

/** One of `parts` holds: what `anyOf`/`oneOf` mean (a property is required only if every part requires it). */
function disjoin(parts: Shape[]): Shape {
  if (parts.length === 1) return parts[0]!;
  const shape = empty();
  for (const part of parts) {
    for (const t of part.types) shape.types.add(t);
    shape.nullable ||= part.nullable;
  }
  // A property of several parts is one of theirs.
  for (const name of new Set(parts.flatMap((p) => [...p.properties.keys()]))) {
    const each = parts.flatMap((p) => {
      const schemas = p.properties.get(name);
      return schemas ? [schemas.length === 1 ? schemas[0]! : { allOf: schemas }] : [];
    });
    shape.properties.set(name, [each.length === 1 ? each[0]! : { anyOf: each }]);
  }
  if (parts.some((p) => p.types.size === 0)) shape.types.clear();
  const formats = new Set(parts.map((p) => p.format));
  shape.format = formats.size === 1 ? parts[0]!.format : undefined;
  shape.enum = parts.every((p) => p.enum) ? [...new Set(parts.flatMap((p) => p.enum!))] : undefined;
  shape.required = new Set([...parts[0]!.required].filter((name) => parts.every((p) => p.required.has(name))));
  shape.items = parts.find((p) => p.items)?.items;
  return shape;
}

export function shapeOf(document: JsonObject, node: Json | undefined): Shape {
  // A `$ref` with keywords beside it (OpenAPI 3.1) means both.
  if (isObject(node) && typeof node['$ref'] === 'string' && Object.keys(node).length > 1) {
    const { $ref, ...beside } = node;
    return shapeOf(document, { allOf: [{ $ref }, beside] });
  }
  const ref = isObject(node) && typeof node['$ref'] === 'string' ? node['$ref'].split('/').pop() : undefined;
  const schema = deref(document, node);
  const shape = empty();
  shape.name = ref;
  const type = schema['type'];
  for (const t of Array.isArray(type) ? type : typeof type === 'string' ? [type] : []) {
    if (t === 'null') shape.nullable = true;
    else shape.types.add(String(t));
  }
  if (typeof schema['format'] === 'string') shape.format = schema['format'];
  const values = 'const' in schema ? [schema['const']!] : Array.isArray(schema['enum']) ? schema['enum'] : undefined;
  if (values) {
    if (values.includes(null)) shape.nullable = true;
    shape.enum = values.filter((v) => v !== null);
  }
  for (const bound of BOUND_NAMES) {
    const value = schema[bound];
    if (typeof value === 'number' || typeof value === 'string') (shape.bounds as Record<string, number | string>)[bound] = value;
  }
  if (isObject(schema['properties'])) {
    for (const [name, property] of Object.entries(schema['properties'])) if (isObject(property)) shape.properties.set(name, [property]);
  }
  if (Array.isArray(schema['required'])) for (const name of schema['required']) shape.required.add(String(name));
  if (isObject(schema['items'])) shape.items = schema['items'];
  if (shape.types.size === 0 && (shape.properties.size > 0 || 'additionalProperties' in schema)) shape.types.add('object');
  const allOf = (Array.isArray(schema['allOf']) ? schema['allOf'] : []).map((part) => shapeOf(document, part));
  // Without a type of its own, a conjunction admits null only if each part does.
  if (allOf.length > 0 && type === undefined) shape.nullable = allOf.every((part) => part.nullable);
  for (const part of allOf) conjoin(shape, part);
  const alternatives = [...(Array.isArray(schema['anyOf']) ? schema['anyOf'] : []), ...(Array.isArray(schema['oneOf']) ? schema['oneOf'] : [])];
  if (alternatives.length > 0) {
    const nonNull = alternatives.filter((a) => !isNullSchema(deref(document, a)));
    if (nonNull.length < alternatives.length) shape.nullable = true;
    const either = disjoin(nonNull.map((a) => shapeOf(document, a)));
    shape.nullable ||= either.nullable;
    conjoin(shape, either);
  }
  return shape;
}

/** A property's shape: every schema given for it, all holding. */
export function propertyShape(document: JsonObject, schemas: JsonObject[]): Shape {
  return schemas.length === 1 ? shapeOf(document, schemas[0]) : shapeOf(document, { allOf: schemas });
}

/** The type as a reader would say it: `string (date-time)`, `integer`, `array`, `string or null`. */
export function describeShape(shape: Shape): string {
  const types = shape.types.size === 0 ? 'any' : [...shape.types].join(' or ');
  return `${types}${shape.format ? ` (${shape.format})` : ''}`;
}
