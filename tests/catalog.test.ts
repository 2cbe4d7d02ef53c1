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
  it('has the 31 published codes, 14 named by the client or a later SDK and 429 as our inference', () => {
    const by = (source: string) => catalog.filter((def) => def.evidence.source === source).map((def) => def.code);
    expect(by('published')).toHaveLength(31);
    expect(by('client').sort()).toEqual([
      'apple_pay_disabled_in_livemode',
      'extended_authorization_not_available',
      'invalid_apple_pay_token',
      'invalid_default_price',
      'invalid_payment_method_types',
      'metadata_limit_exceeded',
      'payment_failed',
      'payment_flow_expired',
      'payment_method_customer_mismatch',
      'payment_method_type_not_allowed',
      'price_not_found_or_inactive',
      'product_has_prices',
      'tax_rate_not_found_or_inactive',
      'unacceptable_brand_on_apple_pay',
    ]);
    const ours = catalog.filter((def) => def.evidence.source === 'inferred');
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
      expect(generated).toEqual({
        status: def.status,
        title: def.title,
        type: def.type,
        detail: def.detail,
        retry: def.retry,
        replay: def.replay,
        source: def.evidence.source,
        ...(def.evidence.reason ? { reason: def.evidence.reason } : {}),
        titleSource: def.titleSource,
        headers: def.headers,
        headerEvidence: def.headerEvidence,
      });
    }
    expect(isErrorCode('card_declined')).toBe(true);
    expect(isErrorCode('card_declined ')).toBe(false);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('emits a shared error response only where an operation answers it', () => {
    const refs = JSON.stringify([bundle.paths, bundle.webhooks ?? {}]).match(/#\/components\/responses\/\w+/g) ?? [];
    const used = new Set(refs.map((ref) => ref.slice('#/components/responses/'.length)));
    expect(Object.keys(bundle.components.responses).sort()).toEqual([...used].sort());
  });

  it('gives every operation of the bundle its codes, and only catalog codes', () => {
    const operations = Object.values(bundle.paths)
      .flatMap((item) => Object.values(item as object))
      .filter((op) => op?.operationId);
    expect(Object.keys(OPERATION_ERRORS).sort()).toEqual(operations.map((op) => op.operationId).sort());
    for (const codes of Object.values(OPERATION_ERRORS)) expect(codes.every(isErrorCode)).toBe(true);
  });

  it('names the file and line of a bad entry', () => {
    const original = readFileSync(CATALOG_FILE, 'utf8');
    const text = original.replace('    status: 402\n    title: "Card Declined"', '    status: 299\n    title: "Card Declined"');
    const line = text.split('\n').findIndex((l) => l.includes('status: 299')) + 1;
    expect(() => parseCatalog(text, 'catalog.yaml')).toThrow(`catalog.yaml:${line}: card_declined.status must be an HTTP error status`);
    expect(() => parseCatalog(original.replace('retry: new-key', 'retry: maybe'), 'catalog.yaml')).toThrow(
      /catalog\.yaml:\d+: processing_error\.retry must be one of no, same-key, new-key/,
    );
  });

  it('refuses a fact without its evidence, an inferred title off the rule, and retry advice replay would defeat', () => {
    const original = readFileSync(CATALOG_FILE, 'utf8');
    const entry = (code: string): string => new RegExp(`\\n  ${code}:\\n(?:    .*\\n)+`).exec(original)![0];
    const edit = (code: string, from: string | RegExp, to: string): string => original.replace(entry(code), entry(code).replace(from, to));
    expect(() => parseCatalog(edit('rate_limit_exceeded', '    reason: "PAY.JP', '    said: "PAY.JP'), 'catalog.yaml')).toThrow(
      /rate_limit_exceeded: unknown field 'said'/,
    );
    expect(() => parseCatalog(edit('rate_limit_exceeded', / {4}reason: .*\n/, ''), 'catalog.yaml')).toThrow(
      /catalog\.yaml:\d+: rate_limit_exceeded\.source is inferred: say why in a reason/,
    );
    expect(() => parseCatalog(edit('card_declined', 'title: "Card Declined"', 'title: "Card declined"'), 'catalog.yaml')).toThrow(
      /card_declined\.title is inferred, so it follows rules\.title_case: "Card Declined" \(got "Card declined"\)/,
    );
    expect(() => parseCatalog(edit('processing_error', 'retry: new-key', 'retry: same-key'), 'catalog.yaml')).toThrow(
      /processing_error: retry same-key with replay stored would only replay the stored answer/,
    );
  });
});
