// The fields of a payload a client reads (a webhook's event, a problem), flattened: `data.id`, `errors[].field`.
// `$ref`s are followed and `allOf` members merged; a field of any `oneOf`/`anyOf` variant counts, required only
// when the schema itself requires it.
import { isObject, objectAt, pointer, type JsonObject } from './json.ts';

export interface Field {
  /** JSON pointer of the field's schema relative to the payload's, allOf merged: `/properties/data/properties/id`. */
  pointer: string;
  /** The JSON types it may have, sorted: `integer`, `null|string`. */
  types: string;
  required: boolean;
  enum: readonly string[] | null;
}

const MAX_DEPTH = 8;

const typesOf = (schema: JsonObject): string[] => {
  const type = schema['type'];
  if (Array.isArray(type)) return type.map(String);
  if (typeof type === 'string') return [type];
  const constant = schema['const'];
  if (constant !== undefined) return [constant === null ? 'null' : Number.isInteger(constant) ? 'integer' : typeof constant];
  return [];
};

/**
 * The properties of allOf's parts: one named by several parts must satisfy each of them (a webhook's `data`
 * is Event's `data` and the resource both), so it becomes their allOf rather than the last part's alone.
 */
function mergedProperties(parts: readonly JsonObject[]): JsonObject {
  const out: JsonObject = {};
  for (const part of parts)
    for (const [key, value] of Object.entries(isObject(part['properties']) ? part['properties'] : {}))
      out[key] = Object.hasOwn(out, key) ? { allOf: [out[key], value] } : value;
  return out;
}

/** A schema's own keywords with its `allOf` members merged in (properties, required, types, enum). */
function merged(document: JsonObject, node: unknown, depth = 0): JsonObject {
  const schema = objectAt(document, node);
  const members = Array.isArray(schema['allOf']) ? schema['allOf'].map((member) => merged(document, member, depth + 1)) : [];
  if (members.length === 0 || depth > MAX_DEPTH) return schema;
  const all = [schema, ...members];
  const variants = (keyword: string): unknown[] => all.flatMap((part) => (Array.isArray(part[keyword]) ? part[keyword] : []));
  return {
    ...Object.assign({}, ...members),
    ...schema,
    properties: mergedProperties(all),
    required: all.flatMap((part) => (Array.isArray(part['required']) ? part['required'] : [])),
    ...(all.some((part) => part['type'] !== undefined || part['const'] !== undefined) ? { type: [...new Set(all.flatMap(typesOf))] } : {}),
    oneOf: variants('oneOf'),
    anyOf: variants('anyOf'),
  };
}

export function fieldsOf(document: JsonObject, schema: unknown): Map<string, Field> {
  const fields = new Map<string, Field>();
  const walk = (node: unknown, name: string, at: string, required: boolean, depth: number): void => {
    const here = merged(document, node);
    if (name !== '') {
      const values = Array.isArray(here['enum']) ? here['enum'].map(String).sort() : null;
      fields.set(name, { pointer: at, types: [...new Set(typesOf(here))].sort().join('|'), required, enum: values });
    }
    if (depth >= MAX_DEPTH) return;
    const needed = new Set(Array.isArray(here['required']) ? here['required'].map(String) : []);
    for (const [key, child] of Object.entries(isObject(here['properties']) ? here['properties'] : {})) {
      walk(child, name === '' ? key : `${name}.${key}`, `${at}${pointer('properties', key)}`, needed.has(key), depth + 1);
    }
    for (const variant of [...((here['oneOf'] as unknown[] | undefined) ?? []), ...((here['anyOf'] as unknown[] | undefined) ?? [])]) {
      const properties = merged(document, variant)['properties'];
      for (const [key, child] of Object.entries(isObject(properties) ? properties : {})) {
        const field = name === '' ? key : `${name}.${key}`;
        if (!fields.has(field)) walk(child, field, `${at}${pointer('properties', key)}`, needed.has(key), depth + 1);
      }
    }
    if (here['items'] !== undefined) walk(here['items'], `${name}[]`, `${at}/items`, true, depth + 1);
  };
  walk(schema, '', '', true, 0);
  return fields;
}

/** What changed for a reader of the payload, field by field. */
export interface FieldChange {
  kind: 'removed' | 'retyped' | 'optional' | 'enum-value-added' | 'added';
  field: string;
  pointer: string;
  detail: string;
}

/** `data.id` → `data`, `errors[].field` → `errors[]`, `errors[]` → `errors`; a top-level field is its own parent. */
const parentOf = (field: string): string => field.replace(/\.[^.]+$|\[\]$/, '');

export function compareFields(before: Map<string, Field>, after: Map<string, Field>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, old] of before) {
    const now = after.get(field);
    if (!now) {
      // A removed object's own fields go with it: report the outermost one.
      const parent = parentOf(field);
      if (parent === field || after.has(parent)) changes.push({ kind: 'removed', field, pointer: old.pointer, detail: `${field} removed` });
      continue;
    }
    if (old.types !== now.types && old.types !== '' && now.types !== '') {
      changes.push({ kind: 'retyped', field, pointer: now.pointer, detail: `${field} retyped ${old.types} → ${now.types}` });
    }
    if (old.required && !now.required) changes.push({ kind: 'optional', field, pointer: now.pointer, detail: `${field} no longer always sent` });
    const added = now.enum?.filter((value) => old.enum !== null && !old.enum.includes(value)) ?? [];
    if (added.length > 0) changes.push({ kind: 'enum-value-added', field, pointer: now.pointer, detail: `${field} may now be ${added.join(', ')}` });
  }
  for (const [field, now] of after) {
    const parent = parentOf(field);
    if (!before.has(field) && (parent === field || before.has(parent))) changes.push({ kind: 'added', field, pointer: now.pointer, detail: `${field} added` });
  }
  return changes;
}
