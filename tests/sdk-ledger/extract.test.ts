// The extractor's parsing, on small inputs written here in the shape the SDK generators write (no fetched file),
// and a whole extraction from two small local repositories.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSnapshot } from '../../sdk-ledger/extract/git.ts';
import { extract } from '../../sdk-ledger/ledger.ts';
import { compareVersions, mergeRecord, type PhpFacts, type PythonFacts } from '../../sdk-ledger/extract/merge.ts';
import { parsePhpApi, parsePhpModel, phpType } from '../../sdk-ledger/extract/php.ts';
import { camelCase, parsePythonApiDoc, parsePythonUnion } from '../../sdk-ledger/extract/python.ts';
import type { Source } from '../../sdk-ledger/record.ts';
import { PHP_API, PHP_ENUM, PHP_MODEL, PYTHON_DOC } from './sdk-sources.ts';

const source = (lang: 'php' | 'python', tag: string): Source => ({
  lang,
  repository: `payjp/payjpv2-${lang}`,
  tag,
  commit: '0'.repeat(40),
  date: '2026-01-01T00:00:00+09:00',
});

describe('the PHP extractor', () => {
  it('reads a model: wire names, types, required-ness, nullability, enum and bounds', () => {
    const model = parsePhpModel(PHP_MODEL, 'WidgetCreateRequest.php');
    expect(model).toEqual({
      kind: 'object',
      fields: [
        { name: 'code', type: { type: 'string' }, required: true, nullable: false, pattern: '^[a-z]\\d{2}$' },
        { name: 'size', type: { type: 'integer' }, required: true, nullable: false, maximum: 12, minimum: 1 },
        { name: 'ratio', type: { type: 'number' }, required: false, nullable: false, exclusiveMaximum: 100.5 },
        { name: 'tags', type: { type: 'array', items: { type: 'string' } }, required: false, nullable: false, maxItems: 3 },
        { name: 'parts', type: { type: 'array', items: { type: 'model', model: 'PartRequest' } }, required: false, nullable: false },
        { name: 'color', type: { type: 'string' }, required: false, nullable: true, maxLength: 255, enum: ['red', 'blue'] },
        { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false, nullable: true },
        { name: 'seen_at', type: { type: 'string', format: 'date-time' }, required: false, nullable: true },
        { name: 'extra', type: { type: 'object' }, required: false, nullable: false },
      ],
    });
  });

  it('reads an enum model and a union discriminator', () => {
    expect(parsePhpModel(PHP_ENUM, 'Shade.php')).toEqual({ kind: 'enum', values: ['light', 'dark'] });
    const union = parsePhpModel(PHP_MODEL.replace('DISCRIMINATOR = null', "DISCRIMINATOR = 'type'"), 'W.php');
    expect(union.kind === 'object' && union.discriminator).toBe('type');
  });

  it('reads an API file: method, path, body model, statuses with their models, query parameters with type and bounds', () => {
    expect(parsePhpApi(PHP_API, 'WidgetsApi.php')).toEqual([
      {
        operationId: 'createWidget',
        method: 'POST',
        path: '/v2/widgets',
        requestModel: 'WidgetCreateRequest',
        query: [],
        statuses: [
          { status: '200', model: 'WidgetResponse' },
          { status: '402', model: 'ErrorResponse' },
        ],
      },
      {
        operationId: 'getAllWidgets',
        method: 'GET',
        path: '/v2/widgets',
        query: [
          { name: 'limit', type: { type: 'integer' }, required: false, maximum: 100, minimum: 1 },
          { name: 'shade', type: { type: 'model', model: 'Shade' }, required: false },
          { name: 'since', type: { type: 'string', format: 'date-time' }, required: true },
        ],
        statuses: [{ status: '200', model: 'WidgetListResponse' }],
      },
    ]);
  });

  it('refuses a type it does not know, naming where', () => {
    expect(() => phpType('resource', null, 'X.php foo')).toThrow("X.php foo: unknown PHP type 'resource'");
    expect(() => parsePhpModel('<?php class X {}', 'X.php')).toThrow('X.php: no $openAPITypes array');
  });
});

