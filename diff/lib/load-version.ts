// Turns `--base`/`--head` into a version. Accepted: a git ref of this repository, a folder (a checkout with
// openapi/ and scripts/, or a snapshot such as diff/baseline/), a bundle file (.json, .yaml), or nothing for the
// working tree.
//
// A git ref or a checkout is built by its own build (its scripts/lib/build-spec.ts, in memory), not read from its
// committed generated/openapi.json: in this repository's history the committed bundle lags openapi/ in 8 of the 18
// commits that changed the spec (before `npm run check` guarded it), and the build of that same commit is exactly
// what `npm run bundle` would have published. Today's build code is not used on old sources: it may refuse an
// older catalog's shape or expand errors differently than that version did.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { ROOT } from '../../scripts/lib/paths.ts';
import { loadAcknowledgements, type Acknowledgement } from './acknowledgements.ts';
import { fromBuildCatalog, fromBundle } from './catalog-entries.ts';
import { isObject, type JsonObject } from './json.ts';
import { isSnapshot, readSnapshot } from './snapshot.ts';
import type { Version } from './version.ts';

const WORKING_TREE = 'working tree';

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Builds a checkout (a folder with openapi/, scripts/ and node_modules/) with that checkout's own build. */
async function buildCheckout(dir: string, label: string): Promise<Version> {
  const entry = join(dir, 'scripts/lib/build-spec.ts');
  if (!existsSync(entry)) throw new Error(`${label}: has no scripts/lib/build-spec.ts to build it with`);
  let built: { document?: unknown; catalog?: unknown };
  try {
    const module = (await import(pathToFileURL(entry).href)) as { buildSpec?: unknown };
    if (typeof module.buildSpec !== 'function') throw new Error('scripts/lib/build-spec.ts exports no buildSpec()');
    built = (await module.buildSpec()) as typeof built;
  } catch (error) {
    throw new Error(`${label}: its build failed: ${message(error)}`);
  }
  if (!isObject(built.document) || !Array.isArray(built.catalog)) throw new Error(`${label}: its buildSpec() returned no document and catalog`);
  let acknowledgements: Acknowledgement[];
  try {
    acknowledgements = loadAcknowledgements(dir);
  } catch (error) {
    throw new Error(label === WORKING_TREE ? message(error) : `${label}: ${message(error)}`);
  }
  return { label, document: built.document, catalog: fromBuildCatalog(built.catalog, label), catalogFrom: 'catalog', acknowledgements };
}

/** The commit a ref names in this repository, or null. */
function commitOf(ref: string, repo: string): string | null {
  try {
    return execFileSync('git', ['-C', repo, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return null;
  }
}

/**
 * What the build of a commit reads: the spec, the build, the core modules the build imports (since the build
 * used contract-core/), its Redocly config, and package.json (ESM). A commit holds those of them it has.
 */
export const BUILD_INPUTS = ['openapi', 'scripts', 'contract-core', 'redocly.yaml', 'package.json'];

/** Builds a commit of a repository: its build inputs are extracted into a temporary folder (git archive) that borrows
 * the node_modules of the checkout running this (the repository may be a bare or fresh clone without one). */
export async function buildCommit(commit: string, label: string, repo = ROOT): Promise<Version> {
  const dir = mkdtempSync(join(tmpdir(), 'payjp-diff-'));
  try {
    const present = new Set(execFileSync('git', ['-C', repo, 'ls-tree', '--name-only', commit], { encoding: 'utf8' }).split('\n'));
    const inputs = BUILD_INPUTS.filter((input) => present.has(input));
    const tar = execFileSync('git', ['-C', repo, 'archive', '--format=tar', commit, ...inputs], { maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return await buildCheckout(dir, label);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function readBundleFile(file: string, label: string): Version {
  let document: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    document = extname(file) === '.json' ? JSON.parse(text) : parse(text);
  } catch (error) {
    throw new Error(`${label}: ${message(error)}`);
  }
  if (!isObject(document) || typeof document['openapi'] !== 'string') throw new Error(`${label}: not an OpenAPI document (no \`openapi\` field)`);
  return { label, document: document as JsonObject, catalog: fromBundle(document as JsonObject), catalogFrom: 'bundle', acknowledgements: [] };
}

/** The version an argument names; `undefined` is the working tree. `option` names the argument in errors. */
export async function loadVersion(argument: string | undefined, option: string, root = ROOT): Promise<Version> {
  if (argument === undefined) return buildCheckout(root, WORKING_TREE);
  const path = resolve(root, argument);
  const inside = relative(root, path);
  const label = inside.startsWith('..') ? path : inside || '.';
  if (existsSync(path)) {
    if (!statSync(path).isDirectory()) return readBundleFile(path, label);
    if (isSnapshot(path)) return readSnapshot(path, label);
    if (existsSync(join(path, 'openapi/openapi.yaml'))) return buildCheckout(path, label);
    throw new Error(`${option} ${label}: a folder must hold a snapshot (openapi.json, catalog.json) or a checkout (openapi/openapi.yaml)`);
  }
  const commit = commitOf(argument, root);
  if (commit === null) throw new Error(`${option} ${argument}: neither a file, a folder nor a git ref of this repository`);
  return buildCommit(commit, `${argument} (${commit.slice(0, 7)})`, root);
}
