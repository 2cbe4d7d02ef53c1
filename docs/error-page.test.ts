// The error page follows the catalog with no other edit: a changed title in (a copy of) catalog.yaml shows up
// in the page, escaped, and nothing else on the page changes. openapi/ is never written.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildSpec } from '../scripts/lib/build-spec.ts';
import { loadCatalogRules, parseCatalog, type ErrorDefinition } from '../scripts/lib/catalog.ts';
import { CATALOG_FILE } from '../scripts/lib/paths.ts';
import { LANGUAGES, errorPageFile, renderErrorPage } from './lib/error-page.ts';
import { changelogPage, referencePage } from './lib/reference-links.ts';

const bundleWith = async (catalog: ErrorDefinition[]): Promise<Record<string, unknown>> => (await buildSpec(undefined, catalog)).document;

describe('error page from the catalog', () => {
  it('changes with a code’s title in the catalog, and only there', async () => {
    const text = readFileSync(CATALOG_FILE, 'utf8');
    const original = parseCatalog(text, 'catalog.yaml');
    const code = 'refund_exceeds_payment'; // a title the client gives: an inferred one must follow the title rule
    const oldTitle = original.find((d) => d.code === code)!.title;
    const newTitle = `Declined <by the issuer> & "final"`;

    const edited = parseDocument(text);
    edited.setIn(['codes', code, 'title'], newTitle);
    const changed = parseCatalog(edited.toString(), 'catalog.yaml (edited copy)');
    expect(changed.find((d) => d.code === code)!.title).toBe(newTitle);

    const [before, after] = await Promise.all([bundleWith(original), bundleWith(changed)]);
    const rules = loadCatalogRules();
    for (const lang of LANGUAGES) {
      const oldPage = renderErrorPage(original, rules, before, lang);
      const newPage = renderErrorPage(changed, rules, after, lang);
      const escaped = 'Declined &lt;by the issuer&gt; &amp; ';
      expect(oldPage).toContain(`</code></a> ${oldTitle}`);
      expect(newPage).not.toContain(`</code></a> ${oldTitle}`);
      expect(newPage).toContain(escaped); // heading
      expect(newPage).toContain('&quot;title&quot;: &quot;Declined &lt;by the issuer&gt; &amp; \\&quot;final\\&quot;&quot;'); // example
      expect(newPage).not.toContain('<by the issuer>');

      // Every line that differs is one that carries the new title.
      const oldLines = oldPage.split('\n');
      const newLines = newPage.split('\n');
      expect(newLines.length).toBe(oldLines.length);
      const differing = newLines.filter((line, i) => line !== oldLines[i]);
      expect(differing.length).toBeGreaterThan(0);
      for (const line of differing) expect(line).toContain(escaped);
    }
    expect(readFileSync(CATALOG_FILE, 'utf8')).toBe(text);
  });
});

describe('navigation', () => {
  it('links the reference, the errors guide, the changelog and the other language, in each language', async () => {
    const catalog = parseCatalog(readFileSync(CATALOG_FILE, 'utf8'), 'catalog.yaml');
    const document = await bundleWith(catalog);
    for (const lang of LANGUAGES) {
      const nav = /<nav>(.*?)<\/nav>/.exec(renderErrorPage(catalog, loadCatalogRules(), document, lang))?.[1] ?? '';
      const hrefs = [...nav.matchAll(/href="([^"#]+)/g)].map(([, href]) => href);
      // The reference (and its Errors guide) in the page's language.
      expect(hrefs, lang).toEqual([referencePage(lang), referencePage(lang), changelogPage(lang), errorPageFile(lang === 'en' ? 'ja' : 'en')]);
    }
  });
});
