// Lint rule contract/translated-texts on a two-file spec with its Japanese overlay: a text without its current
// translation is refused at the English text's file and line, a translation of no text at the overlay's line.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLineColLocation, lint } from '@redocly/openapi-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRedoclyConfig } from '../../scripts/lib/build-spec.ts';
import { textHash } from '../../scripts/lib/translations.ts';

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
