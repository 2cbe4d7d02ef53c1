// The one table of card-number cases (contract-core/card-number.cases.ts) against both servers and the
// contract runner: a refused body is `400 card_number_not_allowed` from the mock and the sandbox alike and
// never leaves the runner; any other body gets the same answer from both servers and is sent.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CARD_NUMBER_CASES } from '../../contract-core/card-number.cases.ts';
import { createContractClient } from '../../contract-tests/lib/client.ts';
import { RefusedError } from '../../contract-tests/lib/secrets.ts';
import { startMock } from '../../mock/server.ts';
import { startSandbox } from '../../sandbox/server.ts';
import { exchange, type RawAnswer } from './http.ts';
import { PARITY_KEY } from './request-cases.ts';
import { TestKey } from '../../contract-tests/lib/keys.ts';

const received: string[] = [];
const target = createServer((req, res) => {
  let body = '';
  req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
  req.on('end', () => {
    received.push(`${req.method} ${req.url} ${body}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
const urls = { mock: '', sandbox: '', target: '' };
const closers: (() => Promise<unknown>)[] = [];
beforeAll(async () => {
  const [mock, sandbox] = await Promise.all([startMock({ port: 0, log: false }), startSandbox({ port: 0 })]);
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  closers.push(
    () => mock.close(),
    () => sandbox.close(),
    () => new Promise((resolve) => target.close(resolve)),
  );
  Object.assign(urls, { mock: mock.url, sandbox: sandbox.url, target: `http://127.0.0.1:${(target.address() as AddressInfo).port}` });
});
afterAll(() => Promise.all(closers.map((close) => close())));

const post = (server: 'mock' | 'sandbox', body: string): Promise<RawAnswer> =>
  exchange(urls[server], {
    method: 'POST',
    path: '/v2/customers',
    headers: { authorization: `Bearer ${PARITY_KEY}`, 'content-type': 'application/json' },
    body,
  });

describe('the mock and the sandbox', () => {
  test.each(CARD_NUMBER_CASES.map((c) => [c.reason, c] as const))('%s', async (_, c) => {
    const answers = { mock: await post('mock', c.body), sandbox: await post('sandbox', c.body) };
    for (const [server, answer] of Object.entries(answers)) {
      const seen = `${server}: ${c.body} → ${answer.status} ${answer.text.slice(0, 300)}`;
      if (c.refused) {
        expect([answer.status, answer.json?.['code']], seen).toEqual([400, 'card_number_not_allowed']);
        expect(answer.json?.['detail'], seen).toContain(c.field === undefined ? 'the body holds one' : `the field ${c.field} holds one`);
        expect(answer.text, `${seen}: the number is never echoed`).not.toContain('4242424242424242');
      } else expect(answer.json?.['code'], seen).not.toBe('card_number_not_allowed');
    }
    expect(answers.sandbox.status, `mock ${answers.mock.text.slice(0, 200)}; sandbox ${answers.sandbox.text.slice(0, 200)}`).toBe(answers.mock.status);
    expect(answers.sandbox.json?.['code']).toBe(answers.mock.json?.['code']);
  });
});

describe('the contract runner', () => {
  const client = () =>
    createContractClient({ baseUrl: urls.target, secretKey: new TestKey(PARITY_KEY, 'the parity key'), rate: 1000, concurrency: 4, timeoutMs: 2000 });
  test.each(CARD_NUMBER_CASES.map((c) => [c.reason, c] as const))('%s', async (_, c) => {
    received.length = 0;
    const sending = client().send({ method: 'post', path: '/v2/customers', body: c.body });
    if (c.refused) {
      await expect(sending).rejects.toThrow(RefusedError);
      await expect(sending).rejects.toThrow(/refusing to send a raw card number \(\*+\d{4}\)/);
      expect(received).toEqual([]);
    } else {
      await sending;
      expect(received).toEqual([`POST /v2/customers ${c.body}`]);
    }
  });
  test('a card number in the query is refused too, written with spaces (sent as +)', async () => {
    received.length = 0;
    await expect(client().send({ method: 'get', path: '/v2/customers', query: { note: '4242 4242 4242 4242' } })).rejects.toThrow(RefusedError);
    await expect(client().send({ method: 'get', path: '/v2/customers/4242424242424242' })).rejects.toThrow(RefusedError);
    expect(received).toEqual([]);
  });
});
