// The request schemas of the bundle as the generator reads them: `$ref`s followed, `allOf` merged into one
// schema, and at a given value the branch of `oneOf`/`anyOf` it takes and the `then` its `if` brings in.
// Whether a value is valid is always ajv's answer on the schema as written (contract-core/spec-schemas.ts):
// this reading only steers generation and the choice of what to break, it never decides validity.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { deref, type Json, type JsonObject } from '../../contract-core/contract.ts';
import { schemaCompiler } from '../../contract-core/spec-schemas.ts';

export type Schema = JsonObject;

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A time compared with the clock (openapi/README.md, "Modelling rules"): `x-time: future`. */
export const TIME_KEY = 'x-time';
/** A rule that depends on stored objects (openapi/README.md): `x-state-rule: "<the rule>"`. */
export const STATE_RULE_KEY = 'x-state-rule';

/** Keywords that say nothing about which values are valid. */
const ANNOTATIONS = new Set(['description', 'example', 'examples', 'default', 'discriminator', 'title', 'deprecated', 'readOnly', 'writeOnly']);

export interface SchemaReader {
  /** `$ref` followed (its siblings kept), `allOf` merged, annotations and `x-` extensions dropped. */
  resolve(node: Json | undefined): Schema;
  /** The schemas a value may be made from: one per `oneOf`/`anyOf` branch, and with and without `if`'s `then`. */
  alternatives(schema: Schema): Schema[];
  /** The schema `value` is valid by: the branch it takes, `then` merged when it meets `if`. */
  at(schema: Schema, value: Json): Schema;
  /** ajv's verdict on the schema as written (compiled once per distinct schema). */
  valid(schema: Json, value: Json): boolean;
}

export function schemaReader(document: JsonObject): SchemaReader {
  const compile = schemaCompiler(document);
  const compiled = new Map<string, ValidateFunction>();

  function valid(schema: Json, value: Json): boolean {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = compile(schema);
      compiled.set(key, validate);
    }
    return validate(value) === true;
  }

  function resolve(node: Json | undefined): Schema {
    if (!isObject(node)) return {};
    const { $ref, ...siblings } = node;
    const base = typeof $ref === 'string' ? merge(resolve(deref(document, { $ref })), clean(siblings)) : clean(node);
    const { allOf, ...rest } = base;
    return Array.isArray(allOf) ? allOf.map(resolve).reduce(merge, rest) : base;
  }

  function clean(node: JsonObject): Schema {
    return Object.fromEntries(
      Object.entries(node).filter(([key]) => !ANNOTATIONS.has(key) && (!key.startsWith('x-') || key === TIME_KEY || key === STATE_RULE_KEY)),
    );
  }

  /** Both schemas at once (what `allOf` means), as one schema: properties merged, the stricter bound kept. */
  function merge(a: Schema, b: Schema): Schema {
    const out: Schema = { ...a, ...b };
    if (isObject(a['properties']) || isObject(b['properties'])) {
      const properties: JsonObject = { ...(isObject(a['properties']) ? a['properties'] : {}) };
      for (const [name, schema] of Object.entries(isObject(b['properties']) ? b['properties'] : {})) {
        properties[name] = properties[name] === undefined ? schema : merge(resolve(properties[name]), resolve(schema));
      }
      out['properties'] = properties;
    }
    if (Array.isArray(a['required']) || Array.isArray(b['required'])) {
      out['required'] = [...new Set([...(Array.isArray(a['required']) ? a['required'] : []), ...(Array.isArray(b['required']) ? b['required'] : [])])];
    }
    // A closed object stays closed whatever `if`/`then` or a branch says about other properties.
    if (a['additionalProperties'] === false || b['additionalProperties'] === false) out['additionalProperties'] = false;
    for (const [keyword, pick] of [
      ['maximum', Math.min],
      ['maxLength', Math.min],
      ['maxItems', Math.min],
      ['maxProperties', Math.min],
      ['minimum', Math.max],
      ['minLength', Math.max],
      ['minItems', Math.max],
    ] as const) {
      if (typeof a[keyword] === 'number' && typeof b[keyword] === 'number') out[keyword] = pick(a[keyword], b[keyword]);
    }
    return out;
  }

  const without = (schema: Schema, ...keys: string[]): Schema => Object.fromEntries(Object.entries(schema).filter(([key]) => !keys.includes(key)));

  function alternatives(schema: Schema): Schema[] {
    const branches = [schema['oneOf'], schema['anyOf']].find(Array.isArray);
    if (branches) {
      const base = without(schema, 'oneOf', 'anyOf');
      return branches.flatMap((branch) => alternatives(merge(base, resolve(branch))));
    }
    if (isObject(schema['if'])) {
      const base = without(schema, 'if', 'then', 'else');
      const then = resolve(schema['then']);
      return [base, merge(base, then)];
    }
    return [schema];
  }

  function at(schema: Schema, value: Json): Schema {
    const branches = [schema['oneOf'], schema['anyOf']].find(Array.isArray);
    if (branches) {
      const base = without(schema, 'oneOf', 'anyOf');
      const options = branches.map((branch) => merge(base, resolve(branch)));
      return at(options.find((option) => valid(option, value)) ?? options[0] ?? base, value);
    }
    if (isObject(schema['if'])) {
      const base = without(schema, 'if', 'then', 'else');
      // `if` is read with the type of the schema it sits in, as ajv's strict mode reads it there.
      const types = typesOf(base);
      const condition: Schema = { ...(types.length > 0 ? { type: types } : {}), allOf: [schema['if']] };
      return valid(condition, value) ? merge(base, resolve(schema['then'])) : base;
    }
    return schema;
  }

  return { resolve, alternatives, at, valid };
}

/** The dot paths of the fields of a body schema that carry `x-state-rule` (objects' properties, any branch). */
export function stateRuleFields(reader: SchemaReader, node: Json, prefix = '', depth = 0): string[] {
  if (depth > 6) return [];
  return reader.alternatives(reader.resolve(node)).flatMap((schema) =>
    Object.entries(isObject(schema['properties']) ? schema['properties'] : {}).flatMap(([name, property]) => {
      const path = prefix === '' ? name : `${prefix}.${name}`;
      const resolved = reader.resolve(property);
      return [...(resolved[STATE_RULE_KEY] !== undefined ? [path] : []), ...stateRuleFields(reader, property, path, depth + 1)];
    }),
  );
}

/** The JSON types a schema allows (`type` as written, or what its keywords imply). */
export function typesOf(schema: Schema): string[] {
  const type = schema['type'];
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return [type];
  if (schema['const'] !== undefined) return [jsonType(schema['const'])];
  if (Array.isArray(schema['enum'])) return [...new Set(schema['enum'].map(jsonType))];
  if (isObject(schema['properties']) || schema['additionalProperties'] !== undefined) return ['object'];
  return [];
}

export function jsonType(value: Json | undefined): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

export { isObject };
