// The catalog of a version in the checker's terms: from the build's catalog when the version was built or
// released with it, else read back from the bundle's named problem examples (`problem.<code>`).
import { isObject, type JsonObject } from './json.ts';
import type { CatalogEntry } from './version.ts';
import { exampleName } from '../../contract-core/conventions.ts';

/** The build's entries (scripts/lib/catalog.ts of that version), keeping the fields the checks compare. */
export function fromBuildCatalog(entries: readonly unknown[], label: string): CatalogEntry[] {
  return entries.map((entry, index) => {
    if (!isObject(entry) || typeof entry['code'] !== 'string' || typeof entry['status'] !== 'number') {
      throw new Error(`${label}: catalog entry ${index} has no code and status`);
    }
    return {
      code: entry['code'],
      status: entry['status'],
      title: String(entry['title'] ?? ''),
      type: String(entry['type'] ?? ''),
      retry: typeof entry['retry'] === 'string' ? entry['retry'] : null,
      headers: Array.isArray(entry['headers']) ? entry['headers'].map(String) : null,
    };
  });
}

const EXAMPLE_PREFIX = exampleName('');

/** Entries from the bundle's `components.examples['problem.<code>']` (the build writes one per code). */
export function fromBundle(document: JsonObject): CatalogEntry[] {
  const examples = ((document['components'] as JsonObject | undefined)?.['examples'] ?? {}) as JsonObject;
  return Object.entries(examples).flatMap(([name, example]) => {
    const value = isObject(example) ? example['value'] : undefined;
    if (!name.startsWith(EXAMPLE_PREFIX) || !isObject(value) || typeof value['status'] !== 'number') return [];
    return [
      {
        code: name.slice(EXAMPLE_PREFIX.length),
        status: value['status'],
        title: String(value['title'] ?? ''),
        type: String(value['type'] ?? ''),
        retry: null,
        headers: null,
      },
    ];
  });
}
