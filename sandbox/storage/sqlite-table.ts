// A table of objects in the file: each object a row of JSON with its filtered columns beside it, `seq` its
// creation order, an index per list filter (tenant, columns, seq) and (id, tenant) for lookups. An object a
// unit reads is parsed once and written back at the unit's end if its JSON changed. The objects last read or
// written stay parsed (a bounded cache, by seq and by ID): the sandbox is the only process on its file, so
// what it wrote last is what the file holds. A list reads its page's seqs from its index (from the index
// alone when it has every filtered column) and parses only the objects not kept.
import { type Placed, type Table, type TableSpec, type Tracked, type Units, indexFor } from './table.ts';

/**
 * The objects that stay parsed, of every table together, the least recently used leaving first: at most
 * `maxObjects` (500: five pages of the longest lists) and at most `maxChars` characters of JSON (8 MiB: each
 * kept object holds its JSON and its parsed copy, so about twice that much heap, whatever clients send; a
 * count alone let 500 objects of 1 MB take 1 GB). The load test's bound on the heap of a sandbox with a file
 * (load.test.ts) keeps the count small: 1,000 per table measured 20 MB after its run, over the bound's 16.
 */
export class ParsedObjects {
  static readonly MAX_OBJECTS = 500;
  static readonly MAX_CHARS = 8 * 1024 * 1024;
  /** Entry → its table's forgetting of it and its size, oldest first (a Map keeps the order of insertion). */
  readonly #recent = new Map<object, { forget: () => void; chars: number }>();
  readonly #maxObjects: number;
  readonly #maxChars: number;
  #chars = 0;

  constructor(maxObjects = ParsedObjects.MAX_OBJECTS, maxChars = ParsedObjects.MAX_CHARS) {
    this.#maxObjects = maxObjects;
    this.#maxChars = maxChars;
  }

  /** What is kept: objects and characters of JSON. */
  get size(): { objects: number; chars: number } {
    return { objects: this.#recent.size, chars: this.#chars };
  }

  /** The entry, of `chars` characters of JSON, becomes the most recently used; the oldest leave while over a bound. */
  use(entry: object, forget: () => void, chars: number): void {
    this.drop(entry);
    this.#recent.set(entry, { forget, chars });
    this.#chars += chars;
    while (this.#recent.size > this.#maxObjects || (this.#chars > this.#maxChars && this.#recent.size > 0)) {
      const [oldest, kept] = this.#recent.entries().next().value!;
      this.drop(oldest);
      kept.forget();
    }
  }

  drop(entry: object): void {
    const kept = this.#recent.get(entry);
    if (!kept) return;
    this.#recent.delete(entry);
    this.#chars -= kept.chars;
  }
}

/** An object of the file, parsed, with its JSON as last written. */
interface Entry<T extends object> extends Tracked {
  item: T;
  raw: string;
  /** Takes it out of its table's cache. */
  forget(): void;
}

/** The DDL of the tables. */
export function sqliteSchema(tables: readonly TableSpec<never>[]): string[] {
  return tables.flatMap(({ name, columns, indexes }) => {
    const extra = Object.keys(columns)
      .map((column) => `, ${column} TEXT`)
      .join('');
    return [
      `CREATE TABLE IF NOT EXISTS ${name} (seq INTEGER PRIMARY KEY, tenant TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL${extra}, UNIQUE (id, tenant))`,
      `CREATE INDEX IF NOT EXISTS ${indexName(name, [])} ON ${name} (tenant)`,
      ...indexes.map((set) => `CREATE INDEX IF NOT EXISTS ${indexName(name, set)} ON ${name} (tenant, ${set.join(', ')})`),
    ];
  });
}

const indexName = (table: string, set: readonly string[]): string => `${table}_by_${set.length === 0 ? 'tenant' : set.join('_')}`;

export class SqliteTable<T extends { id: string }> implements Table<T> {
  readonly #db: Units;
  readonly #spec: TableSpec<T>;
  readonly #columns: readonly [string, (item: T) => string | null][];
  readonly #insert: string;
  readonly #update: string;
  readonly #seqOf: string;
  readonly #bodyOf: string;
  readonly #parsed: ParsedObjects;
  /** This table's parsed objects (ParsedObjects says which stay), by seq. */
  readonly #cache = new Map<number, Entry<T>>();
  /** The same, by tracking key (tenant and ID). */
  readonly #cacheByKey = new Map<string, Entry<T>>();

  constructor(db: Units, spec: TableSpec<T>, parsed: ParsedObjects) {
    this.#db = db;
    this.#parsed = parsed;
    this.#spec = spec;
    this.#columns = Object.entries(spec.columns);
    const names = this.#columns.map(([name]) => `, ${name}`).join('');
    this.#insert = `INSERT INTO ${spec.name} (tenant, id, body${names}) VALUES (?, ?, ?${this.#columns.map(() => ', ?').join('')})`;
    this.#update = `UPDATE ${spec.name} SET body = ?${this.#columns.map(([name]) => `, ${name} = ?`).join('')} WHERE seq = ?`;
    this.#seqOf = `SELECT seq FROM ${spec.name} WHERE id = ? AND tenant = ?`;
    this.#bodyOf = `SELECT id, body FROM ${spec.name} WHERE seq = ?`;
  }

