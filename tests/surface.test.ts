// The bundled spec is the whole v2 surface: the upstream operations, each with a success schema, an example
// for every documented response, and error responses whose codes come from the catalog.
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOG, OPERATION_ERRORS, isErrorCode } from '../generated/error-catalog.ts';
import upstream from './fixtures/upstream-operations.json' with { type: 'json' };
import { bundle, deref, type Json } from './support/bundle.ts';
import { operationsOf, PROBLEM_MEDIA_TYPE } from '../contract-core/conventions.ts';
import { everyOperationStatuses, loadCatalog } from '../scripts/lib/catalog.ts';

const operations = operationsOf(bundle);

/** The `code` enums a problem schema allows: the narrowest enum found through allOf and $ref. */
function allowedCodes(schema: Json): string[] | undefined {
  const node = deref(schema);
  const own = node['properties']?.['code']?.['enum'] as string[] | undefined;
  const inner = (node['allOf'] as Json[] | undefined)?.map(allowedCodes).filter((codes): codes is string[] => codes !== undefined) ?? [];
  return [own, ...inner]
    .filter((codes) => codes !== undefined)
    .reduce<string[] | undefined>((narrowest, codes) => (!narrowest || codes!.length < narrowest.length ? codes : narrowest), undefined);
}

describe('the v2 surface', () => {
  it('has exactly the upstream operations: paths, methods and operationIds', () => {
    const ours = operations.map(({ path, method, operation }) => `${method} ${path} ${operation.operationId}`).sort();
    expect(ours).toEqual(upstream.map(({ path, method, operationId }) => `${method} ${path} ${operationId}`).sort());
    expect(ours).toHaveLength(65);
  });

  it.each(operations.map((op) => [op.operation.operationId, op] as const))('%s: success schema, examples, catalog errors', (_id, { operation }) => {
    const responses = operation['responses'] as Json;
    const success = Object.keys(responses).filter((status) => /^2/.test(status));
    expect(success.length).toBeGreaterThan(0);
    for (const status of success) {
      const media = deref(responses[status])['content']?.['application/json'];
      expect(media?.schema, `${status} has a schema`).toBeDefined();
      expect(media.example ?? media.examples, `${status} has an example`).toBeDefined();
    }
    const codes = OPERATION_ERRORS[operation.operationId as keyof typeof OPERATION_ERRORS] as readonly string[];
    for (const status of Object.keys(responses).filter((s) => /^[45]/.test(s))) {
      const content = deref(responses[status])['content'];
      expect(Object.keys(content)).toEqual([PROBLEM_MEDIA_TYPE]);
      const allowed = allowedCodes(content[PROBLEM_MEDIA_TYPE].schema);
      const expected = codes.filter((code) => ERROR_CATALOG[code as keyof typeof ERROR_CATALOG].status === Number(status));
      expect(allowed, `${status} code enum`).toEqual(expected);
      // One named example per code, and each is that code's catalog entry.
      const examples = content[PROBLEM_MEDIA_TYPE].examples as Json;
      expect(Object.keys(examples)).toEqual(expected);
      for (const [name, example] of Object.entries(examples)) {
        const value = deref(example)['value'];
        expect(isErrorCode(value.code) && value.code === name).toBe(true);
        expect([value.status, value.type, value.title]).toEqual([
          Number(status),
          ERROR_CATALOG[name as keyof typeof ERROR_CATALOG].type,
          ERROR_CATALOG[name as keyof typeof ERROR_CATALOG].title,
        ]);
      }
    }
    for (const status of everyOperationStatuses(loadCatalog())) expect(responses[status], `documents ${status}`).toBeDefined();
  });
});
