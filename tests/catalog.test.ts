// The catalog is the one source: the bundle and the TS module must say exactly what it says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, ERROR_CODES, OPERATION_ERRORS, isErrorCode } from '../generated/error-catalog.ts';
import { CATALOG_FILE } from '../scripts/lib/paths.ts';
import { loadCatalog, parseCatalog } from '../scripts/lib/catalog.ts';
import { problemSchemaName } from '../scripts/lib/expand-errors.ts';
import { bundle } from './support/bundle.ts';

const catalog = loadCatalog();
const schemas = bundle.components.schemas;

describe('the error catalog', () => {
  it('has the 31 published codes and 429 marked as our addition', () => {
    expect(catalog.filter((def) => def.origin === 'published')).toHaveLength(31);
    const ours = catalog.filter((def) => def.origin === 'contract');
    expect(ours.map((def) => [def.code, def.status])).toEqual([['rate_limit_exceeded', 429]]);
    expect(ours[0]!.headers).toContain('Retry-After');
  });

  it('appears in the bundle: every code in the enum of its own status and of no other', () => {
    for (const def of catalog) {
      for (const status of new Set(catalog.map((d) => d.status))) {
        const codes = schemas[problemSchemaName(status)].allOf[1].properties.code.enum as string[];
        expect(codes.includes(def.code), `${def.code} in Problem${status}`).toBe(status === def.status);
      }
    }
  });

  it('is what the generated TypeScript module exports', () => {
    expect(ERROR_CODES).toEqual(catalog.map((def) => def.code));
    for (const def of catalog) {
      const generated = ERROR_CATALOG[def.code as keyof typeof ERROR_CATALOG];
      expect(generated).toEqual({ status: def.status, title: def.title, type: def.type, retry: def.retry, origin: def.origin, headers: def.headers });
    }
    expect(isErrorCode('card_declined')).toBe(true);
    expect(isErrorCode('card_declined ')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('gives every operation of the bundle its codes, and only catalog codes', () => {
    const operations = Object.values(bundle.paths).flatMap((item) => Object.values(item as object)).filter((op) => op?.operationId);
    expect(Object.keys(OPERATION_ERRORS).sort()).toEqual(operations.map((op) => op.operationId).sort());
    for (const codes of Object.values(OPERATION_ERRORS)) expect(codes.every(isErrorCode)).toBe(true);
  });

  it('names the file and line of a bad entry', () => {
    const original = readFileSync(CATALOG_FILE, 'utf8');
    const text = original.replace('    status: 402\n    title: "Card declined"', '    status: 299\n    title: "Card declined"');
    const line = text.split('\n').findIndex((l) => l.includes('status: 299')) + 1;
    expect(() => parseCatalog(text, 'catalog.yaml')).toThrow(`catalog.yaml:${line}: card_declined.status must be an HTTP error status`);
    expect(() => parseCatalog(original.replace('retry: same-key', 'retry: maybe'), 'catalog.yaml')).toThrow(/catalog\.yaml:\d+: processing_error\.retry must be one of no, same-key, new-key/);
  });
});
