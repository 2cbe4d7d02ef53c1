// The mock under hostile requests, sent as raw bytes: request targets of every form (the table the sandbox
// answers alike), a client leaving mid-body, and a few hundred seeded malformed requests. The mock must
// answer or close each, keep serving, and log none of them as its own failure.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { hostileRequestTests } from '../contract-core/testing/hostile-requests.ts';
import { sendRaw, withHead } from '../contract-core/testing/raw-http.ts';
import { type Mock, startMock } from './server.ts';

let mock: Mock;
const lines: string[] = [];
const unexpected = (): string[] => lines.filter((line) => /unexpected|failed/i.test(line));

beforeAll(async () => {
  mock = await startMock({ port: 0, log: (line) => lines.push(line) });
});
afterAll(async () => {
  await mock?.close();
});
beforeEach(() => {
  lines.length = 0;
});

hostileRequestTests({ name: 'mock', counterpart: 'sandbox', url: () => mock.url, failuresLogged: unexpected, seed: 7 });

it('routes an absolute-form target with its query, and names the path as the instance', async () => {
  const answer = await sendRaw(mock.url, withHead('GET http://127.0.0.1/v2/customers?limit=0 HTTP/1.1'));
  expect(answer.status).toBe(422);
  expect(JSON.parse(answer.body)).toMatchObject({ code: 'validation_error', instance: '/v2/customers' });
});
