// The hostile-request tests both servers must pass alike, registered into the calling test file: request
// targets of every form (one table, TARGET_CASES), a key asked for first on an absolute-form target, a client
// leaving mid-body, and 300 seeded malformed requests. After each, the server still serves and has logged
// nothing as its own failure.
import { describe, expect, it } from 'vitest';
import { TARGET_CASES, cutBody, malformedRequests, sendAll, sendAndDrop, sendRaw, withHead } from './raw-http.ts';

export interface ServerUnderAttack {
  /** The server's own name and the other's, for the tests' titles. */
  name: string;
  counterpart: string;
  url(): string;
  /** What the server logged as its own failure since the last test (each file clears it before each test). */
  failuresLogged(): unknown[];
  /** Seed of the malformed requests. */
  seed: number;
}

export function hostileRequestTests(server: ServerUnderAttack): void {
  async function stillServes(): Promise<void> {
    const answer = await sendRaw(server.url(), withHead('GET /v2/customers HTTP/1.1'));
    expect(answer.status, answer.body).toBe(200);
    expect(server.failuresLogged()).toEqual([]);
  }

  describe(`request targets (RFC 9112 §3.2), as the ${server.counterpart} answers them`, () => {
    it.each(TARGET_CASES.map((c) => [c.name, c] as const))('%s', async (_, { line, status, code, allow }) => {
      const answer = await sendRaw(server.url(), withHead(line));
      expect(answer.status, answer.body).toBe(status);
      if (code) {
        expect(answer.headers['content-type']).toBe('application/problem+json');
        expect(JSON.parse(answer.body)).toMatchObject({ status, code });
      } else if (allow) {
        expect(answer.headers).toMatchObject({ allow, 'content-length': '0' });
      } else expect(answer.headers['content-type']).toBe('application/json');
      await stillServes();
    });

    it('asks for a key before anything else on an absolute-form target', async () => {
      const answer = await sendRaw(server.url(), 'GET http://127.0.0.1/v2/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(answer.status).toBe(401);
    });
  });

  it(`takes a client that leaves mid-body for what it is, not for a failure of the ${server.name}`, async () => {
    const head = 'POST /v2/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer sk_test_rawHttp\r\nContent-Type: application/json\r\n';
    await sendAndDrop(server.url(), cutBody(head, '{"email":'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await stillServes();
  });

  it('answers or closes each of 300 malformed requests (seeded), and keeps serving', async () => {
    const statuses = await sendAll(server.url(), malformedRequests(server.seed, 300));
    expect(statuses.filter((status) => status !== undefined && status >= 500)).toEqual([]);
    expect(statuses.filter((status) => status !== undefined).length).toBeGreaterThan(150);
    await stillServes();
  });
}
