// Whose objects a request sees. Shared (the default): every key sees the same objects, seeded once. Isolated
// (`isolateKeys`): each secret key has objects of its own, seeded on its first request; `pk_test_X` is the
// publishable key of `sk_test_X`, so the browser's card entry lands beside its server's objects. Keys are kept
// only as digests. An isolated tenant has a reference, random and no secret, that the URLs of its customer's
// pages carry (`/tenants/<ref>/sandbox/…`), so that a page acts on that key's objects without a key. At most
// `maxTenants` keys have objects at once: beyond, the one used least recently loses them (as a reset would),
// so that a sandbox taking a key per CI run keeps its memory bounded. Reset: back to the seed without a restart.
// Each tenant has its test clock (clock.ts): a reset leaves it where it is, an eviction drops it with the objects.
import { createHash } from 'node:crypto';
import { Clocks, type SandboxClock } from './clock.ts';
import type { Database } from '../storage/database.ts';
import type { TableSpec } from '../storage/table.ts';
import { type Shared, State } from './state.ts';
import { IdMaker } from './ids.ts';

/** A key as the store keeps it: a digest, never the key. */
export const keyDigest = (key: string): string => createHash('sha256').update(key).digest('base64url').slice(0, 24);

/** The one tenant of a shared sandbox. */
const SHARED = '';

/** Keys with objects at once, by default (about 140 KB of heap each in memory, seeded: 14 MB). */
export const MAX_TENANTS = 100;

/** A customer's page named without its tenant, for an ID several tenants hold (a seeded one). */
export class SeveralHolders extends Error {}

interface Known {
  /** The reference its pages' URLs carry (isolated tenants only). */
  ref: string | null;
  state: State | undefined;
}

export class Tenants {
  readonly #db: Database;
  readonly #shared: Shared;
  readonly #isolate: boolean;
  readonly #seed: (state: State) => void;
  readonly #max: number;
  /** The tenants seeded (the store's `tenants` table), least recently used first. */
  readonly #known = new Map<string, Known>();
  readonly #byRef = new Map<string, string>();
  /**
   * Each tenant's clock (clock.ts): one for a shared sandbox, one per key when keys are isolated. Kept over a
   * reset (a clock never goes back); an evicted tenant's goes with its objects.
   */
  readonly #clocks: Clocks;
  /** The sandbox's source of IDs, which every tenant's `ids` draws on. */
  readonly #ids = new IdMaker();

  constructor(db: Database, shared: Shared, options: { isolate: boolean; seed: (state: State) => void; maxTenants?: number; clocks?: Clocks }) {
    this.#db = db;
    this.#clocks = options.clocks ?? new Clocks();
    this.#shared = shared;
    this.#isolate = options.isolate;
    this.#seed = options.seed;
    this.#max = options.maxTenants ?? MAX_TENANTS;
    for (const { tenant, ref } of db.statement('SELECT tenant, ref FROM tenants').all() as { tenant: string; ref: string | null }[])
      this.#remember(tenant, ref);
  }

  get webhooks(): Shared['webhooks'] {
    return this.#shared.webhooks;
  }

  get isolated(): boolean {
    return this.#isolate;
  }

  /** Tenants with objects now, and at most. */
  get count(): { tenants: number; max: number } {
    return { tenants: this.#known.size, max: this.#isolate ? this.#max : 1 };
  }

  /** The tenant of a request's key: the shared one, or the key's own when keys are isolated. */
  tenantOf(key: string): string {
    return this.#isolate ? keyDigest(key.replace(/^pk_test_/, 'sk_test_')) : SHARED;
  }

  /** The tenant a page's URL names by its reference, if it has objects. */
  byRef(ref: string): string | undefined {
    return this.#byRef.get(ref);
  }

  /**
   * A tenant's clock. One that has none yet (no objects, never moved) is told its source's time by a clock not
   * kept, so that asking about many keys keeps nothing; its clock is made with its objects (state()).
   */
  clockOf(tenant: string): SandboxClock {
    return this.#clocks.kept(tenant) ?? this.#clocks.unkept();
  }

  /** The state of a tenant, seeded first if it is new. Inside a unit (storage/database.ts). */
  state(tenant: string): State {
    let known = this.#known.get(tenant);
    if (known === undefined) known = this.#add(tenant);
    else if (this.#isolate && this.#known.size > 1) {
      // Most recently used last: the first is the one to evict.
      this.#known.delete(tenant);
      this.#known.set(tenant, known);
    }
    known.state ??= new State(this.#db, tenant, this.#shared, this.#clocks.of(tenant), this.#ids, known.ref ?? undefined);
    return known.state;
  }

  /**
   * The state whose `table` holds the object with this ID, for a customer's page (no key): the tenant its
   * URL names, else the one tenant holding the ID; several (a seeded ID): SeveralHolders.
   */
  holding<T extends { id: string }>(table: TableSpec<T>, id: string, tenant: string | undefined): State | undefined {
    if (!this.#isolate) return this.state(SHARED);
    if (tenant !== undefined) return this.state(tenant);
    const holders = this.#db.table(table).holders(id, 2);
    if (holders.length > 1) throw new SeveralHolders(id);
    return holders.length === 0 ? undefined : this.state(holders[0]!);
  }

  /**
   * Back to the seed: every object, idempotent answer and hidden value of the tenant is deleted and the seed
   * made again (undefined: every tenant; the shared one is seeded again at once, isolated ones on their next
   * request). Inside a unit.
   */
  reset(tenant?: string): void {
    this.#db.clear(tenant);
    if (tenant === undefined) {
      this.#known.clear();
      this.#byRef.clear();
    } else this.#forget(tenant);
    if (!this.#isolate || tenant !== undefined) this.state(tenant ?? SHARED);
  }

  #add(tenant: string): Known {
    if (this.#isolate) {
      for (const [oldest] of this.#known) {
        if (this.#known.size < this.#max) break;
        this.#db.clear(oldest);
        this.#forget(oldest);
        this.#clocks.drop(oldest);
      }
      // Beyond maxTenants clocks, those of keys without objects (kept over a reset of every key) go, oldest first.
      this.#clocks.trim(this.#max, (kept) => kept === tenant || this.#known.has(kept));
    }
    const ref = this.#isolate ? `tn_${this.#ids.secret()}` : null;
    this.#db.write('INSERT INTO tenants (tenant, ref) VALUES (?, ?)', tenant, ref);
    const known = this.#remember(tenant, ref);
    known.state = new State(this.#db, tenant, this.#shared, this.#clocks.of(tenant), this.#ids, ref ?? undefined);
    known.state.seedWith(this.#seed);
    return known;
  }

  #remember(tenant: string, ref: string | null): Known {
    const known: Known = { ref, state: undefined };
    this.#known.set(tenant, known);
    if (ref !== null) this.#byRef.set(ref, tenant);
    return known;
  }

  #forget(tenant: string): void {
    const ref = this.#known.get(tenant)?.ref;
    if (ref) this.#byRef.delete(ref);
    this.#known.delete(tenant);
  }
}
