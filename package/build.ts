// npm run package: the installable package in dist/, packed with `npm pack ./dist`. JavaScript and
// declarations by tsc (package/tsconfig.json: the entry points and what they import, nothing else), the
// bundle and the generated types beside them, the docs site as `npm run docs` built it, and a manifest
// derived from package.json: its `dependencies` (what the shipped code imports, checked below: none missing,
// none extra), never its devDependencies or optionalDependencies (the repository's tools).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { ROOT } from '../contract-core/files.ts';

export const DIST = join(ROOT, 'dist');
export const PROGRAM = 'payjp-v2-contract';
/**
 * The oldest Node the package runs on, and the one package/consumer.test.ts runs it with: the sandbox keeps its
 * objects in node:sqlite (built in without a flag from Node 22.13) and the mock needs Prism's floor, Node 24.18
 * (mock/prism.ts refuses older). The only older Node on the machines, 20, has neither.
 */
export const NODE_FLOOR = '>=24.18';

/** The package's entry points: subpath → module (in dist/package/) or file. */
const ENTRY_POINTS = ['errors', 'client', 'validator', 'mock', 'sandbox', 'webhooks'] as const;

interface Manifest {
  name: string;
  version: string;
  description: string;
  dependencies: Record<string, string>;
}

export function buildPackage(log: (line: string) => void = console.log): void {
  const site = join(ROOT, 'docs/dist/index.html');
  if (!existsSync(site)) throw new Error(`${relative(ROOT, site)} is missing: run \`npm run docs\` first (the package carries the site)`);
  rmSync(DIST, { recursive: true, force: true });
  // Checked by `npm run typecheck`; the build only emits.
  execFileSync(process.execPath, [createRequire(import.meta.url).resolve('typescript/bin/tsc'), '-p', join(ROOT, 'package/tsconfig.json'), '--noCheck'], {
    stdio: 'inherit',
  });
  for (const file of ['openapi.json', 'openapi.yaml', 'openapi.ja.json', 'openapi.ja.yaml', 'api.d.ts'])
    copyFileSync(join(ROOT, 'generated', file), join(DIST, 'generated', file));
  mkdirSync(join(DIST, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'docs/dist'), join(DIST, 'docs/dist'), { recursive: true });
  copyFileSync(join(ROOT, 'README.md'), join(DIST, 'README.md'));

  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  checkDependencies(root.dependencies);
  const entry = (name: string) => ({ types: `./package/${name}.d.ts`, default: `./package/${name}.js` });
  const manifest = {
    name: root.name,
    version: root.version,
    description: root.description,
    type: 'module',
    engines: { node: NODE_FLOOR },
    bin: { [PROGRAM]: 'package/cli.js' },
    exports: {
      '.': entry('index'),
      ...Object.fromEntries(ENTRY_POINTS.map((name) => [`./${name}`, entry(name)])),
      './types': { types: './generated/api.d.ts' },
      './openapi.json': './generated/openapi.json',
      './openapi.yaml': './generated/openapi.yaml',
      './openapi.ja.json': './generated/openapi.ja.json',
      './openapi.ja.yaml': './generated/openapi.ja.yaml',
      './package.json': './package.json',
    },
    dependencies: root.dependencies,
  };
  writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(`built ${relative(ROOT, DIST)}/ (${PROGRAM} ${root.version}, node ${NODE_FLOOR}, ${Object.keys(root.dependencies).length} dependencies)`);
}

/** The packages the emitted JavaScript imports (`ajv/dist/2020.js` → `ajv`), Node's own left out. */
function importedPackages(dir = DIST): string[] {
  const specifiers = readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*|load\(\s*)'([^'.][^']*)'/g)].map((m) => m[1]!));
  const names = specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))
    .map((s) =>
      s
        .split('/')
        .slice(0, s.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return [...new Set(names)].sort();
}

/** `dependencies` must be exactly what the shipped code imports: a missing one breaks users, an extra one is dead weight. */
function checkDependencies(declared: Record<string, string>): void {
  const imported = importedPackages();
  const missing = imported.filter((name) => !(name in declared));
  const unused = Object.keys(declared).filter((name) => !imported.includes(name));
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(
      `package.json dependencies differ from what dist/ imports: ${[...missing.map((n) => `missing ${n}`), ...unused.map((n) => `not imported ${n}`)].join(', ')} (move them between dependencies and devDependencies)`,
    );
  }
}

if (import.meta.main) buildPackage();
