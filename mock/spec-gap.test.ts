// A code the operation does not list never reaches the client: with a bundle whose operation lacks
// `card_number_not_allowed`, a card number gets the closest listed code, and the log names the gap.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { BUNDLE_FILE, examplePath, readContract, type JsonObject } from '../contract-core/contract.ts';
import { type Mock, startMock } from './server.ts';

const bundle = JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as JsonObject;
const op = readContract(bundle).operations.find((o) => o.requestBody?.example !== undefined && o.errors.includes('card_number_not_allowed'));
const lines: string[] = [];
let mock: Mock;

beforeAll(async () => {
  if (!op) throw new Error('no operation with a request body example lists card_number_not_allowed');
  const gapped = structuredClone(bundle) as { paths: Record<string, Record<string, { 'x-errors': string[] }>> };
  const raw = gapped.paths[op.template]![op.method]!;
  raw['x-errors'] = raw['x-errors'].filter((code) => code !== 'card_number_not_allowed');
  mock = await startMock({ port: 0, spec: gapped as unknown as JsonObject, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await mock?.close();
});

test('a code the operation does not list is answered as the closest listed one, and logged as a spec gap', async () => {
  const path = examplePath(op!);
  // A test card's number (tok_visa).
  const body = { ...(op!.requestBody!.example as JsonObject), metadata: { note: '4242424242424242' } };
  const response = await fetch(mock.url + path, {
    method: op!.method.toUpperCase(),
    headers: { authorization: 'Bearer sk_test_mockGap', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ code: 'invalid_request', instance: path });
  expect(lines).toContainEqual(expect.stringContaining(`spec gap: ${op!.operationId} does not list card_number_not_allowed; answered invalid_request`));
});
