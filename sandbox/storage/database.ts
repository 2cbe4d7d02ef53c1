// The sandbox's store: objects in memory (the default: JavaScript maps with an index per list filter) or in a
// file (SANDBOX_DB: SQLite, node:sqlite, built into Node), which outlives the process. Why two, with the
// measurements: sandbox/README.md, "Storage". The small tables (tenants, idempotent answers, hidden values)
// are SQLite in both cases, in memory or in the file.
//
// Work is done in units (a request, a hosted page, a seed): the objects a unit reads are kept by identity
// for the unit, so that handlers change them in place as plain objects; when the unit ends, each object it
// changed is written back (to the file) or moved in the indexes whose columns changed (in memory). Writes
// join a batch, one SQLite transaction that commits once the current turn of the event loop is over (group
// commit); answers wait for that commit (`committed()`), so that an answered request is in the file and a
// `kill -9` loses none.
import { DatabaseSync, type SQLInputValue, type StatementResultingChanges, type StatementSync } from 'node:sqlite';
import { MemoryTable } from './memory-table.ts';
import { ParsedObjects, SqliteTable, sqliteSchema } from './sqlite-table.ts';
import type { Settling, Table, TableSpec, Tracked, Units } from './table.ts';

/** Tables beside the objects': tenants seeded (with the reference their pages' URLs carry), idempotent answers, small values by key. */
const SUPPORT_TABLES = [
  'CREATE TABLE IF NOT EXISTS tenants (tenant TEXT PRIMARY KEY, ref TEXT UNIQUE) WITHOUT ROWID',
  'CREATE TABLE IF NOT EXISTS idempotency (tenant TEXT NOT NULL, scope TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, response TEXT NOT NULL, PRIMARY KEY (tenant, scope, key)) WITHOUT ROWID',
  'CREATE TABLE IF NOT EXISTS kv (tenant TEXT NOT NULL, space TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (tenant, space, key)) WITHOUT ROWID',
];

/** A number that changes with the schema (FNV-1a of its DDL, 31 bits): a file of another schema is refused. */
function versionOf(schema: readonly string[]): number {
  let hash = 0x811c9dc5;
  for (const char of schema.join(';')) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193);
  return hash >>> 1 || 1;
}

export class Database implements Units {
  /** The file, or undefined in memory. */
  readonly file: string | undefined;
  readonly #db: DatabaseSync;
  readonly #tables = new Map<string, Table<never>>();
  readonly #statements = new Map<string, StatementSync>();
  readonly #tracked = new Map<string, Tracked>();
  /** The same entries by object (for `settle`). */
  readonly #entries = new Map<object, Tracked>();
  /** The objects of memory tables the unit touched. */
  readonly #touched: Settling[] = [];
  /** The unit under way (0: none), counted so that an object knows whether this unit touched it. */
  #unit = 0;
  #units = 0;
  /** Written back by `settle`, the last thing a request's unit does: its end need not compare again. */
  #settled = false;
  #batch: { done: Promise<void>; resolve(): void; reject(error: unknown): void } | undefined;

