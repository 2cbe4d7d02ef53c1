// The compiled schemas' cache: a module written on the first start and loaded on the next, judging as ajv's
// own functions do (verbose errors with their schema's x-evidence, formats); a new one whenever what it was
// compiled from changes; a damaged file ignored and replaced; a place that cannot be written keeps nothing.
import { mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, test } from 'vitest';
import { KEPT, compiledSchemas, type CompiledSchemas } from './compiled-schemas.ts';
import { loadContract, type Json, type JsonObject } from './contract.ts';
import { createValidator } from './validator.ts';

const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'compiled-schemas-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A bundle of one response schema: a charge whose ID has a maximum length, graded by its x-evidence. */
function bundle(maxLength = 5, reason = 'our inference'): JsonObject {
  const id = { type: 'string', maxLength, 'x-evidence': { maxLength: { source: 'inferred', reason } } };
  const charge = { type: 'object', required: ['id', 'created_at'], properties: { id, created_at: { type: 'string', format: 'date-time' } } };
  return { openapi: '3.1.0', components: { schemas: { Charge: charge } } };
}
const RESPONSE_SCHEMAS = [JSON.stringify({ $ref: '#/components/schemas/Charge' })];
const compiled = (document: JsonObject, dir: string, schemas = RESPONSE_SCHEMAS): CompiledSchemas =>
  compiledSchemas(document, schemas, { verbose: true, dirs: [dir], nameOf: (index) => `response ${index}` });

/** What the validator reads of a verdict: each error, its schema node's x-evidence, and its parameters. */
function verdict({ validators: [validate] }: CompiledSchemas, body: Json): unknown {
  if (validate!(body)) return 'valid';
  return (validate!.errors as ErrorObject[]).map((e) => [e.keyword, e.instancePath, e.params, (e.parentSchema as JsonObject)['x-evidence'] ?? null]);
}
const LONG_ID_BAD_DATE = { id: 'ch_long', created_at: '2024-13-45T99:00:00Z' };

describe('compiled once, loaded on the next start', () => {
  test("the second start loads the module written by the first, and it judges as ajv's own functions: verbose errors with x-evidence, formats", () => {
    const dir = freshDir();
    const first = compiled(bundle(), dir);
    const second = compiled(bundle(), dir);
    expect([first.origin, second.origin, second.file]).toEqual(['compiled', 'loaded', first.file]);
    expect(readdirSync(dir)).toEqual([first.file.slice(dir.length + 1)]);
    // ajv's functions carry their compilation; the module's are plain code.
    expect(['schemaEnv' in first.validators[0]!, 'schemaEnv' in second.validators[0]!]).toEqual([true, false]);
    expect(verdict(second, LONG_ID_BAD_DATE)).toEqual([
      ['maxLength', '/id', { limit: 5 }, { maxLength: { source: 'inferred', reason: 'our inference' } }],
      ['format', '/created_at', { format: 'date-time' }, null],
    ]);
    expect(verdict(second, LONG_ID_BAD_DATE)).toEqual(verdict(first, LONG_ID_BAD_DATE));
    expect(verdict(second, { id: 'ch_1', created_at: '2024-01-02T03:04:05Z' })).toBe('valid');
  });

  test('the bundle: every response schema cached, and the cached validator judges every operation as the compiled one', () => {
    const contract = loadContract();
    const dir = freshDir();
    const fresh = createValidator(contract, { cacheDir: dir });
    const [name] = readdirSync(dir);
    const modules = createRequire(import.meta.url).cache;
    expect(modules[join(dir, name!)]).toBeUndefined();
    const cached = createValidator(contract, { cacheDir: dir });
    // The second start required the module the first wrote, and wrote none.
    expect([readdirSync(dir), modules[join(dir, name!)]?.loaded]).toEqual([[name], true]);
    // Every answer documented as JSON, each string too long for any bound and each number far out of range.
    const broken = (value: Json): Json =>
      typeof value === 'string'
        ? value.repeat(50)
        : typeof value === 'number'
          ? -1e12
          : Array.isArray(value)
            ? value.map(broken)
            : value && typeof value === 'object'
              ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, broken(v)]))
              : value;
    let graded = 0;
    for (const operation of contract.operations) {
      for (const [status, response] of operation.responses) {
        for (const [mediaType, { examples }] of response.content) {
          for (const example of examples.values()) {
            const answer = { status: Number(status) || 500, contentType: mediaType, headers: {}, body: broken(example) };
            const judged = cached.validateOperationResponse(operation.operationId, answer);
            expect(judged, `${operation.label} ${status}`).toEqual(fresh.validateOperationResponse(operation.operationId, answer));
            graded += judged.violations.filter((v) => v.evidence.source === 'inferred' && v.rule.startsWith('schema ')).length;
          }
        }
      }
    }
    // Some of the breaks fell on a bound graded by its x-evidence, read from the module's schemas.
    expect(graded).toBeGreaterThan(0);
  }, 60_000);
});

