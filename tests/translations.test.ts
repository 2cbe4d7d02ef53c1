// The Japanese texts: lint refuses a missing or stale translation (at the English text's file and line), and
// the Japanese bundle is the same contract with Japanese texts, which a generator turns into doc comments.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLineColLocation, lint } from '@redocly/openapi-core';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadRedoclyConfig } from '../scripts/lib/build-spec.ts';
import { ROOT } from '../scripts/lib/paths.ts';
import { textHash, translatedFileProblems } from '../scripts/lib/translations.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const ROOT_FILE = `openapi: 3.1.0
info:
  title: Tiny
  version: 1.0.0
paths:
  /v2/things:
    $ref: paths/things.yaml
`;
const PATH_FILE = `get:
  operationId: listThings
  summary: List things
  responses:
    '200':
      description: The things.
`;
const action = (target: string, key: string, text: string, english: string) =>
  `  - target: "${target}"\n    update:\n      ${key}: ${text}\n    x-translated-from: ${textHash(english)}\n`;

/** Lints a two-file spec with the given Japanese overlay; the translated-texts problems with file and line. */
async function lintTiny(actions: string) {
  const dir = mkdtempSync(join(tmpdir(), 'contract-translations-'));
  dirs.push(dir);
  mkdirSync(join(dir, 'paths'));
  mkdirSync(join(dir, 'overlays'));
  writeFileSync(join(dir, 'openapi.yaml'), ROOT_FILE);
  writeFileSync(join(dir, 'paths/things.yaml'), PATH_FILE);
  writeFileSync(join(dir, 'overlays/ja.yaml'), `overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions:\n${actions}`);
  const config = await loadRedoclyConfig();
  const problems = await lint({ ref: join(dir, 'openapi.yaml'), config: config.forAlias('source') });
  return problems
    .filter((problem) => problem.ruleId === 'contract/translated-texts')
    .map((problem) => {
      const location = getLineColLocation(problem.location[0]!);
      return { file: location.source.absoluteRef.slice(dir.length + 1), line: location.start.line, message: problem.message };
    });
}

const COMPLETE = [
  action("$.paths['/v2/things'].get", 'summary', 'モノの一覧を取得', 'List things'),
  action("$.paths['/v2/things'].get.responses['200']", 'description', 'モノ。', 'The things.'),
];

describe('lint rule contract/translated-texts', { timeout: 60_000 }, () => {
  it('passes a spec whose every text has its current translation', async () => {
    expect(await lintTiny(COMPLETE.join(''))).toEqual([]);
  });

  it('refuses a text without a translation, at the English text, naming the action to add', async () => {
    const problems = await lintTiny(COMPLETE[1]!);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'paths/things.yaml', line: 3 });
    expect(problems[0]!.message).toContain(`$.paths['/v2/things'].get`);
    expect(problems[0]!.message).toContain(textHash('List things'));
  });

  it('refuses a translation written from another English text (stale), naming both places', async () => {
    const stale = action("$.paths['/v2/things'].get", 'summary', 'モノの一覧を取得', 'List all things');
    const problems = await lintTiny(stale + COMPLETE[1]!);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'paths/things.yaml', line: 3 });
    expect(problems[0]!.message).toMatch(/overlays\/ja\.yaml:6 was written from another English text/);
  });

  it('refuses a translation whose target is no text any more', async () => {
    const orphan = action("$.paths['/v2/gone'].get", 'summary', '消えた', 'Gone');
    const problems = await lintTiny(COMPLETE.join('') + orphan);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/overlays\/ja\.yaml:\d+: .*\$\.paths\['\/v2\/gone'\]\.get/)]);
  });
});

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
