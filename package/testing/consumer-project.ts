// An empty project that installs the packed tarball offline, as a user's project would online: its
// package-lock.json pins the tarball and, from this repository's lockfile, exactly the packages the tarball's
// dependencies reach (the same versions and integrity hashes `npm ci` put in the npm cache), so that `npm ci
// --offline` needs no registry metadata. Nothing else is installed.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT } from '../../contract-core/files.ts';

interface LockEntry {
  version?: string;
  resolved?: string;
  integrity?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  [field: string]: unknown;
}

/** Where npm finds `name` from the package at `from` (`node_modules/a`): nested first, then up the tree. */
function locate(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
  for (let at = from; ; at = at.slice(0, Math.max(0, at.lastIndexOf('/node_modules/')))) {
    const candidate = `${at === '' ? '' : `${at}/`}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (at === '') return undefined;
  }
}

/** The lock entries the given dependencies reach, from this repository's lockfile. */
export function reachable(dependencies: Record<string, string>): Record<string, LockEntry> {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> };
  const found = new Map<string, LockEntry>();
  const visit = (from: string, names: string[]): void => {
    for (const name of names) {
      const path = locate(lock.packages, from, name);
      if (!path) throw new Error(`package-lock.json: ${name} (needed by ${from || 'the package'}) is not locked`);
      if (found.has(path)) continue;
      const { dev: _dev, devOptional: _devOptional, ...entry } = lock.packages[path]!;
      found.set(path, entry);
      const optionalPeers = Object.entries(entry.peerDependenciesMeta ?? {})
        .filter(([, meta]) => meta.optional)
        .map(([peer]) => peer);
      const peers = Object.keys(entry.peerDependencies ?? {}).filter((peer) => !optionalPeers.includes(peer));
      const optional = Object.keys(entry.optionalDependencies ?? {}).filter((dep) => locate(lock.packages, path, dep) !== undefined);
      visit(path, [...Object.keys(entry.dependencies ?? {}), ...optional, ...peers]);
    }
  };
  visit('', Object.keys(dependencies));
  return Object.fromEntries([...found].sort(([a], [b]) => a.localeCompare(b)));
}

export interface PackageManifest {
  name: string;
  version: string;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional: boolean }>;
  bin: Record<string, string>;
  engines: Record<string, string>;
}

/**
 * Writes package.json and package-lock.json of a project that depends on the tarball and on `also` (the
 * package's optional peers a user chose to install, at the versions it names).
 */
export function writeConsumerProject(dir: string, tarball: string, manifest: PackageManifest, also: Record<string, string> = {}): void {
  const spec = `file:${relative(dir, tarball)}`;
  const integrity = `sha512-${createHash('sha512').update(readFileSync(tarball)).digest('base64')}`;
  const dependencies = { [manifest.name]: spec, ...also };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module', dependencies }, null, 2)}\n`);
  const lock = {
    name: 'consumer',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', version: '1.0.0', dependencies },
      [`node_modules/${manifest.name}`]: {
        version: manifest.version,
        resolved: spec,
        integrity,
        dependencies: manifest.dependencies,
        peerDependencies: manifest.peerDependencies,
        peerDependenciesMeta: manifest.peerDependenciesMeta,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...reachable({ ...manifest.dependencies, ...also }),
    },
  };
  writeFileSync(join(dir, 'package-lock.json'), `${JSON.stringify(lock, null, 2)}\n`);
}