  get(tenant: string, id: string): Placed<T> | undefined {
    const key = this.#key(tenant, id);
    const known = (this.#db.tracked(key) as Entry<T> | undefined) ?? this.#cacheByKey.get(key);
    if (known) return this.#use(known);
    const row = this.#db.statement(this.#seqOf).get(id, tenant) as { seq: number } | undefined;
    return row && this.#load(tenant, row.seq);
  }

  insert(tenant: string, item: T): void {
    const json = JSON.stringify(item);
    const { lastInsertRowid } = this.#db.write(this.#insert, tenant, item.id, json, ...this.#values(item));
    this.#use(this.#entry(tenant, Number(lastInsertRowid), json, item));
  }

  remove(tenant: string, id: string): void {
    const entry = this.get(tenant, id) as Entry<T> | undefined;
    if (!entry) return;
    this.#db.write(`DELETE FROM ${this.#spec.name} WHERE seq = ?`, entry.seq);
    this.#db.untrack(entry.key);
    this.#uncache(entry);
  }

  search(tenant: string, equal: Readonly<Record<string, string>>, older: boolean, after: number | undefined, limit: number): Placed<T>[] {
    const columns = Object.keys(equal).sort();
    // The index is named, so that the planner cannot take one that scans; the statement's plan is checked
    // once: a search, never a scan or a sort. Only `seq` is read: where the index has every filtered column,
    // the page is found in the index alone.
    const index = indexName(this.#spec.name, indexFor(this.#spec, columns));
    const bound = after === undefined ? '' : ` AND seq ${older ? '<' : '>'} ?`;
    const sql =
      `SELECT seq FROM ${this.#spec.name} INDEXED BY ${index} WHERE tenant = ?${columns.map((column) => ` AND ${column} = ?`).join('')}${bound}` +
      ` ORDER BY seq ${older ? 'DESC' : 'ASC'} LIMIT ?`;
    const values = [tenant, ...columns.map((column) => equal[column]!), ...(after === undefined ? [] : [after]), limit];
    return (this.#db.statement(sql, true).all(...values) as { seq: number }[]).map(({ seq }) => this.#load(tenant, seq)!);
  }

  clear(tenant: string | undefined): void {
    if (tenant === undefined) this.#db.write(`DELETE FROM ${this.#spec.name}`);
    else this.#db.write(`DELETE FROM ${this.#spec.name} WHERE tenant = ?`, tenant);
    this.forgetCached();
  }

  holders(id: string, limit: number): string[] {
    return (this.#db.statement(`SELECT tenant FROM ${this.#spec.name} WHERE id = ? LIMIT ?`).all(id, limit) as { tenant: string }[]).map((row) => row.tenant);
  }

  /** Drops the parsed objects (the file changed without them: a rollback, a clear). */
  forgetCached(): void {
    for (const entry of this.#cache.values()) this.#parsed.drop(entry);
    this.#cache.clear();
    this.#cacheByKey.clear();
  }

  #values(item: T): (string | null)[] {
    return this.#columns.map(([, read]) => read(item));
  }

  #key(tenant: string, id: string): string {
    return `${this.#spec.name}\n${tenant}\n${id}`;
  }

  /** The object at `seq`: the unit's own or a cached one if there is one, else parsed from its row. */
  #load(tenant: string, seq: number): Entry<T> | undefined {
    const cached = this.#cache.get(seq);
    if (cached) return this.#use(cached);
    const row = this.#db.statement(this.#bodyOf).get(seq) as { id: string; body: string } | undefined;
    if (!row) return undefined;
    const tracked = this.#db.tracked(this.#key(tenant, row.id)) as Entry<T> | undefined;
    return this.#use(tracked ?? this.#entry(tenant, seq, row.body, JSON.parse(row.body) as T));
  }

  /** The unit tracks the entry, and it becomes the most recently used of the parsed objects. */
  #use(entry: Entry<T>): Entry<T> {
    this.#db.track(entry);
    this.#cache.set(entry.seq, entry);
    this.#cacheByKey.set(entry.key, entry);
    this.#parsed.use(entry, entry.forget, entry.raw.length);
    return entry;
  }

  #uncache(entry: Entry<T>): void {
    this.#parsed.drop(entry);
    entry.forget();
  }

  #entry(tenant: string, seq: number, raw: string, item: T): Entry<T> {
    const entry: Entry<T> = {
      key: this.#key(tenant, item.id),
      seq,
      item,
      raw,
      settle: () => {
        const json = JSON.stringify(item);
        if (json === entry.raw) return;
        this.#db.write(this.#update, json, ...this.#values(item), seq);
        entry.raw = json;
        // Its size changed: counted again (and it stays kept only if the bounds allow).
        if (this.#cache.get(seq) === entry) this.#parsed.use(entry, entry.forget, json.length);
      },
      forget: () => {
        this.#cache.delete(seq);
        this.#cacheByKey.delete(entry.key);
      },
    };
    return entry;
  }
}
