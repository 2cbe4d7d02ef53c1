// The contract as an author edits it, for the mutation proof: the Redocly bundle of openapi/ before the catalog
// expands the errors, and the catalog. Each mutation edits a copy, then the build's own expandErrors runs, so that a
// change made in x-errors or the catalog reaches the bundle exactly as `npm run bundle` would write it.
// (The first half of buildSpec in scripts/lib/build-spec.ts; source.test.ts checks that both halves give its bundle.)
import { bundle } from '@redocly/openapi-core';
import { loadRedoclyConfig } from '../../scripts/lib/build-spec.ts';
import { loadCatalog, type ErrorDefinition } from '../../scripts/lib/catalog.ts';
import { expandErrors } from '../../scripts/lib/expand-errors.ts';
import { SPEC_ROOT } from '../../scripts/lib/paths.ts';
import { fromBuildCatalog } from '../lib/catalog-entries.ts';
import type { JsonObject } from '../lib/json.ts';
import type { Version } from '../lib/version.ts';

export interface Source {
  document: JsonObject;
  catalog: ErrorDefinition[];
}

export async function loadSource(): Promise<Source> {
  const { bundle: result } = await bundle({ ref: SPEC_ROOT, config: (await loadRedoclyConfig()).forAlias('source'), dereference: false });
  return { document: structuredClone(result.parsed) as JsonObject, catalog: loadCatalog() };
}

/** The bundle and catalog of a source, as a version to compare. */
export const versionOf = (label: string, source: Source, document = expandErrors(structuredClone(source.document), source.catalog)): Version => ({
  label,
  document,
  catalog: fromBuildCatalog(source.catalog, label),
  catalogFrom: 'catalog',
  acknowledgements: [],
});
