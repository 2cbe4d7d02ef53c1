// A small hand-written validator for request bodies and query strings: each check reports
// `{field, message}` with the dot path of the field, and the schema's type is inferred for the handler.
import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Metadata } from '../state/model.ts';
import { type FieldError, validationError } from './errors.ts';

export interface Schema<T, Optional extends boolean = false> {
  readonly optional: Optional;
  check(value: unknown, path: string, errors: FieldError[]): void;
  /** Only carries the type; never set. */
  readonly type?: T;
}
type AnySchema = Schema<unknown, boolean>;
export type Infer<S> = S extends Schema<infer T, boolean> ? T : never;
type Shape = Record<string, AnySchema>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K]['optional'] extends true ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
};

const schema = <T>(check: Schema<T>['check']): Schema<T> => ({ optional: false, check });
const at = (path: string, key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);
const kind = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);

export const optional = <T>(inner: Schema<T>): Schema<T, true> => ({ optional: true, check: inner.check });

export const nullable = <T>(inner: Schema<T>): Schema<T | null> =>
  schema((value, path, errors) => {
    if (value !== null) inner.check(value, path, errors);
  });

export interface StringRules {
  maxLength?: number;
  minLength?: number;
  pattern?: RegExp;
  format?: 'email' | 'uri' | 'date-time';
}
// ajv-formats types every format as any of its shapes; its `date-time` is a `{ validate, compare }` definition.
const isCalendarDateTime = (fullFormats['date-time'] as { validate: (value: string) => boolean }).validate;
const FORMATS = {
  email: { test: (v: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), message: 'value is not a valid email address' },
  uri: { test: (v: string) => URL.canParse(v), message: 'Input should be a valid URL' },
  // RFC 3339 §5.6 with `T`, `Z` and `±hh:mm` as written (its ABNF), and a real calendar time (§5.7: the day
  // exists in that month and year, hours, minutes, seconds and offset in range), checked by ajv-formats, the
  // library the contract tests judge answers with. A leap second is refused: Date cannot hold it.
  'date-time': {
    test: (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(v) && isCalendarDateTime(v) && !Number.isNaN(Date.parse(v)),
    message: 'Input should be a valid datetime (ISO 8601)',
  },
} as const;

export const string = (rules: StringRules = {}): Schema<string> =>
  schema((value, path, errors) => {
    if (typeof value !== 'string') return void errors.push({ field: path, message: 'Input should be a valid string' });
    if (rules.minLength !== undefined && value.length < rules.minLength)
      errors.push({ field: path, message: `String should have at least ${rules.minLength} character${rules.minLength === 1 ? '' : 's'}` });
    if (rules.maxLength !== undefined && value.length > rules.maxLength)
      errors.push({ field: path, message: `String should have at most ${rules.maxLength} characters` });
    if (rules.pattern && !rules.pattern.test(value)) errors.push({ field: path, message: `String should match pattern '${rules.pattern.source}'` });
    if (rules.format && !FORMATS[rules.format].test(value)) errors.push({ field: path, message: FORMATS[rules.format].message });
  });

export const literal = <const V extends string>(...values: V[]): Schema<V> =>
  schema((value, path, errors) => {
    if (!values.includes(value as V)) {
      const options = values.map((v) => `'${v}'`);
      const list = options.length === 1 ? options[0] : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;
      errors.push({ field: path, message: `Input should be ${list}` });
    }
  });

/**
 * An integer. Beyond the safe integers (±(2^53 - 1)) JSON.parse has already rounded the number sent, so
 * such a value is refused rather than stored as some other number.
 */
export const integer = (rules: { min?: number; max?: number } = {}): Schema<number> =>
  schema((value, path, errors) => {
    if (typeof value !== 'number' || !Number.isInteger(value)) return void errors.push({ field: path, message: 'Input should be a valid integer' });
    if (!Number.isSafeInteger(value))
      return void errors.push({ field: path, message: `Input should be an integer from ${Number.MIN_SAFE_INTEGER} to ${Number.MAX_SAFE_INTEGER}` });
    range(value, rules, path, errors);
  });

export const number = (rules: { min?: number; max?: number } = {}): Schema<number> =>
  schema((value, path, errors) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return void errors.push({ field: path, message: 'Input should be a valid number' });
    range(value, rules, path, errors);
  });

function range(value: number, rules: { min?: number; max?: number }, path: string, errors: FieldError[]): void {
  if (rules.min !== undefined && value < rules.min) errors.push({ field: path, message: `Input should be greater than or equal to ${rules.min}` });
  if (rules.max !== undefined && value > rules.max) errors.push({ field: path, message: `Input should be less than or equal to ${rules.max}` });
}

export const boolean = (): Schema<boolean> =>
  schema((value, path, errors) => {
    if (typeof value !== 'boolean') errors.push({ field: path, message: 'Input should be a valid boolean' });
  });

export const array = <T>(item: Schema<T>, rules: { minItems?: number; maxItems?: number } = {}): Schema<T[]> =>
  schema((value, path, errors) => {
    if (!Array.isArray(value)) return void errors.push({ field: path, message: 'Input should be a valid list' });
    if (rules.minItems !== undefined && value.length < rules.minItems)
      errors.push({ field: path, message: `List should have at least ${rules.minItems} item${rules.minItems === 1 ? '' : 's'}` });
    if (rules.maxItems !== undefined && value.length > rules.maxItems)
      errors.push({ field: path, message: `List should have at most ${rules.maxItems} items` });
    value.forEach((entry, index) => item.check(entry, at(path, index), errors));
  });

/** A closed object: unknown fields are refused, required ones reported when missing. */
export const object = <S extends Shape>(shape: S): Schema<ObjectOf<S>> & { readonly shape: S } => ({
  shape,
  ...schema<ObjectOf<S>>((value, path, errors) => {
    if (value === undefined) return void errors.push({ field: path || 'body', message: 'Field required' });
    if (kind(value) !== 'object') return void errors.push({ field: path || 'body', message: 'Input should be a valid dictionary or object' });
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!Object.hasOwn(shape, key)) errors.push({ field: at(path, key), message: 'Extra inputs are not permitted' });
    }
    for (const [key, field] of Object.entries(shape)) {
      if (record[key] === undefined) {
        if (!field.optional) errors.push({ field: at(path, key), message: 'Field required' });
      } else field.check(record[key], at(path, key), errors);
    }
  }),
});

/** The most metadata keys a request may give, and an object may keep. */
export const METADATA_KEYS = 20;
/** Metadata: up to 20 keys of at most 40 characters; a value is any JSON value, a string at most 500 characters. */
export const metadata = (): Schema<Metadata> =>
  schema((value, path, errors) => {
    if (kind(value) !== 'object') return void errors.push({ field: path, message: 'Input should be a valid dictionary' });
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > METADATA_KEYS) errors.push({ field: path, message: `Dictionary should have at most ${METADATA_KEYS} items` });
    for (const [key, entry] of entries) {
      if (key.length > 40) errors.push({ field: at(path, key), message: 'Key should have at most 40 characters' });
      if (typeof entry === 'string' && entry.length > 500) errors.push({ field: at(path, key), message: 'String should have at most 500 characters' });
    }
  });

/** Checks `value` against `schema`; answers 422 `validation_error` with every failing field. */
export function parse<T>(schemaOf: Schema<T, boolean>, value: unknown, path = ''): T {
  const errors: FieldError[] = [];
  schemaOf.check(value, path, errors);
  if (errors.length > 0) throw validationError(errors);
  return value as T;
}
