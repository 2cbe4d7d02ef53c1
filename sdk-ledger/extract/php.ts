// Reads the facts the PHP SDK (openapi-generator's php-nextgen output) states: a model file
// (lib/Model/<Model>.php) and an API file (lib/Api/<Group>Api.php). Pure functions over the file's text.
import type { Bounds, FieldFacts, QueryFacts, TypeRef } from '../record.ts';

export type PhpModel = { kind: 'object'; fields: FieldFacts[]; discriminator?: string } | { kind: 'enum'; values: string[] };

export interface PhpOperation {
  operationId: string;
  method: string;
  path: string;
  requestModel?: string;
  query: Omit<QueryFacts, 'from'>[];
  /** Each documented status with the model of its body. */
  statuses: { status: string; model?: string }[];
}

const MODEL_PREFIX = /^\\?PAYJPV2\\Model\\/;

/** A PHP type as the generator writes it (`int`, `\DateTime`, `\PAYJPV2\Model\X[]`, `array<string,mixed>`). */
export function phpType(raw: string, format: string | null, where: string): TypeRef {
  const type = raw.replace(/\|null$/, '');
  if (type.endsWith('[]')) return { type: 'array', items: phpType(type.slice(0, -2), null, where) };
  if (MODEL_PREFIX.test(type)) return { type: 'model', model: type.replace(MODEL_PREFIX, '') };
  switch (type) {
    case 'string':
      return format ? { type: 'string', format } : { type: 'string' };
    case '\\DateTime':
      return { type: 'string', format: format ?? 'date-time' };
    case 'int':
      return { type: 'integer' };
    case 'float':
      return { type: 'number' };
    case 'bool':
      return { type: 'boolean' };
    case 'mixed':
      return { type: 'any' };
    case 'object':
      return { type: 'object' };
  }
  if (/^array<string,\s*[^>]+>$/.test(type)) return { type: 'object' };
  throw new Error(`${where}: unknown PHP type '${raw}'`);
}

