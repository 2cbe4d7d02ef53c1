// The guides (docs/guides/*.md) enter the reference as tags of their own: `x-traitTag` tags (a description,
// no operations) in a "Guides" tag group. They are added to a copy of the bundle made for the docs only.
import { readdirSync, readFileSync } from 'node:fs';
import { translatedFileProblems, withoutTranslatedFrom } from '../../scripts/lib/translations.ts';
import { basename, join, relative } from 'node:path';
import { GUIDE_TABLES } from './guide-tables.ts';
import { GUIDES } from './paths.ts';
import { ROOT } from '../../contract-core/files.ts';

export interface Guide {
  /** The tag name: the guide's `# heading` (the English one, so that both languages share the anchors). */
  name: string;
  /** The heading shown, where it differs from `name` (a translation's). */
  displayName?: string;
  /** The rest of the file, Markdown. */
  description: string;
  file: string;
}

interface Tag {
  name: string;
  [key: string]: unknown;
}
interface TagGroup {
  name: string;
  tags: string[];
}

/** The navigation group of the guides, in each language of the site. */
export const GUIDE_GROUP = { en: 'Guides', ja: 'ガイド' } as const;

/** docs/guides/*.md in file name order; each starts with `# Title` and may ask for generated tables. */
export function loadGuides(dir = GUIDES): Guide[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => {
      const file = relative(ROOT, join(dir, name));
      const text = readFileSync(join(dir, name), 'utf8');
      const heading = /^# (.+)\n/.exec(text);
      if (!heading) throw new Error(`${file}:1: a guide starts with a '# Title' line (its name in the reference)`);
      const description = text
        .slice(heading[0].length)
        .trim()
        .replace(/<!-- table:([\w-]+) -->/g, (marker, table: string) => {
          const render = GUIDE_TABLES[table];
          if (!render) {
            const line = text.slice(0, text.indexOf(marker)).split('\n').length;
            throw new Error(`${file}:${line}: unknown table '${table}' (known: ${Object.keys(GUIDE_TABLES).join(', ')})`);
          }
          return render();
        });
      return { name: heading[1]!.trim(), description, file };
    });
}

/** A copy of the bundle with the guides first in the navigation; the bundle itself is left as it is. */
export function withGuides(document: Record<string, unknown>, guides: readonly Guide[], group: string = GUIDE_GROUP.en): Record<string, unknown> {
  const copy = structuredClone(document);
  const tags = (copy['tags'] ?? []) as Tag[];
  for (const guide of guides) {
    if (tags.some((tag) => tag.name === guide.name)) {
      throw new Error(`${guide.file}:1: the guide '${guide.name}' has the name of a tag of the spec; rename the guide`);
    }
  }
  const groups = (copy['x-tagGroups'] as TagGroup[] | undefined) ?? [{ name: 'API', tags: tags.map((tag) => tag.name) }];
  copy['tags'] = [
    ...guides.map((g) => ({ name: g.name, ...(g.displayName ? { 'x-displayName': g.displayName } : {}), description: g.description, 'x-traitTag': true })),
    ...tags,
  ];
  copy['x-tagGroups'] = [{ name: group, tags: guides.map((g) => g.name) }, ...groups];
  return copy;
}

/**
 * The guides in a translation: each English guide's counterpart of the same file name in `dir`, which starts
 * with its `# heading` and `<!-- translated-from: <hash> -->`, the hash (textHash) of the English file it was
 * written from. A missing or stale translation fails the build at its file and line (lint reports it too).
 */
export function loadTranslatedGuides(dir: string, english: readonly Guide[] = loadGuides()): Guide[] {
  const problems = translatedFileProblems(ROOT, GUIDES, dir);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const translated = new Map(loadGuides(dir).map((guide) => [basename(guide.file), guide]));
  return english.map((guide) => {
    const own = translated.get(basename(guide.file))!;
    return { ...own, name: guide.name, displayName: own.name, description: withoutTranslatedFrom(own.description).trim() };
  });
}
