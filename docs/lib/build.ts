// The docs site: the reference (the bundle plus the guides, through Redocly) and the error catalog pages.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type BuiltSpec, buildSpec } from '../../scripts/lib/build-spec.ts';
import { loadCatalogRules } from '../../scripts/lib/catalog.ts';
import { renderErrorPages } from './error-page.ts';
import { GUIDE_GROUP, loadGuides, loadTranslatedGuides, withGuides } from './guides.ts';
import { REFERENCE_PAGE, REFERENCE_PAGE_JA } from './reference-links.ts';
import { GUIDES_JA } from './paths.ts';
import { buildReference } from './reference.ts';

/** Writes the site into `outDir` (emptied first) and returns the names of the files written; `japanese` is the
 *  Japanese bundle (built here when not given). */
export async function buildDocs({ document, catalog }: BuiltSpec, outDir: string, japanese?: BuiltSpec): Promise<string[]> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const title = String((document['info'] as { title?: unknown } | undefined)?.title ?? 'API reference');
  await buildReference(withGuides(document, loadGuides()), join(outDir, REFERENCE_PAGE), title, {
    lang: 'en',
    other: { href: REFERENCE_PAGE_JA, label: '日本語', lang: 'ja' },
  });
  // The same reference with the Japanese texts of openapi/overlays/ja.yaml and the Japanese guides.
  const ja = japanese ?? (await buildSpec(undefined, catalog, 'ja'));
  await buildReference(withGuides(ja.document, loadTranslatedGuides(GUIDES_JA), GUIDE_GROUP.ja), join(outDir, REFERENCE_PAGE_JA), `${title} リファレンス`, {
    lang: 'ja',
    other: { href: REFERENCE_PAGE, label: 'English', lang: 'en' },
  });
  const pages = renderErrorPages(catalog, loadCatalogRules(), document, ja.document);
  for (const [file, html] of pages) writeFileSync(join(outDir, file), html);
  return [REFERENCE_PAGE, REFERENCE_PAGE_JA, ...pages.keys()];
}
