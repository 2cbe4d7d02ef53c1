// The docs site: the reference (the bundle plus the guides, through Redocly) and the error catalog pages.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSpec } from '../../scripts/lib/build-spec.ts';
import { loadCatalogRules } from '../../scripts/lib/catalog.ts';
import { renderErrorPages } from './error-page.ts';
import { loadGuides, withGuides } from './guides.ts';
import { REFERENCE_PAGE } from './reference-links.ts';
import { buildReference } from './reference.ts';

/** Writes the site into `outDir` (emptied first) and returns the names of the files written. */
export async function buildDocs({ document, catalog }: BuiltSpec, outDir: string): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const title = String((document['info'] as { title?: unknown } | undefined)?.title ?? 'API reference');
  await buildReference(withGuides(document, loadGuides()), join(outDir, REFERENCE_PAGE), title);
  const pages = renderErrorPages(catalog, loadCatalogRules(), document);
  for (const [file, html] of pages) writeFileSync(join(outDir, file), html);
  return [REFERENCE_PAGE, ...pages.keys()];
}
