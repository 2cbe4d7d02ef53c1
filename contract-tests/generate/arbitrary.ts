// fast-check arbitraries derived from the bundle's request schemas. They aim at valid values (types, bounds,
// formats, patterns, enums, required and closed objects, `oneOf`/`anyOf` branches, `if`/`then`); the caller
// keeps only what ajv accepts (requests.ts), so a shape read loosely here costs a retry, never a wrong case.
// Two kinds of field are not invented: a card number (the test tokens, never digits: contract-core/card-number.ts)
// and an ID of an object (most often one that exists on the target, written as a placeholder resolved before
// sending, else an invented one, which the target answers as an object that does not exist).
import fc from 'fast-check';
import type { Json } from '../../contract-core/contract.ts';
import { isObject, type Schema, type SchemaReader, TIME_KEY, typesOf } from './schemas.ts';

/** Where a value sits in the body: property names and array indexes from the root. */
export type FieldPath = (string | number)[];

export interface ArbitraryOptions {
  reader: SchemaReader;
  /** A value for a field that must not be invented freely (a card number, an object's ID), or undefined. */
  special?(path: FieldPath, schema: Schema): fc.Arbitrary<Json> | undefined;
}

/** Longest string or array generated where the schema sets no bound: long enough to matter, short to send. */
const FREE_LENGTH = 24;
const FREE_ITEMS = 3;
const FREE_KEYS = 3;
const HOUR_MS = 3_600_000;
/** Dates anywhere in this century: no date the generator makes depends on today, but those `x-time: future` asks for. */
const DATES = { min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true };

export function arbitraryOf(node: Json | undefined, options: ArbitraryOptions, path: FieldPath = []): fc.Arbitrary<Json> {
  const schema = options.reader.resolve(node);
  const special = options.special?.(path, schema);
  if (special) return special;
  const alternatives = options.reader.alternatives(schema);
  if (alternatives.length > 1) return fc.oneof(...alternatives.map((alternative) => plain(alternative, options, path)));
  return plain(schema, options, path);
}

function plain(schema: Schema, options: ArbitraryOptions, path: FieldPath): fc.Arbitrary<Json> {
  if (schema['const'] !== undefined) return fc.constant(schema['const']);
  if (Array.isArray(schema['enum'])) return fc.constantFrom(...schema['enum']);
  const types = typesOf(schema);
  const arbitraries = (types.length > 0 ? types : ['string', 'integer', 'boolean', 'object']).map((type) => ofType(type, schema, options, path));
  return arbitraries.length === 1 ? arbitraries[0]! : fc.oneof(...arbitraries);
}

const numberOr = (value: Json | undefined, fallback: number): number => (typeof value === 'number' ? value : fallback);

function ofType(type: string, schema: Schema, options: ArbitraryOptions, path: FieldPath): fc.Arbitrary<Json> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return fc.integer({
        min: Math.max(numberOr(schema['minimum'], -1_000_000), Number.MIN_SAFE_INTEGER),
        max: Math.min(numberOr(schema['maximum'], 1_000_000), Number.MAX_SAFE_INTEGER),
      });
    case 'number':
      return fc.double({ min: numberOr(schema['minimum'], -1_000_000), max: numberOr(schema['maximum'], 1_000_000), noNaN: true, noDefaultInfinity: true });
    case 'string':
      return stringOf(schema);
    case 'array': {
      const minLength = numberOr(schema['minItems'], 0);
      const maxLength = Math.max(minLength, Math.min(numberOr(schema['maxItems'], FREE_ITEMS), minLength + FREE_ITEMS));
      return fc.array(arbitraryOf(schema['items'], options, [...path, 0]), { minLength, maxLength });
    }
    default:
      return objectOf(schema, options, path);
  }
}

function stringOf(schema: Schema): fc.Arbitrary<Json> {
  const minLength = numberOr(schema['minLength'], 0);
  const maxLength = Math.max(minLength, Math.min(numberOr(schema['maxLength'], FREE_LENGTH), minLength + 200));
  const fits = (value: string): boolean => [...value].length >= minLength && [...value].length <= maxLength;
  switch (schema['format']) {
    case 'date-time':
      // `x-time: future`: an hour (the request is sent within it) to ten years after now; the seed fixes the offset.
      if (schema[TIME_KEY] === 'future')
        return fc.integer({ min: HOUR_MS, max: 3650 * 24 * HOUR_MS }).map((offset) => new Date(Date.now() + offset).toISOString());
      return fc.date(DATES).map((date) => date.toISOString());
    case 'uri':
      return fc.webUrl({ validSchemes: ['https'] }).filter(fits);
    case 'email':
      return fc.emailAddress().filter(fits);
  }
  if (typeof schema['pattern'] === 'string') return fc.stringMatching(new RegExp(schema['pattern'], 'u')).filter(fits);
  // Whole graphemes of any script (a Japanese name, an emoji): lengths are counted in characters, as JSON Schema does.
  return fc.string({ unit: 'grapheme', minLength, maxLength }).filter(fits);
}

function objectOf(schema: Schema, options: ArbitraryOptions, path: FieldPath): fc.Arbitrary<Json> {
  const properties = isObject(schema['properties']) ? schema['properties'] : {};
  const required = new Set((Array.isArray(schema['required']) ? schema['required'] : []).map(String));
  const record = fc.record(Object.fromEntries(Object.entries(properties).map(([name, node]) => [name, arbitraryOf(node, options, [...path, name])])), {
    requiredKeys: Object.keys(properties).filter((name) => required.has(name)),
  }) as fc.Arbitrary<Record<string, Json>>;
  const extra = schema['additionalProperties'];
  if (!isObject(extra)) return record;
  // A map (metadata): keys by `propertyNames`, values by `additionalProperties`, at most `maxProperties`.
  const maxKeys = Math.min(numberOr(schema['maxProperties'], FREE_KEYS), FREE_KEYS);
  const names = stringOf({ minLength: 1, ...options.reader.resolve(schema['propertyNames']) }) as fc.Arbitrary<string>;
  const entries = fc.dictionary(names, arbitraryOf(extra, options, [...path, '*']), { maxKeys });
  return fc.tuple(record, entries).map(([known, more]) => ({ ...more, ...known }));
}
