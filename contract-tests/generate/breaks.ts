// The ways to break one rule of a valid request body: a type, a bound, an enum value or a constant, a
// required field, an unknown field of a closed object, a format, a pattern. Each break names the field the
// answer's `errors[]` must name (the catalog's dot path, `body` for the body itself) and is kept only if ajv
// refuses the broken body (requests.ts): a break that another branch of the schema happens to accept is no
// negative case.
import type { Json, JsonObject } from '../../contract-core/contract.ts';
import type { FieldPath } from './arbitrary.ts';
import { isObject, type Schema, type SchemaReader, TIME_KEY, typesOf } from './schemas.ts';

export type BreakKind = 'body-type' | 'type' | 'bound' | 'enum' | 'required' | 'unknown-field' | 'format' | 'pattern' | 'empty-value';

export interface Break {
  kind: BreakKind;
  /** The dot path the answer's `errors[]` must name (`card.exp_month`, `line_items.0.price_id`, `body`). */
  field: string;
  /**
   * Other fields the answer may name instead: a field required by an `if`/`then` may be reported as the one
   * its `if` names (`return_url` without `confirm: true` names either).
   */
  or?: string[];
  /** What was done, for the report: `card.exp_month = 13 (maximum 12)`. */
  what: string;
  /** The body broken. */
  apply(body: Json): Json;
}

export const UNKNOWN_FIELD = 'contract_generated_unknown';
const NOT_IN_ENUM = 'contract_not_a_value';
/** A time surely past whenever the suite runs. */
const PAST = '2000-01-01T00:00:00Z';
const BAD_FORMATS: Record<string, string> = { 'date-time': 'not-a-date-time', uri: 'not a uri', email: 'not-an-email' };
/** A value of each JSON type, for type breaks: the first the schema does not allow is used. */
const OF_TYPE: [string, Json][] = [
  ['string', 'contract'],
  ['integer', 12345],
  ['boolean', true],
  ['object', {}],
  ['array', []],
];
/**
 * What the body itself is replaced by: `null` (the null-body class of issue 27), a list, a string. `null` only
 * where the body is required: where it is optional, `null` is no body (contract-core/request-body.ts).
 */
const BODY_REPLACEMENTS: Json[] = [null, [], 'contract'];

export const fieldOf = (path: FieldPath): string => (path.length === 0 ? 'body' : path.join('.'));

const DELETE = Symbol('delete');
/** `root` with the value at `path` replaced (or deleted), the rest shared. */
function setAt(root: Json, path: FieldPath, value: Json | typeof DELETE): Json {
  if (path.length === 0) return value === DELETE ? null : value;
  const [head, ...rest] = path as [string | number, ...FieldPath];
  if (Array.isArray(root)) return root.map((item, index) => (index === head ? setAt(item, rest, value) : item));
  const object = { ...(root as JsonObject) };
  const next = rest.length === 0 ? value : setAt(object[head] ?? null, rest, value);
  if (next === DELETE) delete object[head];
  else object[head] = next;
  return object;
}

const allows = (schema: Schema, type: string): boolean => {
  const types = typesOf(schema);
  return types.length === 0 || types.includes(type) || (type === 'integer' && types.includes('number'));
};

/** Every break of one rule of `body`, valid by `schema` (the operation's request body schema). */
export function breaksOf(reader: SchemaReader, schema: Json, body: Json, bodyRequired: boolean): Break[] {
  const found: Break[] = BODY_REPLACEMENTS.filter((replacement) => replacement !== null || bodyRequired).map((replacement) => ({
    kind: 'body-type',
    field: 'body',
    what: `the body is ${JSON.stringify(replacement)}`,
    apply: () => replacement,
  }));
  walk(reader, reader.resolve(schema), body, [], found);
  return found;
}