/** The text of a PHP double-quoted string literal's content, escapes undone. */
function unquoteDouble(text: string): string {
  return text.replace(/\\([\\$"])/g, '$1');
}

/** `protected static $name = [ 'a' => 'b', ... ];` as a map (values: string, null, true, false). */
function phpArray(source: string, name: string, where: string): Map<string, string | boolean | null> {
  const match = new RegExp(`\\$${name}\\s*=\\s*\\[([\\s\\S]*?)\\n\\s*\\];`).exec(source);
  if (!match) throw new Error(`${where}: no $${name} array`);
  const entries = new Map<string, string | boolean | null>();
  for (const [, key, value] of match[1]!.matchAll(/'([^']+)'\s*=>\s*('(?:[^'\\]|\\.)*'|null|true|false)\s*,/g)) {
    entries.set(key!, value === 'null' ? null : value === 'true' ? true : value === 'false' ? false : value!.slice(1, -1).replace(/\\\\/g, '\\'));
  }
  return entries;
}

/** The body of the PHP function `name`, up to the next function. */
function functionBody(source: string, name: string): string | undefined {
  const start = source.search(new RegExp(`function ${name}\\(`));
  if (start < 0) return undefined;
  const next = source.slice(start + 1).search(/\n\s*(public|private|protected)\s+(static\s+)?function /);
  return next < 0 ? source.slice(start) : source.slice(start, start + 1 + next);
}

/** The bound a comparison in a generated check states: `x > 12` means "maximum 12", and so on. */
function boundOf(measure: 'value' | 'length' | 'count', operator: string, limit: string): [keyof Bounds, number] | undefined {
  const n = Number(limit);
  const names: Record<string, Record<string, keyof Bounds>> = {
    value: { '>': 'maximum', '>=': 'exclusiveMaximum', '<': 'minimum', '<=': 'exclusiveMinimum' },
    length: { '>': 'maxLength', '<': 'minLength' },
    count: { '>': 'maxItems', '<': 'minItems' },
  };
  const name = names[measure]![operator];
  return name === undefined ? undefined : [name, n];
}

/** Bounds stated by the checks in `body` on `subject` (a PHP expression such as `$this->container['x']` or `$limit`). */
function boundsIn(body: string, subject: string): Bounds {
  const bounds: Record<string, number | string> = {};
  const s = subject.replace(/[$[\]()]/g, '\\$&');
  for (const m of body.matchAll(new RegExp(`${s} (>=|<=|>|<) (-?[0-9.]+)\\)`, 'g'))) {
    const found = boundOf('value', m[1]!, m[2]!);
    if (found) bounds[found[0]] = found[1];
  }
  for (const m of body.matchAll(new RegExp(`\\((mb_strlen|count)\\(${s}\\) (>|<) ([0-9]+)\\)`, 'g'))) {
    const found = boundOf(m[1] === 'count' ? 'count' : 'length', m[2]!, m[3]!);
    if (found) bounds[found[0]] = found[1];
  }
  const pattern = new RegExp(`preg_match\\("/((?:[^"\\\\]|\\\\.)*)/", ${s}\\)`).exec(body);
  if (pattern) bounds['pattern'] = unquoteDouble(pattern[1]!);
  return bounds as Bounds;
}

/** A model file: an enum's values, or an object's fields with type, required-ness, nullability, enum and bounds. */
export function parsePhpModel(source: string, where: string): PhpModel {
  const enumMatch = /\benum \w+: string\s*\{([\s\S]*?)\n\}/.exec(source);
  if (enumMatch) return { kind: 'enum', values: [...enumMatch[1]!.matchAll(/case \w+ = '([^']*)';/g)].map((m) => m[1]!) };
  const types = phpArray(source, 'openAPITypes', where);
  const formats = phpArray(source, 'openAPIFormats', where);
  const nullables = phpArray(source, 'openAPINullables', where);
  const wireNames = phpArray(source, 'attributeMap', where);
  const checks = functionBody(source, 'listInvalidProperties') ?? '';
  const constants = new Map([...source.matchAll(/public const (\w+) = '([^']*)';/g)].map((m) => [m[1]!, m[2]!]));
  const fields = [...types].map(([property, raw]): FieldFacts => {
    const name = wireNames.get(property);
    if (typeof name !== 'string' || typeof raw !== 'string') throw new Error(`${where}: property '${property}' has no wire name or type`);
    const format = formats.get(property);
    const container = `$this->container['${property}']`;
    const field: FieldFacts = {
      name,
      type: phpType(raw, typeof format === 'string' ? format : null, `${where} ${property}`),
      required: checks.includes(`if (${container} === null)`),
      nullable: nullables.get(property) === true,
      ...boundsIn(checks, container),
    };
    const allowed = functionBody(source, `get${property[0]!.toUpperCase()}${property.slice(1)}AllowableValues`);
    if (allowed) {
      field.enum = [...allowed.matchAll(/self::(\w+)/g)].map((m) => {
        const value = constants.get(m[1]!);
        if (value === undefined) throw new Error(`${where}: allowable value ${m[1]} of '${property}' is not a constant`);
        return value;
      });
    }
    return field;
  });
  const discriminator = /const DISCRIMINATOR = '([^']+)'/.exec(source)?.[1];
  return discriminator ? { kind: 'object', fields, discriminator } : { kind: 'object', fields };
}

/** The `@param TYPE $var` lines of the docblock just above `function name(`. */
function docParams(source: string, name: string): Map<string, string> {
  const at = source.search(new RegExp(`function ${name}\\(`));
  const doc = source.slice(source.lastIndexOf('/**', at), at);
  return new Map([...doc.matchAll(/@param\s+(\S+)\s+\$(\w+)/g)].map((m) => [m[2]!, m[1]!]));
}

/** An API file's operations: method, path, body and success models, query parameters and documented statuses. */
export function parsePhpApi(source: string, where: string): PhpOperation[] {
  const operations: PhpOperation[] = [];
  for (const [, operationId] of source.matchAll(/public function (\w+)Request\(/g)) {
    const at = `${where} ${operationId}`;
    const builder = functionBody(source, `${operationId}Request`)!;
    const path = /\$resourcePath = '([^']+)'/.exec(builder)?.[1];
    const method = /new Request\(\s*'([A-Z]+)'/.exec(builder)?.[1];
    if (!path || !method) throw new Error(`${at}: no resource path or method`);
    const params = docParams(source, `${operationId}Request`);
    const query = [...builder.matchAll(/toQueryValue\(\s*\$(\w+),\s*'([^']+)',[^\n]*\n\s*'([^']+)',[\s\S]*?(true|false) \/\/ required/g)].map(
      ([, variable, name, openApiType, required]): Omit<QueryFacts, 'from'> => {
        const declared = params.get(variable!);
        const type = declared ? phpType(declared, null, `${at} ${name}`) : phpType(openApiType!, null, `${at} ${name}`);
        return { name: name!, type, required: required === 'true', ...boundsIn(builder, `$${variable}`) };
      },
    );
    const bodyVar = /\/\/ for model \(json\/xml\)\s*if \(isset\(\$(\w+)\)\)/.exec(builder)?.[1];
    const bodyType = bodyVar ? params.get(bodyVar)?.replace(/\|null$/, '') : undefined;
    const handler = functionBody(source, `${operationId}WithHttpInfo`) ?? '';
    const responses = handler.slice(handler.indexOf('switch ($statusCode) {'), handler.indexOf('$statusCode < 200'));
    const cases = [...responses.matchAll(/case (\d{3}):\s*return \$this->handleResponseWithDataType\(\s*'([^']+)'/g)];
    const statuses = cases.map(([, status, type]) =>
      MODEL_PREFIX.test(type!) ? { status: status!, model: type!.replace(MODEL_PREFIX, '') } : { status: status! },
    );
    const operation: PhpOperation = { operationId: operationId!, method, path, query, statuses };
    if (bodyType && MODEL_PREFIX.test(bodyType)) operation.requestModel = bodyType.replace(MODEL_PREFIX, '');
    operations.push(operation);
  }
  return operations;
}
