// What the tests of diff/ share: the contract as an author edits it, and versions of it with one edit.
import type { ErrorDefinition } from '../scripts/lib/catalog.ts';
import type { JsonObject } from './lib/json.ts';
import type { Version } from './lib/version.ts';
import { loadSource, versionOf, type Source } from './mutation/source.ts';

export type Json = Record<string, any>;

let source: Promise<Source> | undefined;

/** The unchanged contract, built once per test file. */
export const contract = async (): Promise<Version> => versionOf('base', await (source ??= loadSource()));

/** The contract with an edit of its source (x-errors, schemas, catalog) and optionally of the built bundle. */
export async function edited(edit: (source: { document: Json; catalog: ErrorDefinition[] }) => void, bundle?: (document: Json) => void): Promise<Version> {
  const original = await (source ??= loadSource());
  const copy = { document: structuredClone(original.document), catalog: structuredClone(original.catalog) };
  edit(copy);
  const version = versionOf('head', copy);
  bundle?.(version.document as Json);
  return version;
}

export const catalogEntry = (source: { catalog: ErrorDefinition[] }, code: string): ErrorDefinition => {
  const found = source.catalog.find((def) => def.code === code);
  if (!found) throw new Error(`no catalog entry ${code}`);
  return found;
};

export const operation = (document: JsonObject | Json, path: string, method: string): Json => (document as Json)['paths'][path][method];
export const schema = (document: JsonObject | Json, name: string): Json => (document as Json)['components']['schemas'][name];
