// The Japanese texts: the Japanese bundle is the same contract with Japanese texts, which a generator turns into
// doc comments, and lint refuses a guide without its current translation. The rule on openapi/'s texts:
// tests/lint-rules/translated-texts.test.ts.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../scripts/lib/paths.ts';
import { textHash, translatedFileProblems } from '../scripts/lib/translations.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('generated/openapi.ja.yaml', { timeout: 60_000 }, () => {
  const english = parse(readFileSync(join(ROOT, 'generated/openapi.yaml'), 'utf8')) as Record<string, unknown>;
  const japanese = parse(readFileSync(join(ROOT, 'generated/openapi.ja.yaml'), 'utf8')) as Record<string, unknown>;
  const TEXTS = new Set(['summary', 'description', 'x-displayName']);
  const withoutTexts = (node: unknown): unknown =>
    Array.isArray(node)
      ? node.map(withoutTexts)
      : node && typeof node === 'object'
        ? Object.fromEntries(
            Object.entries(node)
              .filter(([key, value]) => !(TEXTS.has(key) && typeof value === 'string'))
              .map(([key, value]) => [key, withoutTexts(value)]),
          )
        : node;

  // Tag groups are only shown: their names are texts too.
  const withoutGroupNames = ({ 'x-tagGroups': groups, ...rest }: Record<string, unknown>) => ({
    ...rest,
    'x-tagGroups': (groups as { tags: string[] }[]).map(({ tags }) => tags),
  });

  it('is the same contract as the English bundle but for its texts', () => {
    expect(withoutTexts(withoutGroupNames(japanese))).toEqual(withoutTexts(withoutGroupNames(english)));
  });

  it('gives openapi-typescript Japanese doc comments', async () => {
    const types = astToString(await openapiTS(japanese as never));
    expect(types).toMatch(/\/\*\*[^/]*支払いフローを作成/);
    expect(types).toMatch(/@description 支払いフローの ID。/);
  });
});

describe("the guides' translations", () => {
  const guides = (english: Record<string, string>, translated: Record<string, string>) => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-guides-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'ja'));
    for (const [name, text] of Object.entries(english)) writeFileSync(join(dir, name), text);
    for (const [name, text] of Object.entries(translated)) writeFileSync(join(dir, 'ja', name), text);
    return translatedFileProblems(dir, dir, join(dir, 'ja'));
  };
  const EN = '# Pagination\n\nPages, newest first.\n';
  const JA = (from: string) => `# ページネーション\n<!-- translated-from: ${textHash(from)} -->\n\n新しい順のページ。\n`;

  it('passes a guide translated from its English as it is', () => {
    expect(guides({ '03-pagination.md': EN }, { '03-pagination.md': JA(EN) })).toEqual([]);
  });

  it('refuses a guide without its translation, at the English file', () => {
    expect(guides({ '03-pagination.md': EN }, {})).toEqual([expect.stringMatching(/^03-pagination\.md:1: has no translation: write ja\/03-pagination\.md/)]);
  });

  it('refuses a translation of another version of the English (stale), at its translated-from line', () => {
    expect(guides({ '03-pagination.md': EN }, { '03-pagination.md': JA('# Pagination\n\nOld text.\n') })).toEqual([
      expect.stringMatching(new RegExp(`^ja/03-pagination\\.md:2: written from another version of 03-pagination\\.md \\(now ${textHash(EN)}\\)`)),
    ]);
  });

  it('refuses a translation of no guide', () => {
    expect(guides({}, { '99-gone.md': JA(EN) })).toEqual([expect.stringMatching(/^ja\/99-gone\.md:1: translates no file/)]);
  });
});
