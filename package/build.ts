// npm run package: the installable package in dist/, packed with `npm pack ./dist`. JavaScript and
// declarations by tsc (package/tsconfig.json: the entry points and what they import, nothing else), the
// bundle with its schemas compiled (contract-core/compiled-schemas.ts) and the generated types
// beside them, the docs site as `npm run docs` built it, and a manifest derived from package.json: its
// `dependencies` (what the shipped code imports, checked below: none missing, none extra; those only the mock
// imports become optional peers), never its devDependencies or optionalDependencies (the repository's tools).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../contract-core/files.ts';
import { NODE_RANGE } from './node-floor.ts';

export const DIST = join(ROOT, 'dist');
export const PROGRAM = 'payjp-v2-contract';
/** The oldest Node the package runs on (package/node-floor.ts says why), and the one package/consumer.test.ts runs it with. */
export const NODE_FLOOR = NODE_RANGE;

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
  // The response validator's and the webhooks' schemas compiled once, here, for the bundle shipped
  // (contract-core/compiled-schemas.ts): a user's validator and verifyWebhook load them rather than compiling
  // at each start, from a read-only install too. Written by the emitted code itself, as an installed copy
  // computes the digests that name them.
  const url = (file: string): string => JSON.stringify(pathToFileURL(join(DIST, file)).href);
  const compile = [
    `import { createValidator } from ${url('contract-core/validator.js')};`,
    `import { loadWebhooks } from ${url('webhooks/spec.js')};`,
    'createValidator(undefined, { cacheDir: process.argv[1] });',
    'loadWebhooks({ cacheDir: process.argv[1] });',
  ];
  execFileSync(process.execPath, ['--input-type=module', '--eval', compile.join('\n'), join(DIST, 'generated')], { stdio: 'inherit' });
  mkdirSync(join(DIST, 'docs'), { recursive: true });
  cpSync(join(ROOT, 'docs/dist'), join(DIST, 'docs/dist'), { recursive: true });
  // The user's README, self-contained: the repository's own READMEs speak of files the tarball does not hold.
  copyFileSync(join(ROOT, 'package/README.md'), join(DIST, 'README.md'));

  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Manifest;
  const { dependencies, optionalPeers } = splitDependencies(root.dependencies);
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
    dependencies,
    peerDependencies: optionalPeers,
    peerDependenciesMeta: Object.fromEntries(Object.keys(optionalPeers).map((name) => [name, { optional: true }])),
  };
  writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  log(
    `built ${relative(ROOT, DIST)}/ (${PROGRAM} ${root.version}, node ${NODE_FLOOR}, ${Object.keys(dependencies).length} dependencies, optional for the mock: ${Object.keys(optionalPeers).join(', ')})`,
  );
}

/** The mock's own folder in dist/: a package imported from there alone is an optional peer. */
const MOCK_DIR = 'mock/';

/** The packages the emitted JavaScript imports (`ajv/dist/2020.js` → `ajv`), Node's own left out, each with the files importing it. */
function importedPackages(dir = DIST): Map<string, string[]> {
  const importers = new Map<string, string[]>();
  for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.js'))) {
    const specifiers = [...readFileSync(join(dir, file), 'utf8').matchAll(/(?:from\s+|import\(\s*|require\(\s*|load\(\s*)'([^'.][^']*)'/g)].map((m) => m[1]!);
    for (const specifier of specifiers.filter((s) => !s.startsWith('node:') && !builtinModules.includes(s))) {
      const name = specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
      importers.set(name, [...new Set([...(importers.get(name) ?? []), file.split(sep).join('/')])]);
    }
  }
  return importers;
}

/**
 * package.json's `dependencies` split into what the package needs and the optional peers only the mock
 * imports (Prism's libraries, most of an install's weight: a user who never mocks installs none of it; the
 * mock says what to install). They must be exactly what the shipped code imports: a missing one breaks users,
 * an extra one is dead weight.
 */
function splitDependencies(declared: Record<string, string>): { dependencies: Record<string, string>; optionalPeers: Record<string, string> } {
  const imported = importedPackages();
  const missing = [...imported.keys()].filter((name) => !(name in declared));
  const unused = Object.keys(declared).filter((name) => !imported.has(name));
  if (missing.length > 0 || unused.length > 0) {
    throw new Error(
      `package.json dependencies differ from what dist/ imports: ${[...missing.map((n) => `missing ${n}`), ...unused.map((n) => `not imported ${n}`)].join(', ')} (move them between dependencies and devDependencies)`,
    );
  }
  const mockOnly = (name: string) => imported.get(name)!.every((file) => file.startsWith(MOCK_DIR));
  const pick = (keep: (name: string) => boolean) => Object.fromEntries(Object.entries(declared).filter(([name]) => keep(name)));
  return { dependencies: pick((name) => !mockOnly(name)), optionalPeers: pick(mockOnly) };
}

if (import.meta.main) buildPackage();
