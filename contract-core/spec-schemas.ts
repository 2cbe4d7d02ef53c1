// The bundle's schemas compiled with ajv (JSON Schema 2020-12, strict mode, ajv-formats): OpenAPI's own
// keywords and our `x-` extensions known to ajv, and the components added once under an absolute ID so that
// a schema compiled on its own finds `#/components/…`. One way of compiling for the response validator
// (validator.ts) and the webhook receiver tools (webhooks/).
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { fileURLToPath } from 'node:url';

/** OpenAPI's own keywords inside Schema Objects, which JSON Schema does not define. */
const OPENAPI_KEYWORDS = ['example', 'discriminator', 'xml', 'externalDocs'];
const SCHEMA_BASE = 'https://contract.payjp-v2.local/openapi.json';
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function extensionKeys(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => extensionKeys(item, into));
  else if (isObject(node))
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      extensionKeys(value, into);
    }
  return into;
}

/** `#/components/schemas/X` → absolute, so that a schema compiled on its own finds the components. */
function absoluteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(absoluteRefs);
  if (!isObject(node)) return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/') ? [key, SCHEMA_BASE + value] : [key, absoluteRefs(value)],
    ),
  );
}

/** The source of this module: part of what the compiled schemas' cache is keyed by (compiled-schemas.ts). */
export const SPEC_SCHEMAS_FILE = fileURLToPath(import.meta.url);

export interface SpecAjvOptions {
  /** Keep each error's schema node on it (the validator grades a violation by that node's `x-evidence`). */
  verbose?: boolean;
  /** Keep each compiled function's source, for ajv's standalone code (compiled-schemas.ts). */
  source?: boolean;
}

/** An ajv for the schemas of `document` (an OpenAPI 3.1 bundle, parsed), and how a schema of it is given to ajv. */
export function specAjv(document: Record<string, unknown>, options: SpecAjvOptions = {}): { ajv: Ajv2020; prepare(schema: unknown): Record<string, unknown> } {
  const components = isObject(document['components']) ? document['components'] : {};
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    allowUnionTypes: true,
    verbose: options.verbose ?? false,
    code: { source: options.source ?? false },
  });
  addFormats(ajv);
  ajv.addVocabulary([...OPENAPI_KEYWORDS, 'components', ...extensionKeys(document, new Set())]);
  ajv.addSchema({ $id: SCHEMA_BASE, components: { schemas: components['schemas'] ?? {} } });
  return { ajv, prepare: (schema) => absoluteRefs(schema) as Record<string, unknown> };
}

/** A compiler of the schemas of `document`. */
export function schemaCompiler(document: Record<string, unknown>, options: SpecAjvOptions = {}): (schema: unknown) => ValidateFunction {
  const { ajv, prepare } = specAjv(document, options);
  return (schema) => ajv.compile(prepare(schema));
}