function walk(reader: SchemaReader, resolved: Schema, value: Json, path: FieldPath, found: Break[]): void {
  const schema = reader.at(resolved, value);
  const field = fieldOf(path);
  const add = (kind: BreakKind, what: string, replacement: Json | typeof DELETE, at: FieldPath = path, named = field): void => {
    found.push({ kind, field: named, what, apply: (body) => setAt(body, at, replacement) });
  };
  if (path.length > 0) {
    const wrong = OF_TYPE.find(([type]) => !allows(schema, type) && schema['const'] === undefined);
    if (wrong) add('type', `${field} = ${JSON.stringify(wrong[1])} (${typesOf(schema).join(' or ')} expected)`, wrong[1]);
    if (typesOf(schema).includes('integer') && !typesOf(schema).includes('number')) add('type', `${field} = 1.5 (an integer expected)`, 1.5);
  }
  if (schema['const'] !== undefined) add('enum', `${field} = ${JSON.stringify(NOT_IN_ENUM)} (const ${JSON.stringify(schema['const'])})`, NOT_IN_ENUM);
  else if (Array.isArray(schema['enum']) && schema['enum'].every((v) => typeof v === 'string'))
    add('enum', `${field} = ${JSON.stringify(NOT_IN_ENUM)} (not in its enum)`, NOT_IN_ENUM);

  if (typeof value === 'string') {
    const { maxLength, minLength, format, pattern } = schema;
    if (typeof maxLength === 'number') add('bound', `${field}: ${maxLength + 1} characters (maxLength ${maxLength})`, value.padEnd(maxLength + 1, 'x'));
    if (typeof minLength === 'number' && minLength > 0)
      add('bound', `${field}: ${minLength - 1} characters (minLength ${minLength})`, [...value].slice(0, minLength - 1).join(''));
    if (schema[TIME_KEY] === 'future') add('bound', `${field} = ${PAST} (x-time: future)`, PAST);
    if (typeof format === 'string' && BAD_FORMATS[format])
      add('format', `${field} = ${JSON.stringify(BAD_FORMATS[format])} (format ${format})`, BAD_FORMATS[format]!);
    if (typeof pattern === 'string') {
      const bad = ['!', ' ', ''].find((candidate) => !new RegExp(pattern, 'u').test(candidate));
      if (bad !== undefined) add('pattern', `${field} = ${JSON.stringify(bad)} (pattern ${pattern})`, bad);
    }
  }
  if (typeof value === 'number') {
    const step = typesOf(schema).includes('integer') ? 1 : 0.5;
    if (typeof schema['maximum'] === 'number') add('bound', `${field} = ${schema['maximum'] + step} (maximum ${schema['maximum']})`, schema['maximum'] + step);
    if (typeof schema['minimum'] === 'number') add('bound', `${field} = ${schema['minimum'] - step} (minimum ${schema['minimum']})`, schema['minimum'] - step);
  }
  if (Array.isArray(value)) {
    const { maxItems, minItems } = schema;
    if (typeof maxItems === 'number' && value.length > 0)
      add(
        'bound',
        `${field}: ${maxItems + 1} items (maxItems ${maxItems})`,
        Array.from({ length: maxItems + 1 }, (_, i) => value[i % value.length]!),
      );
    if (typeof minItems === 'number' && minItems > 0) add('bound', `${field}: ${minItems - 1} items (minItems ${minItems})`, value.slice(0, minItems - 1));
    if (value.length > 0) walk(reader, reader.resolve(schema['items']), value[0]!, [...path, 0], found);
  }
  if (isObject(value)) {
    const properties = isObject(schema['properties']) ? schema['properties'] : {};
    const conditional = conditionOf(reader, resolved, schema);
    for (const name of Array.isArray(schema['required']) ? schema['required'].map(String) : []) {
      if (value[name] === undefined) continue;
      const at = [...path, name];
      const or = conditional.has(name) ? conditional.get(name)!.map((other) => fieldOf([...path, other])) : [];
      found.push({
        kind: 'required',
        field: fieldOf(at),
        ...(or.length > 0 ? { or } : {}),
        what: `${fieldOf(at)} left out (required)`,
        apply: (body) => setAt(body, at, DELETE),
      });
    }
    if (schema['additionalProperties'] === false) {
      const at = [...path, UNKNOWN_FIELD];
      add('unknown-field', `${fieldOf(at)} added (a closed object)`, true, at, fieldOf(at));
    }
    if (isObject(schema['additionalProperties'])) mapBreaks(reader, schema, value, path, add);
    for (const [name, item] of Object.entries(value)) {
      if (properties[name] !== undefined) walk(reader, reader.resolve(properties[name]), item, [...path, name], found);
    }
  }
}

/** The fields `then` requires (and `schema`, its `if` met, took on), each with the fields its `if` requires. */
function conditionOf(reader: SchemaReader, resolved: Schema, schema: Schema): Map<string, string[]> {
  if (!isObject(resolved['if']) || schema === resolved) return new Map();
  const names = (node: Json | undefined): string[] => {
    const required = reader.resolve(node)['required'];
    return Array.isArray(required) ? required.map(String) : [];
  };
  const base = new Set(names(resolved));
  return new Map(
    names(resolved['then'])
      .filter((name) => !base.has(name))
      .map((name) => [name, names(resolved['if'])]),
  );
}

/** A map's own rules (metadata): more keys than `maxProperties`, a key longer than `propertyNames` allows. */
function mapBreaks(
  reader: SchemaReader,
  schema: Schema,
  value: JsonObject,
  path: FieldPath,
  add: (kind: BreakKind, what: string, replacement: Json, at?: FieldPath, named?: string) => void,
): void {
  const field = fieldOf(path);
  const sample: Json = 'x';
  if (typeof schema['maxProperties'] === 'number') {
    const more = Object.fromEntries(Array.from({ length: schema['maxProperties'] + 1 }, (_, i) => [`key_${i}`, sample]));
    add('bound', `${field}: ${schema['maxProperties'] + 1} keys (maxProperties ${schema['maxProperties']})`, { ...value, ...more });
  }
  const names = reader.resolve(schema['propertyNames']);
  if (typeof names['maxLength'] === 'number') {
    const key = 'k'.repeat(names['maxLength'] + 1);
    add(
      'bound',
      `${field}: a key of ${key.length} characters (propertyNames maxLength ${names['maxLength']})`,
      sample,
      [...path, key],
      fieldOf([...path, key]),
    );
  }
  const wrong = OF_TYPE.find(([type]) => !allows(reader.resolve(schema['additionalProperties']), type));
  if (wrong) add('type', `${field}.contract_key = ${JSON.stringify(wrong[1])}`, wrong[1], [...path, 'contract_key'], fieldOf([...path, 'contract_key']));
}