  /** Opens (and creates) the store: `file` undefined for memory. Errors name the file. */
  constructor(file: string | undefined, tables: readonly TableSpec<never>[]) {
    this.file = file;
    const schema = [...SUPPORT_TABLES, ...(file === undefined ? [] : sqliteSchema(tables))];
    const version = versionOf(schema);
    try {
      this.#db = new DatabaseSync(file ?? ':memory:');
      if (file !== undefined) {
        // One process per file (a second sandbox on it is refused); the write-ahead log, whose frames are
        // written at each commit, so that the OS has them when the process is killed; no fsync, which
        // stalls the event loop for tens of milliseconds (sandbox/README.md, "Storage").
        this.#db.exec('PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF; PRAGMA cache_size = -65536');
      }
      const found = (this.#db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version;
      const empty = (this.#db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n === 0;
      if (found !== version && (found !== 0 || !empty))
        throw new Error(
          found === 0
            ? 'it is not a sandbox store (an SQLite database of something else)'
            : `it was written by another version of the sandbox (schema ${found}, this one reads ${version}): remove it, or give another file`,
        );
      this.#db.exec('BEGIN');
      for (const statement of schema) this.#db.exec(statement);
      this.#db.exec(`PRAGMA user_version = ${version}`);
      this.#db.exec('COMMIT');
    } catch (error) {
      throw new Error(`sandbox: the store ${file ?? '(memory)'} cannot be used: ${(error as Error).message}`, { cause: error });
    }
    const parsed = new ParsedObjects();
    for (const spec of tables) this.#tables.set(spec.name, file === undefined ? new MemoryTable(this, spec) : new SqliteTable(this, spec, parsed));
  }

  /** The table of `spec`, in memory or in the file. */
  table<T extends { id: string }>(spec: TableSpec<T>): Table<T> {
    const table = this.#tables.get(spec.name);
    if (!table) throw new Error(`sandbox: no table ${spec.name} in the store`);
    return table as unknown as Table<T>;
  }

  /** Deletes every object of a tenant (undefined: of all), in every table. */
  clear(tenant: string | undefined): void {
    this.forget();
    for (const table of this.#tables.values()) table.clear(tenant);
    const where = tenant === undefined ? '' : ' WHERE tenant = ?';
    for (const name of ['kv', 'idempotency', 'tenants']) this.write(`DELETE FROM ${name}${where}`, ...(tenant === undefined ? [] : [tenant]));
  }

  /** A prepared statement, once per SQL text. `indexed`: checked once to be an index search, never a scan or a sort. */
  statement(sql: string, indexed = false): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      if (indexed) {
        const plan = (this.#db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((row) => row.detail);
        if (plan.some((step) => !/^SEARCH /.test(step) || /TEMP B-TREE/.test(step)))
          throw new Error(`sandbox: a list without an index (declare it in sandbox/state/state.ts): ${sql}\n  plan: ${plan.join('; ')}`);
      }
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a statement that writes, in the batch under way (one is opened at the first write). */
  write(sql: string, ...values: SQLInputValue[]): StatementResultingChanges {
    this.#open();
    return this.statement(sql).run(...values);
  }

  /**
   * Runs `work` as a unit (joining the one under way, if any): the objects it reads are kept by identity,
   * and those it changed are written back when it ends, whether it returns or throws (a handler that
   * answers 402 has changed the payment flow before it throws, and that change stands).
   */
  unit<T>(work: () => T): T {
    if (this.#unit !== 0) return work();
    this.#unit = this.#units += 1;
    try {
      return work();
    } finally {
      this.forget();
      this.#unit = 0;
    }
  }

  /**
   * Resolves when what the units so far wrote (and so what they read) is committed; at once when no batch
   * is open. Rejects when the commit failed.
   */
  committed(): Promise<void> {
    return this.#batch?.done ?? Promise.resolve();
  }

  /** The object of the unit under way with this key, if it read or wrote it. */
  tracked(key: string): Tracked | undefined {
    this.#settled = false;
    return this.#tracked.get(key);
  }

  track(entry: Tracked): void {
    this.#settled = false;
    if (this.#unit === 0) return;
    this.#tracked.set(entry.key, entry);
    this.#entries.set(entry.item, entry);
  }

  touch(entry: Settling): void {
    this.#settled = false;
    if (this.#unit === 0 || entry.unit === this.#unit) return;
    entry.unit = this.#unit;
    this.#touched.push(entry);
  }

  untrack(key: string): void {
    const entry = this.#tracked.get(key);
    this.#tracked.delete(key);
    if (entry) this.#entries.delete(entry.item);
  }

  /** Writes back what the unit changed (before a query, so that it sees the changes). */
  flush(): void {
    for (const entry of this.#tracked.values()) entry.settle();
    for (const entry of this.#touched) entry.settle();
  }

  /** Writes back what the unit changed and forgets what it read. */
  forget(): void {
    if (!this.#settled) this.flush();
    this.#settled = false;
    if (this.#tracked.size > 0) {
      this.#tracked.clear();
      this.#entries.clear();
    }
    this.#touched.length = 0;
  }

  /**
   * Writes back what the unit changed, as its last step (its end then need not compare again), and answers the
   * JSON the store keeps of each object of the unit (a file's rows: an answer reuses it rather than
   * stringifying the object once more; in memory the store keeps objects, and there is none).
   */
  settle(): ((item: object) => string | undefined) | undefined {
    this.flush();
    this.#settled = true;
    return this.file === undefined ? undefined : (item) => this.#entries.get(item)?.raw;
  }

  /** Commits what is waiting, then closes; a store in memory is gone. */
  close(): void {
    this.#commit();
    this.#db.close();
  }

  #open(): void {
    if (this.#batch) return;
    this.#db.exec('BEGIN');
    let resolve = () => {};
    let reject: (error: unknown) => void = () => {};
    const done = new Promise<void>((ok, fail) => ((resolve = ok), (reject = fail)));
    done.catch(() => {}); // logged by #commit; those who wait for it get the error
    this.#batch = { done, resolve, reject };
    setImmediate(() => this.#commit());
  }

  #commit(): void {
    const batch = this.#batch;
    if (!batch) return;
    this.#batch = undefined;
    try {
      this.#db.exec('COMMIT');
      batch.resolve();
    } catch (error) {
      console.error(`sandbox: a commit to ${this.file ?? 'the store in memory'} failed; its requests answer 500`, error);
      if (this.#db.isTransaction) this.#db.exec('ROLLBACK');
      // The objects parsed from the file may hold what was rolled back.
      for (const table of this.#tables.values()) if (table instanceof SqliteTable) table.forgetCached();
      batch.reject(error);
    }
  }
}
