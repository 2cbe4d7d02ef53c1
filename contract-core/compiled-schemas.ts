// The response schemas of a bundle, compiled once and reused. Compiling all of them with ajv costs about a
// second of CPU in every process that creates a validator (each CLI start, each test file); ajv's standalone
// code of the same functions, written once to a file named by the digest of everything it depends on and
// loaded the next time, costs a small part of that. That code keeps what the validator reads: verbose errors
// (`parentSchema`, whose `x-evidence` grades a violation; the schemas are written into it) and ajv-formats'
// formats (it requires them). It is CommonJS, loaded with require: createValidator and the package's
// validateResponse are synchronous (import() is not), and ajv's standalone code requires its runtime
// (formats, deep equality, string length) even when asked for ESM.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import { ROOT } from './files.ts';
import { SPEC_SCHEMAS_FILE, specAjv } from './spec-schemas.ts';

const require = createRequire(import.meta.url);
const standaloneCode = standaloneCodeModule as unknown as typeof standaloneCodeModule.default;

/** The package's compiled schemas, written beside its bundle when it is packed (package/build.ts). */
export const SHIPPED_DIR = join(ROOT, 'generated');

/** The cache: node_modules/.cache of the project holding this copy (`npm ci` starts it afresh). */
export const CACHE_DIR = join(nodeModulesOf(ROOT), '.cache', 'payjp-v2-contract');

function nodeModulesOf(root: string): string {
  for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) if (basename(dir) === 'node_modules') return dir;
  return join(root, 'node_modules');
}

const PREFIX = 'compiled-schemas-';
/** How many modules a cache keeps: those of the last few bundles (a branch left and come back to), not all. */
export const KEPT = 8;

export interface CompiledSchemas {
  /** One function for each schema given, in order. */
  validators: ValidateFunction[];
  /** `loaded` from `file`; or `compiled` now and written to `file`, unless that place cannot be written. */
  origin: 'loaded' | 'compiled';
  file: string;
}

export interface CompiledSchemasOptions {
  /** The validator's: each error keeps its schema node (spec-schemas.ts). */
  verbose: boolean;
  /** Where to look, in order; a compiled module is written to the last. The shipped one, then the cache. */
  dirs?: readonly string[];
  /** Names the schema at `index` in an error: where the bundle uses it. */
  nameOf(index: number): string;
}

/**
 * The schemas of `document` (each given as its JSON text), compiled: loaded from a module written for
 * exactly these, or compiled by ajv (a schema ajv cannot read throws, named by `nameOf`) and written for next time.
 */
export function compiledSchemas(document: Record<string, unknown>, schemas: readonly string[], options: CompiledSchemasOptions): CompiledSchemas {
  const dirs = options.dirs ?? [SHIPPED_DIR, CACHE_DIR];
  const name = `${PREFIX}${digestOf(document, schemas, options.verbose)}.cjs`;
  for (const dir of dirs) {
    const validators = load(join(dir, name), schemas.length);
    if (validators) return { validators, origin: 'loaded', file: join(dir, name) };
  }
  const file = join(dirs.at(-1)!, name);
  const { validators, code } = compile(document, schemas, options);
  write(file, code);
  return { validators, origin: 'compiled', file };
}

/** Everything the code depends on: this module and spec-schemas.ts, ajv's versions, the options, the bundle and the schemas. */
function digestOf(document: Record<string, unknown>, schemas: readonly string[], verbose: boolean): string {
  const hash = createHash('sha256');
  for (const file of [fileURLToPath(import.meta.url), SPEC_SCHEMAS_FILE]) hash.update(readFileSync(file));
  for (const name of ['ajv', 'ajv-formats']) hash.update(`\0${name}@${(require(`${name}/package.json`) as { version: string }).version}`);
  hash.update(`\0verbose=${verbose}\0`).update(JSON.stringify(document));
  for (const schema of schemas) hash.update('\0').update(schema);
  return hash.digest('hex').slice(0, 32);
}

const exportOf = (index: number): string => `s${index}`;

/**
 * ajv's standalone code wrapped in a function of `require`: it requires ajv's runtime as this module resolves
 * it, wherever the file lies (a temporary directory, the package). Its last statement counts the functions: a
 * file cut short, or another module, lacks it.
 */
const moduleCode = (standalone: string, count: number): string =>
  `module.exports = function compiledSchemas(require) {\nconst exports = {};\n${standalone}\nexports.schemaCount = ${count};\nreturn exports;\n};\n`;

/** The module's functions; undefined when it is missing, unreadable or not one written for these schemas. */
function load(file: string, count: number): ValidateFunction[] | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const factory = require(file) as unknown;
    const module = typeof factory === 'function' ? (factory as (require: NodeJS.Require) => Record<string, unknown>)(require) : {};
    const validators = Array.from({ length: count }, (_, index) => module[exportOf(index)]);
    if (module['schemaCount'] === count && validators.every((validate) => typeof validate === 'function')) return validators as ValidateFunction[];
  } catch {
    // Not a module (a partial or damaged file): compiled again and replaced.
  }
  delete require.cache[file];
  return undefined;
}

function compile(
  document: Record<string, unknown>,
  schemas: readonly string[],
  options: CompiledSchemasOptions,
): { validators: ValidateFunction[]; code: string } {
  const { ajv, prepare } = specAjv(document, { verbose: options.verbose, source: true });
  const validators = schemas.map((text, index) => {
    try {
      ajv.addSchema(prepare(JSON.parse(text)), exportOf(index));
      return ajv.getSchema(exportOf(index))!;
    } catch (error) {
      throw new Error(`${options.nameOf(index)}: ${(error as Error).message}`);
    }
  });
  const refs = Object.fromEntries(schemas.map((_, index) => [exportOf(index), exportOf(index)]));
  return { validators, code: moduleCode(standaloneCode(ajv, refs), schemas.length) };
}

/** Written whole or not at all (processes may race: each renames its own complete file); a place that cannot be written keeps nothing. */
function write(file: string, code: string): void {
  const temporary = `${file}.${process.pid}-${randomUUID()}.tmp`;
  let written = false;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(temporary, code);
    written = true;
    renameSync(temporary, file);
    prune(dirname(file));
  } catch {
    if (written) rmSync(temporary, { force: true });
  }
}

/** All but the KEPT newest modules of `dir` removed (a process loading one that goes compiles again). */
function prune(dir: string): void {
  const modules = readdirSync(dir)
    .filter((name) => name.startsWith(PREFIX) && name.endsWith('.cjs'))
    .map((name) => ({ file: join(dir, name), at: statSync(join(dir, name), { throwIfNoEntry: false })?.mtimeMs ?? 0 }));
  for (const { file } of modules.sort((a, b) => b.at - a.at).slice(KEPT)) rmSync(file, { force: true });
}
