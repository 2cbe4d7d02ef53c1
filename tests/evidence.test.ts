// The catalog's codes, statuses and titles, and the codes each operation lists, held against what PAY.JP
// publishes and what the official client and SDK document (tests/fixtures/payjp-published-errors.json, taken
// from the shared notes: the TypeScript client 1.0.5's titles per operation, and the titles PAY.JP's SDK added
// and removed since, up to 1.1.0), so that a fact marked `published` or `client` cannot drift from its source.
import { describe, expect, it } from 'vitest';
import { OPERATION_ERRORS } from '../generated/error-catalog.ts';
import { loadCatalog, titleFromCode } from '../scripts/lib/catalog.ts';
import facts from './fixtures/payjp-published-errors.json' with { type: 'json' };
import { bundle } from './support/bundle.ts';
import { operationsOf } from '../contract-core/conventions.ts';

const catalog = new Map(loadCatalog().map((def) => [def.code, def]));
/** The client gives titles; their codes are the titles in snake_case ("Already Exists ID" → already_exists_id). */
const codeOf = (title: string): string => title.toLowerCase().replaceAll(' ', '_');
/** The titles of each operation in the newest SDK: the client 1.0.5's, with each later release's changes applied. */
const newestTitles = (): Map<string, Map<number, Set<string>>> => {
  const byOperation = new Map(
    Object.entries(facts.client.operations).map(([operationId, byStatus]) => [
      operationId,
      new Map(Object.entries(byStatus).map(([status, titles]) => [Number(status), new Set(titles)])),
    ]),
  );
  for (const { operation, status, added, removed } of facts.sdk_since_client.titles) {
    const byStatus = byOperation.get(operation)!;
    const titles = byStatus.get(status) ?? new Set<string>();
    for (const title of removed) expect(titles.delete(title), `${operation} ${status} ${title}`).toBe(true);
    for (const title of added) titles.add(title);
    byStatus.set(status, titles);
  }
  return byOperation;
};
const clientTitles = [...newestTitles()].flatMap(([operationId, byStatus]) =>
  [...byStatus].flatMap(([status, titles]) => [...titles].map((title) => ({ operationId, status, title, code: codeOf(title) }))),
);
const publishedCodes = new Map(facts.published.codes.map((entry) => [entry.code, entry.status]));
const evidenceOf = new Map(
  operationsOf(bundle).map(
    ({ operation }) => [String(operation['operationId']), operation['x-errors-evidence'] as Record<string, { source: string; reason?: string }>] as const,
  ),
);

describe('the catalog against the published catalog and the client', () => {
  it('has every published code with its status, marked published, and marks no other code so', () => {
    for (const [code, status] of publishedCodes) {
      expect(catalog.get(code), code).toMatchObject({ status, evidence: { source: 'published' } });
    }
    const claimed = [...catalog.values()].filter((def) => def.evidence.source === 'published').map((def) => def.code);
    expect(claimed.sort()).toEqual([...publishedCodes.keys()].sort());
  });

  it('has every code the client names, with its title and status; those the published catalog lacks are marked client', () => {
    for (const { code, status, title, operationId } of clientTitles) {
      const def = catalog.get(code);
      expect(def, `${operationId} ${status} ${title}`).toBeDefined();
      expect({ status: def!.status, title: def!.title }, code).toEqual({ status, title });
      expect(def!.evidence.source, code).toBe(publishedCodes.has(code) ? 'published' : 'client');
    }
    const claimed = [...catalog.values()].filter((def) => def.evidence.source === 'client').map((def) => def.code);
    expect(claimed.every((code) => clientTitles.some((t) => t.code === code))).toBe(true);
  });

  it('marks each title with its source: published, else the client, else inferred by the title rule', () => {
    const clientNamed = new Set(clientTitles.map((t) => t.title));
    for (const def of catalog.values()) {
      const expected = facts.published.titles.includes(def.title) ? 'published' : clientNamed.has(def.title) ? 'client' : 'inferred';
      expect(def.titleSource, def.code).toBe(expected);
      if (expected === 'inferred') expect(def.title, def.code).toBe(titleFromCode(def.code));
    }
  });

  it('infers titles by a rule every title PAY.JP gives follows', () => {
    for (const title of [...facts.published.titles, ...clientTitles.map((t) => t.title)]) expect(titleFromCode(codeOf(title))).toBe(title);
  });
});

describe('the codes of each operation against the client', () => {
  it('lists every code the client names for the operation, with that status, marked client', () => {
    expect(Object.keys(facts.client.operations).sort()).toEqual(Object.keys(OPERATION_ERRORS).sort());
    for (const { operationId, code } of clientTitles) {
      expect(OPERATION_ERRORS[operationId as keyof typeof OPERATION_ERRORS], operationId).toContain(code);
      expect(evidenceOf.get(operationId)?.[code]?.source, `${operationId} ${code}`).toBe('client');
    }
  });

  it('marks client only what the client or the SDK names, save unauthorized (the client authenticates every call), whose reason says so', () => {
    const named = new Set(clientTitles.map((t) => `${t.operationId} ${t.code}`));
    for (const [operationId, evidence] of evidenceOf) {
      for (const [code, { source, reason }] of Object.entries(evidence)) {
        if (source !== 'client' || named.has(`${operationId} ${code}`)) continue;
        expect(code, `${operationId} ${code} is marked client without the client or the SDK naming it`).toBe('unauthorized');
        expect(reason).toBe(catalog.get(code)!.appliesEvidence!.reason);
      }
    }
    expect(catalog.get('unauthorized')!.appliesEvidence!.reason).toContain('all 65 operations');
  });

  it('answers each status the SDK added without a title, with a code listed by inference', () => {
    for (const { operation, status } of facts.sdk_since_client.statuses_without_title) {
      const codes = OPERATION_ERRORS[operation as keyof typeof OPERATION_ERRORS].filter((code) => catalog.get(code)!.status === status);
      expect(codes, `${operation} ${status}`).not.toEqual([]);
      for (const code of codes) expect(evidenceOf.get(operation)?.[code]?.source, `${operation} ${code}`).toBe('inferred');
    }
  });

  it('names the SDK release in the reason of each code that only a later SDK than the client 1.0.5 names', () => {
    const in105 = new Set(Object.values(facts.client.operations).flatMap((byStatus) => Object.values(byStatus).flat()));
    const later = clientTitles.filter((t) => !in105.has(t.title) && !publishedCodes.has(t.code));
    expect(later.length).toBeGreaterThan(0);
    for (const { code } of later) {
      const { source, reason } = catalog.get(code)!.evidence;
      expect(source, code).toBe('client');
      expect(reason, code).toMatch(/SDK .*since 1\.\d+\.\d+/);
    }
  });

  it('gives every other code of an operation an inferred reason or a rule of the catalog', () => {
    for (const [operationId, evidence] of evidenceOf) {
      for (const [code, { source, reason }] of Object.entries(evidence)) {
        if (source === 'inferred') expect(reason, `${operationId} ${code}`).toMatch(/\S/);
        else expect(['published', 'client'], `${operationId} ${code}`).toContain(source);
      }
    }
  });
});
