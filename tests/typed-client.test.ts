// A client generated from our bundle (openapi-fetch over generated/api.d.ts) can call every operation:
// one call per operation, built from the spec's own parameter and body examples, must type-check under
// strict TypeScript, and a wrong call must not.
import { afterAll, describe, expect, it } from 'vitest';
import { bundle, deref, type Json } from './support/bundle.ts';
import { scratchTypecheck } from './support/typecheck.ts';
import { operationsOf } from '../contract-core/conventions.ts';

function callOf(path: string, method: string, operation: Json, pathItem: Json): string {
  const parameters = [...(pathItem['parameters'] ?? []), ...(operation['parameters'] ?? [])].map(deref);
  const pathParams = Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, p.example ?? p.schema?.example ?? 'id_1']));
  const media = deref(operation['requestBody'] ?? {})['content']?.['application/json'];
  const body = media?.example ?? Object.values(media?.examples ?? {}).map((e) => deref(e as Json)['value'])[0];
  const init = {
    params: { path: Object.keys(pathParams).length > 0 ? pathParams : undefined, header: method === 'post' ? { 'Idempotency-Key': 'key-1' } : undefined },
    body: media ? (body ?? {}) : undefined,
  };
  return `  // ${operation['operationId']}\n  await client.${method.toUpperCase()}(${JSON.stringify(path)}, ${JSON.stringify(init)});`;
}

const scratch = scratchTypecheck('typed-client');
afterAll(() => scratch.remove());
const typecheck = (source: string): string => scratch.check(source);

const header = `import createClient from 'openapi-fetch';\nimport type { paths } from '../../generated/api.d.ts';\nconst client = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' });\n`;

describe('a typed client over the generated paths', () => {
  const calls = operationsOf(bundle).map(({ path, method, operation }) => callOf(path, method, operation, bundle['paths'][path]));

  it('type-checks a call to every operation', () => {
    expect(calls).toHaveLength(operationsOf(bundle).length);
    expect(typecheck(`${header}export async function callAll(): Promise<void> {\n${calls.join('\n')}\n}\n`)).toBe('');
  }, 60_000);

  it('rejects a call with a wrong field type', () => {
    const wrong = `${header}export async function wrong(): Promise<void> {\n  await client.POST('/v2/customers', { body: { email: 42 } });\n}\n`;
    expect(typecheck(wrong)).toMatch(/error TS2322/);
  }, 60_000);
});
