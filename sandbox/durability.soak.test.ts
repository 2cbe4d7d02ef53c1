// A sandbox with its objects in a file, killed (SIGKILL) under a load of creates and started again on the
// same file: every create answered 200 is there, none is there twice, and idempotent replays still replay.
// Bounded: at most CREATES requests, and the kill comes after KILL_AFTER answers or KILL_AFTER_MS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { EXAMPLE_OBJECTS } from '../contract-core/example-objects.ts';
import { startSandbox } from './server.ts';
import { type SandboxProcess, TEST_KEY, sandboxProcess } from './test-support.ts';

const CREATES = 4000;
const CONNECTIONS = 8;
const KILL_AFTER = 600;
const KILL_AFTER_MS = 5000;

const folder = mkdtempSync(join(tmpdir(), 'sandbox-durability-'));
const running: SandboxProcess[] = [];
afterAll(async () => {
  for (const sandbox of running) sandbox.child.kill('SIGKILL');
  await Promise.all(running.map((sandbox) => sandbox.exited));
  rmSync(folder, { recursive: true, force: true });
});

const headers = (key: string) => ({ authorization: `Bearer ${TEST_KEY}`, 'content-type': 'application/json', 'idempotency-key': key });
const bodyOf = (n: number) => JSON.stringify({ description: 'durability', metadata: { n: String(n) } });

async function create(url: string, n: number): Promise<{ status: number; id: string; replayed: boolean }> {
  const response = await fetch(`${url}/v2/customers`, { method: 'POST', headers: headers(`durability-${n}`), body: bodyOf(n) });
  const body = (await response.json()) as { id: string };
  return { status: response.status, id: body.id, replayed: response.headers.get('idempotent-replayed') === 'true' };
}

it('loses no answered create to kill -9, makes none twice, and still replays idempotent requests', async () => {
  const env = { SANDBOX_DB: join(folder, 'sandbox.db') };
  const first = await sandboxProcess(env);
  running.push(first);
  const answered = new Map<number, string>(); // n → the ID answered with 200
  const started = performance.now();
  let next = 0;
  let killed = false;
  const kill = () => {
    if (!killed) first.child.kill('SIGKILL');
    killed = true;
  };
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (!killed && next < CREATES) {
        const n = (next += 1);
        try {
          const answer = await create(first.url, n);
          if (answer.status === 200) answered.set(n, answer.id);
        } catch {
          // In flight when the process died: not answered.
        }
        if (answered.size >= KILL_AFTER || performance.now() - started > KILL_AFTER_MS) kill();
      }
    }),
  );
  await first.exited;
  const sent = next;
  expect(answered.size).toBeGreaterThanOrEqual(Math.min(KILL_AFTER, 100));

  const second = await sandboxProcess(env);
  running.push(second);
  // Every answered create, under its key: the same customer, replayed.
  for (const [n, id] of answered) {
    const again = await create(second.url, n);
    expect({ n, status: again.status, id: again.id, replayed: again.replayed }).toEqual({ n, status: 200, id, replayed: true });
  }
  // Those in flight at the kill, sent again under their keys: each is made now or was made then, once.
  for (let n = 1; n <= sent; n += 1) if (!answered.has(n)) expect((await create(second.url, n)).status).toBe(200);
  const made = new Map<string, string[]>(); // n → IDs of customers with it
  const others: string[] = []; // the seed's: made once, not again at the restart
  for (let after = ''; ; ) {
    const page = (await (await fetch(`${second.url}/v2/customers?limit=100${after}`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).json()) as {
      data: { id: string; metadata: { n?: string } }[];
      has_more: boolean;
    };
    for (const customer of page.data)
      if (customer.metadata.n) made.set(customer.metadata.n, [...(made.get(customer.metadata.n) ?? []), customer.id]);
      else others.push(customer.id);
    if (!page.has_more) break;
    after = `&starting_after=${page.data.at(-1)!.id}`;
  }
  // The seed's customers, once: as many as a fresh sandbox holds (a guest's ID is drawn anew), the named ones among them.
  const fresh = await startSandbox({ port: 0 });
  const seeded = (
    (await (await fetch(`${fresh.url}/v2/customers?limit=100`, { headers: { authorization: `Bearer ${TEST_KEY}` } })).json()) as { data: { id: string }[] }
  ).data;
  await fresh.close();
  expect(others).toHaveLength(seeded.length);
  expect(others).toEqual(expect.arrayContaining([EXAMPLE_OBJECTS.customer, EXAMPLE_OBJECTS.secondCustomer, EXAMPLE_OBJECTS.customerToDelete]));
  const twice = [...made].filter(([, ids]) => ids.length > 1);
  expect(twice).toEqual([]);
  expect(made.size).toBe(sent);
  for (const [n, id] of answered) expect(made.get(String(n))).toEqual([id]);
});
