// A released version kept as files: the bundle and the catalog it was built from (the bundle alone lacks each
// code's retry policy and headers). `npm run release-baseline` writes diff/baseline/ in this shape.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromBuildCatalog } from './catalog-entries.ts';
import type { JsonObject } from './json.ts';
import type { Version } from './version.ts';

/** The last released version, which the gate compares the working tree with. */
export const BASELINE = join(import.meta.dirname, '..', 'baseline');

const BUNDLE_FILE = 'openapi.json';
const CATALOG_FILE = 'catalog.json';

export const isSnapshot = (dir: string): boolean => existsSync(join(dir, BUNDLE_FILE));

export function readSnapshot(dir: string, label: string): Version {
  const read = (file: string): unknown => {
    try {
      return JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      throw new Error(`${join(label, file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const document = read(BUNDLE_FILE) as JsonObject;
  if (!existsSync(join(dir, CATALOG_FILE))) throw new Error(`${label}: ${CATALOG_FILE} is missing beside ${BUNDLE_FILE}`);
  const catalog = read(CATALOG_FILE);
  if (!Array.isArray(catalog)) throw new Error(`${join(label, CATALOG_FILE)}: expected a list of catalog entries`);
  return { label, document, catalog: fromBuildCatalog(catalog, join(label, CATALOG_FILE)), catalogFrom: 'catalog', acknowledgements: [] };
}

/** Writes the version as a snapshot; the bundle as `generated/openapi.json` writes it, so a release can be compared byte for byte. */
export function writeSnapshot(dir: string, version: Version): string[] {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, BUNDLE_FILE), `${JSON.stringify(version.document, null, 2)}\n`);
  writeFileSync(join(dir, CATALOG_FILE), `${JSON.stringify(version.catalog, null, 2)}\n`);
  return [BUNDLE_FILE, CATALOG_FILE];
}
