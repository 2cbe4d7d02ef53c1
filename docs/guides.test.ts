// The guides restate facts of the catalog in prose and examples (`409 idempotency_conflict`, a problem
// body, a link to `errors.html#card-declined`): each must still be what the catalog and the site say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, isErrorCode } from '../generated/error-catalog.ts';
import { GENERATED } from '../scripts/lib/paths.ts';
import { errorPageFile, LANGUAGES } from './lib/error-page.ts';
import { loadGuides, loadTranslatedGuides } from './lib/guides.ts';
import { GUIDES_JA } from './lib/paths.ts';
import { CHANGELOG_PAGE, CHANGELOG_PAGE_JA, tagHref } from './lib/reference-links.ts';

// The Japanese guides state the same facts: they are held to the same checks.
const guides = [...loadGuides(), ...loadTranslatedGuides(GUIDES_JA).filter((guide) => guide.displayName !== undefined)];
const bundle = JSON.parse(readFileSync(join(GENERATED, 'openapi.json'), 'utf8')) as { tags?: { name: string }[] };
const anchorOf = (code: keyof typeof ERROR_CATALOG): string => ERROR_CATALOG[code].type.split('/').pop()!;

/** The JSON bodies of a guide's ```json and ```http blocks (an HTTP message's body starts at its first `{`). */
const jsonBodies = (markdown: string): Record<string, unknown>[] =>
  [...markdown.matchAll(/```(?:json|http)\n([\s\S]*?)```/g)]
    .map(([, block]) => block!)
    .filter((block) => block.includes('{'))
    .map((block) => JSON.parse(block.slice(block.indexOf('{'))) as Record<string, unknown>);
const problemBodies = guides.flatMap((guide) => jsonBodies(guide.description).filter((body) => isErrorCode(body['code'])));

it('the guides show problem examples (so that the check below has something to check)', () => {
  expect(problemBodies.length).toBeGreaterThan(0);
});

describe.each(guides.map((guide) => [guide.file, guide] as const))('%s', (_file, guide) => {
  it('links pages of the site and codes that exist', () => {
    const pages = new Set([...LANGUAGES.map(errorPageFile), CHANGELOG_PAGE, CHANGELOG_PAGE_JA]);
    const anchors = new Set(Object.keys(ERROR_CATALOG).map((code) => anchorOf(code as keyof typeof ERROR_CATALOG)));
    for (const [link, page, anchor] of guide.description.matchAll(/\]\(([\w.]+\.html)(?:#([\w-]+))?\)/g)) {
      expect(pages, link).toContain(page);
      if (anchor !== undefined) expect(anchors, link).toContain(anchor);
    }
  });

  it('links guides and tags that exist', () => {
    const targets = new Set([...guides.map((g) => g.name), ...(bundle.tags ?? []).map((tag) => tag.name)].map((name) => tagHref(name).replace(/^[^#]*/, '')));
    for (const [link, target] of guide.description.matchAll(/\]\((#\/[^)]*)\)/g)) expect(targets, link).toContain(target);
  });

  it('gives every code the status of the catalog (`NNN code`)', () => {
    for (const [text, status, code] of guide.description.matchAll(/`(\d{3}) (\w+)`/g))
      if (isErrorCode(code)) expect(Number(status), text).toBe(ERROR_CATALOG[code].status);
  });

  it('gives every problem example the type, title and status of its code', () => {
    for (const body of jsonBodies(guide.description).filter((b) => isErrorCode(b['code']))) {
      const entry = ERROR_CATALOG[body['code'] as keyof typeof ERROR_CATALOG];
      expect({ type: body['type'], title: body['title'], status: body['status'] }, String(body['code'])).toEqual({
        type: entry.type,
        title: entry.title,
        status: entry.status,
      });
    }
  });
});
