// The receiver check against receivers that do it right and receivers that do not.
import { afterEach, describe, expect, it } from 'vitest';
import { checkReceiver } from './receiver-check.ts';
import { type Received, type TestReceiver, startReceiver } from '../contract-core/testing/webhook-receiver.ts';
import { WebhookRejected, verifyWebhook } from './verify.ts';

const TOKEN = 'whook_receiver_check';
const receivers: TestReceiver[] = [];
afterEach(async () => Promise.all(receivers.splice(0).map((receiver) => receiver.close())));

/** A receiver as a merchant should write it: verify, answer 2xx to any event (unknown types too), 401 without the token. */
const careful = (request: Received): number => {
  try {
    verifyWebhook(request, { token: TOKEN });
    return 200;
  } catch (error) {
    if (error instanceof WebhookRejected) return error.status;
    throw error;
  }
};

async function check(answer: Parameters<typeof startReceiver>[0], timeoutMs?: number) {
  const receiver = await startReceiver(answer);
  receivers.push(receiver);
  const report = await checkReceiver({ url: receiver.url, token: TOKEN, ...(timeoutMs ? { timeoutMs } : {}) });
  return { report, receiver, failed: report.results.filter((result) => !result.ok).map((result) => result.name) };
}

describe('checkReceiver', () => {
  it('passes a receiver that verifies, acknowledges every event and refuses requests without its token', async () => {
    const { report, receiver } = await check(careful);
    expect(report.ok).toBe(true);
    expect(report.results.map((result) => [result.name, result.status])).toEqual([
      ['payment_flow.succeeded', 200],
      ['payment_flow.payment_failed', 200],
      ['payment_flow.requires_action', 200],
      ['payment_method.attached', 200],
      ['refund.created', 200],
      ['checkout.session.completed', 200],
      ['checkout.session.expired', 200],
      ['duplicate of payment_flow.succeeded', 200],
      ['unknown type', 200],
      ['wrong token', 401],
      ['no token', 401],
    ]);
    // Fresh event IDs each run, the duplicate under the ID of the event it repeats.
    const ids = receiver.received.map((request) => request.eventId);
    expect(new Set(ids).size).toBe(ids.length - 1);
    expect(ids[7]).toBe(ids[0]);
  });

  it('fails a receiver that takes anything, one that refuses unknown types, and one that is too slow', async () => {
    expect((await check(() => 200)).failed).toEqual(['wrong token', 'no token']);
    const strict = (request: Received) => (JSON.parse(request.body).type.startsWith('receiver_check.') ? 400 : careful(request));
    expect((await check(strict)).failed).toEqual(['unknown type']);
    const { report, failed } = await check((request) => (request.eventId && careful(request) === 200 ? 'hang' : careful(request)), 100);
    expect(failed).toHaveLength(9);
    expect(report.results[0]).toMatchObject({ ok: false, status: null, detail: 'no answer within 100 ms' });
    const erroring = await check((request) => (careful(request) === 200 ? 500 : 401));
    expect(erroring.report.results[0]!.detail).toBe('answered 500: PAY.JP would retry');
  });

  it('sends nothing to a URL that is not http(s)', async () => {
    await expect(checkReceiver({ url: 'file:///tmp/x', token: TOKEN })).rejects.toThrow('--url must be an http or https URL');
    await expect(checkReceiver({ url: 'http://u:p@127.0.0.1/', token: TOKEN })).rejects.toThrow('must not carry a user name or password');
    // The token would cross the network in the clear: https, or http to this machine only.
    for (const url of ['http://receiver.example.jp/webhooks', 'http://10.0.0.5/webhooks', 'http://[::2]/', 'http://0.0.0.0:3000/'])
      await expect(checkReceiver({ url, token: TOKEN }), url).rejects.toThrow('--url must be https, or http on this machine');
    for (const timeoutMs of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, 3_000_000_000])
      await expect(checkReceiver({ url: 'http://127.0.0.1:9/', token: TOKEN, timeoutMs }), String(timeoutMs)).rejects.toThrow(
        '--timeout-ms must be a number of milliseconds > 0',
      );
    // A CR or LF would end the header and start another: refused, and the token never printed.
    for (const token of ['whook_secret\r\nX-Evil: 1', 'whook_secret\n', ' whook_secret', 'whook\u0000secret'])
      await expect(
        checkReceiver({ url: 'http://127.0.0.1:9/', token }).catch((error: Error) =>
          Promise.reject(new Error(error.message.includes('secret') ? 'printed the token' : error.message)),
        ),
        JSON.stringify(token),
      ).rejects.toThrow('--token holds a control character (a CR, an LF…) or surrounding whitespace');
  });
});
