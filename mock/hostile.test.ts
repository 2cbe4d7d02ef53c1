// The mock under hostile requests, sent as raw bytes: request targets of every form (the table the sandbox
// answers alike), a client leaving mid-body, and a few hundred seeded malformed requests. The mock must
// answer or close each, keep serving, and log none of them as its own failure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TARGET_CASES, cutBody, malformedRequests, sendAll, sendAndDrop, sendRaw, withHead } from '../contract-core/testing/raw-http.ts';
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

async function stillServes(): Promise<void> {
  const answer = await sendRaw(mock.url, withHead('GET /v2/customers HTTP/1.1'));
  expect(answer.status, answer.body).toBe(200);
  expect(unexpected()).toEqual([]);
}

describe('request targets (RFC 9112 §3.2), as the sandbox answers them', () => {
  it.each(TARGET_CASES.map((c) => [c.name, c] as const))('%s', async (_, { line, status, code, allow }) => {
    const answer = await sendRaw(mock.url, withHead(line));
    expect(answer.status, answer.body).toBe(status);
    if (code) {
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(JSON.parse(answer.body)).toMatchObject({ status, code });
    } else if (allow) {
      expect(answer.headers).toMatchObject({ allow, 'content-length': '0' });
    } else expect(answer.headers['content-type']).toBe('application/json');
    await stillServes();
  });

  it('routes an absolute-form target with its query, and names the path as the instance', async () => {
    const answer = await sendRaw(mock.url, withHead('GET http://127.0.0.1/v2/customers?limit=0 HTTP/1.1'));
    expect(answer.status).toBe(422);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'validation_error', instance: '/v2/customers' });
  });

  it('asks for a key before anything else on an absolute-form target', async () => {
    const answer = await sendRaw(mock.url, 'GET http://127.0.0.1/v2/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(answer.status).toBe(401);
  });
});

it('takes a client that leaves mid-body for what it is, not for a failure of the mock', async () => {
  const head = 'POST /v2/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk_test_rawHttp\r\nContent-Type: application/json\r\n';
  await sendAndDrop(mock.url, cutBody(head, '{"email":'));
  await new Promise((resolve) => setTimeout(resolve, 50));
  await stillServes();
});

it('answers or closes each of 300 malformed requests (seeded), and keeps serving', async () => {
  const statuses = await sendAll(mock.url, malformedRequests(7, 300));
  expect(statuses.filter((status) => status !== undefined && status >= 500)).toEqual([]);
  expect(statuses.filter((status) => status !== undefined).length).toBeGreaterThan(150);
  await stillServes();
});