describe('the Python extractor', () => {
  it('reads each operation with its statuses and their titles (none for a success)', () => {
    expect(parsePythonApiDoc(PYTHON_DOC, 'WidgetsApi.md')).toEqual([
      {
        operationId: 'createWidget',
        method: 'POST',
        path: '/v2/widgets',
        statuses: { '200': [], '400': ['Widget Too Big', 'Widget & Part Mismatch'], '402': ['Payment Failed'] },
      },
      { operationId: 'getAllWidgets', method: 'GET', path: '/v2/widgets', statuses: { '200': [] } },
    ]);
    expect(camelCase('get_all_payment_method_configurations')).toBe('getAllPaymentMethodConfigurations');
  });

  it('refuses an operation section without its response table', () => {
    expect(() => parsePythonApiDoc(PYTHON_DOC.replace(/### HTTP response details[\s\S]*?# \*\*get/, '# **get'), 'W.md')).toThrow(
      'W.md create_widget: no "HTTP response details" table',
    );
  });

  it('reads a union model', () => {
    const text = 'class WidgetRequest(BaseModel):\n    actual_instance: Optional[Union[RoundWidget, SquareWidget]] = None\n';
    expect(parsePythonUnion(text, 'w.py')).toEqual({ model: 'WidgetRequest', variants: ['RoundWidget', 'SquareWidget'] });
    expect(parsePythonUnion('class Plain(BaseModel):\n    name: str\n', 'p.py')).toBeUndefined();
  });
});

describe('merging the languages', () => {
  const php = (tag: string, statuses: string[]): PhpFacts => ({
    source: source('php', tag),
    models: { Shade: { kind: 'enum', values: ['light'] } },
    operations: [{ operationId: 'createWidget', method: 'POST', path: '/v2/widgets', query: [], statuses: statuses.map((status) => ({ status })) }],
  });
  const python = (tag: string, statuses: Record<string, string[]>): PythonFacts => ({
    source: source('python', tag),
    operations: [{ operationId: 'createWidget', method: 'POST', path: '/v2/widgets', statuses }],
    unions: {},
  });

  it('takes titles from python and records which language states each fact', () => {
    const record = mergeRecord(php('v1.0.5', ['200', '400']), python('v1.0.5', { '200': [], '400': ['Widget Too Big'] }));
    expect(record.generation).toBe('1.0.5');
    expect(record.operations['createWidget']!.statuses['400']).toEqual({ titles: ['Widget Too Big'], from: ['php', 'python'], titlesFrom: ['python'] });
    expect(record.operations['createWidget']!.from).toEqual(['php', 'python']);
    expect(record.disagreements).toEqual([]);
  });

  it('lets the newer generation win and keeps the disagreement', () => {
    const record = mergeRecord(php('v1.1.0', ['200', '402']), python('v1.0.10', { '200': [], '400': ['Widget Too Big'] }));
    expect(record.generation).toBe('1.1.0');
    expect(Object.keys(record.operations['createWidget']!.statuses)).toEqual(['200', '402']);
    expect(record.disagreements).toEqual([
      'createWidget: status 400 (Widget Too Big) in python 1.0.10, absent from php 1.1.0',
      'createWidget: status 402 in php 1.1.0, absent from python 1.0.10 (its titles unknown)',
    ]);
  });

  it('refuses two languages of one generation that disagree', () => {
    expect(() => mergeRecord(php('v1.0.5', ['200']), python('v1.0.5', { '200': [], '404': ['Not Found'] }))).toThrow(
      'php and python 1.0.5 disagree: createWidget: status 404 (Not Found) in python 1.0.5, absent from php 1.0.5',
    );
  });

  it('orders versions as numbers and reads a snapshot argument', () => {
    expect(compareVersions('1.0.10', '1.0.9')).toBeGreaterThan(0);
    expect(compareVersions('1.1.0', '1.0.10')).toBeGreaterThan(0);
    expect(parseSnapshot('/m/payjp+payjpv2-php/repo@v1.1.0')).toEqual({ gitDir: '/m/payjp+payjpv2-php/repo', rev: 'v1.1.0' });
    expect(() => parseSnapshot('/m/repo')).toThrow('expected <git dir>@<tag or commit>');
  });
});

describe('extracting a record from snapshots', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A repository named like a fetched mirror (`owner+name`), its files committed and tagged. */
  function repository(name: string, tag: string, files: Record<string, string>): string {
    const root = mkdtempSync(join(tmpdir(), 'sdk-ledger-'));
    dirs.push(root);
    const dir = join(root, name);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const env = { ...process.env, GIT_AUTHOR_DATE: '2026-06-01T16:20:15+09:00', GIT_COMMITTER_DATE: '2026-06-01T16:20:15+09:00' };
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-C', dir, ...args], { env });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'sdk');
    git('tag', tag);
    return join(dir, '.git');
  }

  it('reads both languages at their tags into one record naming each source', () => {
    const php = repository('payjp+payjpv2-php', 'v1.1.0', {
      'lib/Model/WidgetCreateRequest.php': PHP_MODEL,
      'lib/Model/Shade.php': PHP_ENUM,
      'lib/Model/ModelInterface.php': '<?php interface ModelInterface {}',
      'lib/Api/WidgetsApi.php': PHP_API,
    });
    const python = repository('payjp+payjpv2-python', 'v1.0.10', {
      'docs/WidgetsApi.md': PYTHON_DOC,
      'docs/Widget.md': '# Widget\n',
      'payjpv2/models/shape.py': 'class Shape(BaseModel):\n    actual_instance: Optional[Union[StrictStr, StrictInt]] = None\n',
    });
    const record = extract({ gitDir: php, rev: 'v1.1.0' }, { gitDir: python, rev: 'v1.0.10' });
    expect(record.generation).toBe('1.1.0');
    expect(record.sources.map((s) => [s.lang, s.repository, s.tag, s.date])).toEqual([
      ['php', 'payjp/payjpv2-php', 'v1.1.0', '2026-06-01T16:20:15+09:00'],
      ['python', 'payjp/payjpv2-python', 'v1.0.10', '2026-06-01T16:20:15+09:00'],
    ]);
    expect(record.sources.every((s) => /^[0-9a-f]{40}$/.test(s.commit))).toBe(true);
    expect(Object.keys(record.models)).toEqual(['Shade', 'WidgetCreateRequest']);
    expect(record.operations['createWidget']!.statuses['402']).toEqual({
      model: 'ErrorResponse',
      titles: ['Payment Failed'],
      from: ['php', 'python'],
      titlesFrom: ['python'],
    });
    expect(record.disagreements).toEqual(['createWidget: status 400 (Widget Too Big; Widget & Part Mismatch) in python 1.0.10, absent from php 1.1.0']);
  });
});
