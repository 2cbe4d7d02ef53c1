// One version of the contract as the checker compares it: the bundle and the error catalog it was built from.
import type { Acknowledgement } from './acknowledgements.ts';
import type { JsonObject } from './json.ts';

/** A catalog entry as far as the checks need it; `null` where the version does not say (a bundle file has no retry policy). */
export interface CatalogEntry {
  code: string;
  status: number;
  title: string;
  type: string;
  retry: string | null;
  headers: readonly string[] | null;
}

export interface Version {
  /** What was asked for: `diff/baseline`, `origin/main (1a2b3c4)`, `working tree`, a file name. */
  label: string;
  document: JsonObject;
  catalog: readonly CatalogEntry[];
  /** `catalog`: the build's own catalog; `bundle`: read back from the bundle's problem examples (no retry, no headers). */
  catalogFrom: 'catalog' | 'bundle';
  /** The version's own openapi/breaking-changes.yaml (a checkout's or a commit's); none for files. */
  acknowledgements: readonly Acknowledgement[];
}