describe('never a stale module', () => {
  test('a changed bound, or only a changed x-evidence, is compiled anew and judged by its own module', () => {
    const dir = freshDir();
    const before = compiled(bundle(5), dir);
    const bound = compiled(bundle(3), dir);
    const evidence = compiled(bundle(5, 'a new reason'), dir);
    expect([bound.origin, evidence.origin]).toEqual(['compiled', 'compiled']);
    expect(new Set([before.file, bound.file, evidence.file]).size).toBe(3);
    const fourCharacters = { id: 'ch_1', created_at: '2024-01-02T03:04:05Z' };
    expect(verdict(compiled(bundle(5), dir), fourCharacters)).toBe('valid');
    expect(verdict(compiled(bundle(3), dir), fourCharacters)).toEqual([['maxLength', '/id', { limit: 3 }, expect.anything()]]);
    const reloaded = compiled(bundle(5, 'a new reason'), dir);
    expect(reloaded.origin).toBe('loaded');
    expect(verdict(reloaded, LONG_ID_BAD_DATE)).toContainEqual([
      'maxLength',
      '/id',
      { limit: 5 },
      { maxLength: { source: 'inferred', reason: 'a new reason' } },
    ]);
  });

  test('other schemas of the same bundle, or the same ones without verbose errors, are another module', () => {
    const dir = freshDir();
    const one = compiled(bundle(), dir);
    const two = compiled(bundle(), dir, [...RESPONSE_SCHEMAS, JSON.stringify({ type: 'string' })]);
    const terse = compiledSchemas(bundle(), RESPONSE_SCHEMAS, { verbose: false, dirs: [dir], nameOf: String });
    expect([two.origin, terse.origin]).toEqual(['compiled', 'compiled']);
    expect(new Set([one.file, two.file, terse.file]).size).toBe(3);
    expect(terse.validators[0]!({})).toBe(false);
    expect(terse.validators[0]!.errors?.[0]).not.toHaveProperty('parentSchema');
  });
});

describe('a damaged cache is ignored and replaced', () => {
  const written = (): { dir: string; file: string; code: string } => {
    const dir = freshDir();
    const { file } = compiled(bundle(), dir);
    return { dir, file, code: readFileSync(file, 'utf8') };
  };
  test.each([
    ['not JavaScript', () => '\u0000{ not javascript'],
    ['cut short', (code: string) => code.slice(0, Math.floor(code.length / 2))],
    // A parsable module that lacks its last statement, which counts the functions.
    ['cut short, then closed', (code: string) => `${code.slice(0, code.lastIndexOf('exports.schemaCount'))}return exports;\n};\n`],
    ['a module for other schemas', () => 'module.exports = () => ({ s0: () => true, schemaCount: 2 });\n'],
    ['empty', () => ''],
  ])('%s: compiled again, the file replaced, then loaded', (_, damage) => {
    const { dir, file, code } = written();
    writeFileSync(file, damage(code));
    const again = compiled(bundle(), dir);
    expect([again.origin, again.file]).toEqual(['compiled', file]);
    expect(verdict(again, { id: 'ch_1' })).not.toBe('valid');
    expect(readFileSync(file, 'utf8')).toBe(code);
    expect(compiled(bundle(), dir).origin).toBe('loaded');
    expect(readdirSync(dir)).toHaveLength(1);
  });

  test('a place that cannot be written (a read-only install): compiled, judged, nothing kept', () => {
    const blocker = join(freshDir(), 'a-file');
    writeFileSync(blocker, '');
    const inMemory = compiled(bundle(), join(blocker, 'cache'));
    expect(inMemory.origin).toBe('compiled');
    expect(verdict(inMemory, LONG_ID_BAD_DATE)).toHaveLength(2);
  });

  test('a schema ajv cannot read fails, named by where it is used, and nothing is written', () => {
    const dir = freshDir();
    const unreadable = JSON.stringify({ type: 'string', maxLenght: 5 });
    expect(() =>
      compiledSchemas(bundle(), [...RESPONSE_SCHEMAS, unreadable], { verbose: true, dirs: [dir], nameOf: (i) => `getCharge response ${i}` }),
    ).toThrow(/^getCharge response 1: strict mode: unknown keyword: "maxLenght"/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('the cache keeps the last few bundles', () => {
  test(`a new module written, all but the ${KEPT} newest are removed`, () => {
    const dir = freshDir();
    const older = Array.from({ length: KEPT + 1 }, (_, age) => {
      const file = join(dir, `compiled-schemas-${String(age).padStart(32, '0')}.cjs`);
      writeFileSync(file, '');
      utimesSync(file, 1_000_000 - age, 1_000_000 - age);
      return file.slice(dir.length + 1);
    });
    const { file } = compiled(bundle(), dir);
    expect(readdirSync(dir).sort()).toEqual([...older.slice(0, KEPT - 1), file.slice(dir.length + 1)].sort());
  });
});
