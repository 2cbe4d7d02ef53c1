// Mock and sandbox answer the same request the same way: every row of request-cases.ts is sent to both,
// over HTTP, and each must answer the row's status and code.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WWW_AUTHENTICATE } from '../../contract-core/credentials.ts';
import { startMock } from '../../mock/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { exchange } from './http.ts';
import { PARITY_CASES } from './request-cases.ts';

const servers: Record<'mock' | 'sandbox', { url: string; close(): Promise<void> } | undefined> = { mock: undefined, sandbox: undefined };
beforeAll(async () => {
  [servers.mock, servers.sandbox] = await Promise.all([startMock({ port: 0, log: false }), startSandbox({ port: 0 })]);
});
afterAll(async () => {
  await Promise.all([servers.mock?.close(), servers.sandbox?.close()]);
});

describe.each(['mock', 'sandbox'] as const)('%s', (server) => {
  test.each(PARITY_CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const answer = await exchange(servers[server]!.url, c.request);
    const seen = `${c.request.method} ${c.request.path} → ${answer.status} ${answer.text.slice(0, 300)} (${c.source})`;
    expect(answer.status, seen).toBe(c.status);
    if (c.code !== undefined) expect(answer.json?.['code'], seen).toBe(c.code);
    if (c.allow !== undefined) expect(answer.headers['allow'], seen).toBe(c.allow);
    if (c.field !== undefined) expect(answer.json?.['errors'], seen).toContainEqual(expect.objectContaining({ field: c.field }));
    // RFC 9110 §11.6.1: a 401 names the schemes the server takes.
    if (c.status === 401) expect(answer.headers['www-authenticate'], seen).toBe(WWW_AUTHENTICATE);
  });
});
