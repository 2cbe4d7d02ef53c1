// Dynamic mode: data generated from the schemas (seeded) must still be what the contract documents, for
// every operation's success, and the same request must get the same answer.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUNDLE_FILE, examplePath, readContract, type JsonObject, type Operation } from '../contract-core/contract.ts';
import { createValidator } from '../contract-core/validator.ts';
import { type Mock, startMock } from './server.ts';

const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as JsonObject;
const contract = readContract(bundle);
const validator = createValidator(contract);
let mock: Mock;

beforeAll(async () => {
  mock = await startMock({ port: 0, log: false, dynamic: true, seed: 'suite', spec: bundle });
});
afterAll(async () => {
  await mock?.close();
});

function request(op: Operation): [string, RequestInit] {
  const path = examplePath(op);
  const headers: Record<string, string> = { authorization: 'Bearer sk_test_mockDynamic' };
  const body = op.requestBody?.example;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return [path, { method: op.method.toUpperCase(), headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }];
}

test.each(contract.operations.map((op) => [op.label, op] as const))('%s: generated success is documented and repeatable', async (_, op) => {
  const [path, init] = request(op);
  const first = await fetch(mock.url + path, init);
  const text = await first.text();
  expect(first.status, text).toBe(200);
  const result = validator.validateResponse({
    method: op.method,
    path,
    status: first.status,
    contentType: first.headers.get('content-type'),
    headers: first.headers,
    body: text,
  });
  expect(result.operationId).toBe(op.operationId);
  expect(result.violations, JSON.stringify(result.violations, null, 2)).toEqual([]);
  expect(result.infrastructure).toEqual([]);
  expect(await (await fetch(mock.url + path, init)).text()).toBe(text);
});
