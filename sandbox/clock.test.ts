// Test clocks (sandbox/README.md, "Test clocks"): the sandbox's time told and moved on over HTTP and from
// startSandbox, expiries fired as the clock passes them (with no real waiting), never backwards, bounded,
// one clock per key under isolateKeys.
import { afterEach, describe, expect, it } from 'vitest';
import { type Sandbox, startSandbox } from './server.ts';
import { type Client, cardBody, clientOf, sandboxClient } from './test-support.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

const clock = async (key?: string) => (await client!.call('GET', '/sandbox/clock', key === undefined ? {} : { key })).body;
const move = (body: unknown, key?: string) => client!.call('POST', '/sandbox/clock', { body, ...(key === undefined ? {} : { key }) });
const moved = async (body: unknown, key?: string) => {
  const answer = await move(body, key);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
const stamp = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('telling and moving the clock', () => {
  it('GET tells the time; POST advance moves it on, and what the sandbox writes follows', async () => {
    client = await sandboxClient();
    const before = await clock();
    expect(before).toMatchObject({ object: 'sandbox.clock', scope: 'all', offset_ms: 0 });
    const after = await moved({ advance: '2h' });
    expect(after.offset_ms).toBe(2 * HOUR);
    expect(Date.parse(after.now) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * HOUR);
    const customer = await client.ok('POST', '/v2/customers', { email: 'later@example.jp' });
    expect(Date.parse(customer.created_at)).toBeGreaterThanOrEqual(Date.parse(stamp(Date.parse(after.now))));
    expect(Date.parse(customer.created_at) - Date.parse(before.now)).toBeGreaterThanOrEqual(2 * HOUR - 1000);
  });

  it('POST to sets it to a later time; each unit of a duration counts as it says', async () => {
    client = await sandboxClient();
    const start = Date.parse((await clock()).now);
    const target = start + 3 * DAY;
    expect(Date.parse((await moved({ to: stamp(target) })).now)).toBeGreaterThanOrEqual(target - 1000);
    for (const [advance, ms] of [
      ['1500ms', 1500],
      ['90s', 90_000],
      ['30m', 30 * 60_000],
      ['1d', DAY],
    ] as const) {
      const was = (await clock()).offset_ms;
      expect((await moved({ advance })).offset_ms - was).toBe(ms);
    }
  });

  it('never goes backwards, and refuses a huge or malformed move with 422 naming the field', async () => {
    client = await sandboxClient();
    const now = (await clock()).now;
    const refused = async (body: unknown, field: string) => {
      const answer = await move(body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.body).toMatchObject({ code: 'validation_error', instance: '/sandbox/clock' });
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual([field]);
      return answer.body.errors[0].message as string;
    };
    expect(await refused({ to: stamp(Date.parse(now) - DAY) }, 'to')).toMatch(/never goes backwards/);
    expect(await refused({ advance: '367d' }, 'advance')).toMatch(/366 days/);
    expect(await refused({ advance: '999999999999d' }, 'advance')).toMatch(/366 days/);
    expect(await refused({ to: '9999-12-31T23:59:59Z' }, 'to')).toMatch(/366 days/);
    expect(await refused({ advance: '0s' }, 'advance')).toMatch(/greater than 0/);
    expect(await refused({ advance: '-2h' }, 'advance')).toMatch(/duration/);
    expect(await refused({ advance: '2 hours' }, 'advance')).toMatch(/duration/);
    expect(await refused({ to: 'tomorrow' }, 'to')).toMatch(/date/i);
    expect(await refused({}, 'advance')).toMatch(/exactly one/);
    expect(await refused({ advance: '1h', to: now }, 'to')).toMatch(/exactly one/);
    expect(await refused({ advance: '1h', by: 'me' }, 'by')).toBeTruthy();
    expect((await clock()).offset_ms).toBe(0);
    const raw = await client.call('POST', '/sandbox/clock', { raw: '{"advance":' });
    expect(raw.body.code).toBe('invalid_request');
  });

  it('takes a secret key only', async () => {
    client = await sandboxClient();
    expect((await client.call('GET', '/sandbox/clock', { key: null })).status).toBe(401);
    expect((await move({ advance: '1h' }, 'pk_test_sandboxTests')).status).toBe(401);
    expect((await fetch(`${client.url}/sandbox/clock`, { method: 'PUT' })).status).toBe(405);
  });

  it('under isolateKeys each key has a clock of its own', async () => {
    client = await sandboxClient({ isolateKeys: true });
    await moved({ advance: '10d' }, 'sk_test_clockA');
    expect(await clock('sk_test_clockA')).toMatchObject({ scope: 'key', offset_ms: 10 * DAY });
    expect(await clock('sk_test_clockB')).toMatchObject({ scope: 'key', offset_ms: 0 });
    const a = await client.call('POST', '/v2/customers', { key: 'sk_test_clockA', body: {} });
    const b = await client.call('POST', '/v2/customers', { key: 'sk_test_clockB', body: {} });
    expect(Date.parse(a.body.created_at) - Date.parse(b.body.created_at)).toBeGreaterThanOrEqual(10 * DAY - 2000);
    // Reset takes the objects back to the seed, not the clock.
    await client.call('POST', '/sandbox/reset', { key: 'sk_test_clockA' });
    expect((await clock('sk_test_clockA')).offset_ms).toBe(10 * DAY);
  });
});

describe('what falls due fires as the clock passes it', () => {
  it('a checkout session expires, its event dated at expires_at', async () => {
    client = await sandboxClient();
    const price = (await client.ok('GET', '/v2/prices?limit=1')).data[0];
    // Two hours from the clock's time (the seed's sessions expire a day after the start).
    const expiresAt = stamp(Date.parse((await clock()).now) + 2 * HOUR + 1000);
    const session = await client.ok('POST', '/v2/checkout/sessions', {
      mode: 'payment',
      line_items: [{ price_id: price.id, quantity: 1 }],
      expires_at: expiresAt,
    });
    expect(session.status).toBe('open');
    expect((await moved({ advance: '2h' })).fired.checkout_sessions_expired).toBe(0);
    expect((await client.ok('GET', `/v2/checkout/sessions/${session.id}`)).status).toBe('open');
    expect((await moved({ advance: '2s' })).fired.checkout_sessions_expired).toBe(1);
    const events = (await client.ok('GET', `/v2/events?resource_id=${session.id}&type=checkout.session.expired`)).data;
    expect(events).toHaveLength(1);
    expect(events[0].created_at).toBe(session.expires_at);
    expect(events[0].data).toMatchObject({ id: session.id, status: 'expired' });
    expect((await client.ok('GET', `/v2/checkout/sessions/${session.id}`)).status).toBe('expired');
    // Fired once: a later move finds nothing more.
    expect((await moved({ advance: '1h' })).fired.checkout_sessions_expired).toBe(0);
  });

  it("a payment flow's authorization lapses after 7 days: expired_at, then capture answers payment_flow_expired", async () => {
    client = await sandboxClient();
    // A day on first: the seed's held flows then lapse a day before this one.
    await moved({ advance: '1d' });
    const customer = await client.ok('POST', '/v2/customers', {});
    const method = await client.ok('POST', '/v2/payment_methods', cardBody('tok_visa', { customer_id: customer.id }));
    const flow = await client.ok('POST', '/v2/payment_flows', {
      amount: 1000,
      currency: 'jpy',
      customer_id: customer.id,
      payment_method_id: method.id,
      capture_method: 'manual',
      confirm: true,
    });
    expect(flow).toMatchObject({ status: 'requires_capture', expired_at: null });
    await moved({ advance: '6d' });
    expect((await client.ok('GET', `/v2/payment_flows/${flow.id}`)).expired_at).toBeNull();
    expect((await moved({ advance: '1d' })).fired.payment_flows_expired).toBe(1);
    const lapsed = await client.ok('GET', `/v2/payment_flows/${flow.id}`);
    expect(Date.parse(lapsed.expired_at) - Date.parse(flow.updated_at)).toBeGreaterThanOrEqual(7 * DAY - 1000);
    expect(Date.parse(lapsed.expired_at) - Date.parse(flow.updated_at)).toBeLessThanOrEqual(7 * DAY + 1000);
    const captured = await client.post(`/v2/payment_flows/${flow.id}/capture`, {});
    expect(captured.body).toMatchObject({ status: 400, code: 'payment_flow_expired' });
  });
});

describe('startSandbox({ clock }) and sandbox.clock', () => {
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  it('the sandbox reads the source it is given, plus its moves', async () => {
    // A source that stands still: every time the sandbox writes is then known exactly (read from the system
    // clock at the start of the test, not a fixed date, so that it never lies in the past).
    const start = Math.floor(Date.now() / 1000) * 1000;
    sandbox = await startSandbox({ clock: { now: () => start } });
    const api = clientOf(sandbox.url, { reset: async () => {}, close: async () => {} });
    expect(sandbox.clock.now()).toMatchObject({ now: new Date(start).toISOString(), offset_ms: 0 });
    expect((await api.ok('POST', '/v2/customers', {})).created_at).toBe(stamp(start));
    const view = await sandbox.clock.move({ advance: '36h' });
    expect(view).toMatchObject({ now: new Date(start + 36 * HOUR).toISOString(), offset_ms: 36 * HOUR });
    expect((await api.ok('POST', '/v2/customers', {})).created_at).toBe(stamp(start + 36 * HOUR));
    await expect(sandbox.clock.move({ to: stamp(start) })).rejects.toMatchObject({
      code: 'validation_error',
      errors: [{ field: 'to', message: expect.stringMatching(/never goes backwards/) }],
    });
    expect((await api.ok('GET', '/sandbox/clock')).offset_ms).toBe(36 * HOUR);
  });

  it('a reset, even of every key, keeps the clocks; a key evicted by maxTenants loses its clock with its objects', async () => {
    sandbox = await startSandbox({ isolateKeys: true, maxTenants: 2 });
    const offset = (key: string) => sandbox!.clock.now(key).offset_ms;
    await sandbox.clock.move({ advance: '1h' }, 'sk_test_clockA');
    await sandbox.clock.move({ advance: '2h' }, 'sk_test_clockB');
    await sandbox.reset();
    expect([offset('sk_test_clockA'), offset('sk_test_clockB')]).toEqual([HOUR, 2 * HOUR]);
    // C, then A again (its clock where the reset left it): the two keys with objects. Beyond maxTenants clocks,
    // those of keys without objects go, oldest first: B's. D's first request evicts C, and its clock.
    await sandbox.clock.move({ advance: '3h' }, 'sk_test_clockC');
    await sandbox.clock.move({ advance: '1h' }, 'sk_test_clockA');
    await sandbox.clock.move({ advance: '4h' }, 'sk_test_clockD');
    expect(['A', 'B', 'C', 'D'].map((key) => offset(`sk_test_clock${key}`))).toEqual([2 * HOUR, 0, 0, 4 * HOUR]);
  });

  it('with isolated keys, sandbox.clock needs the key whose clock it reads or moves', async () => {
    sandbox = await startSandbox({ isolateKeys: true });
    expect(() => sandbox!.clock.now()).toThrow('sandbox.clock: keys are isolated, each with its clock: give the key');
    await sandbox.clock.move({ advance: '1h' }, 'sk_test_clockA');
    expect(sandbox.clock.now('sk_test_clockA').offset_ms).toBe(HOUR);
    expect(sandbox.clock.now('sk_test_clockB').offset_ms).toBe(0);
  });
});
