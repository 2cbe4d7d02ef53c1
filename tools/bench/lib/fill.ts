// A large store made through the storage layer rather than over HTTP (a million objects in seconds, not
// hours): `size` objects, half customers and half their `customer.created` events, as if that many
// customers had been created, with IDs a benchmark can name (the same for the same `n`).
import { random } from '../../../contract-core/random.ts';
import { SandboxClock } from '../../../sandbox/state/clock.ts';
import type { Customer, SandboxEvent } from '../../../sandbox/state/model.ts';
import { State } from '../../../sandbox/state/state.ts';
import type { Database } from '../../../sandbox/storage/database.ts';
import { IdMaker } from '../../../sandbox/state/ids.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const UNIT = 10_000;

/** The ID of the `n`th filled object: `prefix` and 24 base-62 characters, as random-looking as real ones. */
function filledId(prefix: string, n: number): string {
  const draw = random(n * 2 + (prefix === 'cus_' ? 0 : 1));
  let id = prefix;
  for (let i = 0; i < 24; i += 1) id += ALPHABET[Math.floor(draw() * 62)];
  return id;
}

/**
 * The customer in the middle of a store of `size` objects (for lookups and cursors), or in a small one the
 * newest, so that a page of 10 older than it is full (9 filled and the seed's).
 */
export const middleCustomer = (size: number): string => filledId('cus_', Math.min(Math.max(Math.floor(size / 4), 10), size / 2 - 1));

/** Adds `size` objects to the shared tenant of `db`, committed in units of UNIT customers. */
export async function fill(db: Database, size: number): Promise<void> {
  const state = new State(db, '', { origin: 'http://127.0.0.1', webhooks: undefined }, new SandboxClock(), new IdMaker());
  const now = state.ids.timestamp();
  for (let start = 0; start < size / 2; start += UNIT) {
    db.unit(() => {
      for (let n = start; n < Math.min(size / 2, start + UNIT); n += 1) {
        const customer: Customer = {
          object: 'customer',
          id: filledId('cus_', n),
          livemode: false,
          email: `growth-${n}@example.jp`,
          description: 'growth bench',
          default_payment_method_id: null,
          metadata: { n: String(n) },
          created_at: now,
          updated_at: now,
        };
        state.customers.add(customer);
        const event: SandboxEvent = {
          object: 'event',
          id: filledId('evnt_', n),
          livemode: false,
          type: 'customer.created',
          pending_webhooks: 0,
          data: { ...customer, metadata: { ...customer.metadata } },
          created_at: now,
          updated_at: now,
        };
        state.events.add(event);
      }
    });
    await db.committed();
  }
}
