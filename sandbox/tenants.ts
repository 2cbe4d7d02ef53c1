// Whose objects a request sees. Shared (the default): every key sees the same objects, seeded once. Isolated
// (`isolateKeys`): each secret key has objects of its own, seeded on its first request; `pk_test_X` is the
// publishable key of `sk_test_X`, so the browser's card entry lands beside its server's objects. Keys are kept
// only as digests. Reset: back to the seed without a restart.
import { createHash } from 'node:crypto';
import { Clocks, type SandboxClock } from './clock.ts';
import type { Database } from './storage/database.ts';
import type { TableSpec } from './storage/table.ts';
import { type Shared, State } from './state.ts';
import { during } from './store.ts';

/** A key as the store keeps it: a digest, never the key. */
export const keyDigest = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 24);

/** The one tenant of a shared sandbox. */
const SHARED = '';

export class Tenants {
  readonly #db: Database;
  readonly #shared: Shared;
  readonly #isolate: boolean;
  readonly #seed: (state: State) => void;
  /** Each tenant's clock (clock.ts): one for a shared sandbox, one per key when keys are isolated. */
  readonly clocks: Clocks;
  readonly #states = new Map<string, State>();
  /** Tenants known to be seeded (the store's `tenants` table says so for the others). */
  readonly #seeded = new Set<string>();

  constructor(db: Database, shared: Shared, options: { isolate: boolean; seed: (state: State) => void; clocks?: Clocks }) {
    this.#db = db;
    this.clocks = options.clocks ?? new Clocks();
    this.#shared = shared;
    this.#isolate = options.isolate;
    this.#seed = options.seed;
  }

  get webhooks(): Shared['webhooks'] {
    return this.#shared.webhooks;
  }

  get isolated(): boolean {
    return this.#isolate;
  }

  /** The tenant of a request's key: the shared one, or the key's own when keys are isolated. */
  tenantOf(key: string): string {
    return this.#isolate ? keyDigest(key.replace(/^pk_test_/, 'sk_test_')) : SHARED;
  }

  /** A tenant's clock: reset leaves it where it is, for a clock never goes back. */
  clockOf(tenant: string): SandboxClock {
    return this.clocks.of(tenant);
  }

  /** The state of a tenant, seeded first if it is new. Inside a unit (storage/database.ts). */
  state(tenant: string): State {
    let state = this.#states.get(tenant);
    if (!state) {
      state = new State(this.#db, tenant, this.#shared, this.clockOf(tenant));
      this.#states.set(tenant, state);
    }
    if (!this.#seeded.has(tenant)) {
      if (!this.#db.statement('SELECT 1 FROM tenants WHERE tenant = ?').get(tenant)) {
        this.#db.write('INSERT INTO tenants (tenant) VALUES (?)', tenant);
        during(state.clock, () => this.#seed(state));
      }
      this.#seeded.add(tenant);
    }
    return state;
  }

  /** The state whose `table` holds the object with this ID (the customer's pages carry no key), if any. */
  holding<T extends { id: string }>(table: TableSpec<T>, id: string): State | undefined {
    if (!this.#isolate) return this.state(SHARED);
    const tenant = this.#db.table(table).holder(id);
    return tenant === undefined ? undefined : this.state(tenant);
  }

  /**
   * Back to the seed: every object, idempotent answer and hidden value of the tenant is deleted and the seed
   * made again (undefined: every tenant; the shared one is seeded again at once, isolated ones on their next
   * request). Inside a unit.
   */
  reset(tenant?: string): void {
    this.#db.clear(tenant);
    if (tenant === undefined) this.#seeded.clear();
    else this.#seeded.delete(tenant);
    if (!this.#isolate || tenant !== undefined) this.state(tenant ?? SHARED);
  }
}
