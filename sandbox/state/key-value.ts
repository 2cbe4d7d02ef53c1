// Small values by key that are not in the public objects (a payment method's test card, a payment flow's
// refunded total, a checkout session's line items), kept in the store beside them, per tenant.
import type { Database } from '../storage/database.ts';

export interface Codec<V> {
  encode(value: V): string;
  decode(text: string): V | undefined;
}

const JSON_CODEC: Codec<never> = { encode: (value) => JSON.stringify(value), decode: (text) => JSON.parse(text) as never };

export class KeyValue<V> {
  readonly #db: Database;
  readonly #tenant: string;
  readonly #space: string;
  readonly #codec: Codec<V>;

  constructor(db: Database, tenant: string, space: string, codec: Codec<V> = JSON_CODEC) {
    this.#db = db;
    this.#tenant = tenant;
    this.#space = space;
    this.#codec = codec;
  }

  get(key: string): V | undefined {
    const row = this.#db.statement('SELECT value FROM kv WHERE tenant = ? AND space = ? AND key = ?').get(this.#tenant, this.#space, key) as
      | { value: string }
      | undefined;
    return row && this.#codec.decode(row.value);
  }

  set(key: string, value: V): void {
    this.#db.write('INSERT OR REPLACE INTO kv (tenant, space, key, value) VALUES (?, ?, ?, ?)', this.#tenant, this.#space, key, this.#codec.encode(value));
  }
}
