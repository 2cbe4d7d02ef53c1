// A table of objects in the file: each object a row of JSON with its filtered columns beside it, `seq` its
// creation order, an index per list filter (tenant, columns, seq) and (id, tenant) for lookups. An object a
// unit reads is parsed once and written back at the unit's end if its JSON changed.
import { type Placed, type Table, type TableSpec, type Units, indexFor } from './table.ts';

interface Row {
  seq: number;
  id: string;
  body: string;
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
  readonly #select: string;

  constructor(db: Units, spec: TableSpec<T>) {
    this.#db = db;
    this.#spec = spec;
    this.#columns = Object.entries(spec.columns);
    const names = this.#columns.map(([name]) => `, ${name}`).join('');
    this.#insert = `INSERT INTO ${spec.name} (tenant, id, body${names}) VALUES (?, ?, ?${this.#columns.map(() => ', ?').join('')})`;
    this.#update = `UPDATE ${spec.name} SET body = ?${this.#columns.map(([name]) => `, ${name} = ?`).join('')} WHERE seq = ?`;
    this.#select = `SELECT seq, id, body FROM ${spec.name} WHERE id = ? AND tenant = ?`;
  }

  get(tenant: string, id: string): Placed<T> | undefined {
    const tracked = this.#db.tracked(this.#key(tenant, id)) as Placed<T> | undefined;
    if (tracked) return tracked;
    const row = this.#db.statement(this.#select).get(id, tenant) as Row | undefined;
    return row && this.#load(tenant, row);
  }

  insert(tenant: string, item: T): void {
    const json = JSON.stringify(item);
    const { lastInsertRowid } = this.#db.write(this.#insert, tenant, item.id, json, ...this.#values(item));
    this.#track(tenant, Number(lastInsertRowid), json, item);
  }

  remove(tenant: string, id: string): void {
    this.#db.write(`DELETE FROM ${this.#spec.name} WHERE id = ? AND tenant = ?`, id, tenant);
    this.#db.untrack(this.#key(tenant, id));
  }

  search(tenant: string, equal: Readonly<Record<string, string>>, older: boolean, after: number | undefined, limit: number): Placed<T>[] {
    const columns = Object.keys(equal).sort();
    // The index is named, so that the planner cannot take one that scans; the statement's plan is checked
    // once: a search, never a scan or a sort.
    const index = indexName(this.#spec.name, indexFor(this.#spec, columns));
    const bound = after === undefined ? '' : ` AND seq ${older ? '<' : '>'} ?`;
    const sql =
      `SELECT seq, id, body FROM ${this.#spec.name} INDEXED BY ${index} WHERE tenant = ?${columns.map((column) => ` AND ${column} = ?`).join('')}${bound}` +
      ` ORDER BY seq ${older ? 'DESC' : 'ASC'} LIMIT ?`;
    const values = [tenant, ...columns.map((column) => equal[column]!), ...(after === undefined ? [] : [after]), limit];
    return (this.#db.statement(sql, true).all(...values) as unknown as Row[]).map((row) => this.#load(tenant, row));
  }

  clear(tenant: string | undefined): void {
    if (tenant === undefined) this.#db.write(`DELETE FROM ${this.#spec.name}`);
    else this.#db.write(`DELETE FROM ${this.#spec.name} WHERE tenant = ?`, tenant);
  }

  holder(id: string): string | undefined {
    return (this.#db.statement(`SELECT tenant FROM ${this.#spec.name} WHERE id = ? LIMIT 1`).get(id) as { tenant: string } | undefined)?.tenant;
  }

  #values(item: T): (string | null)[] {
    return this.#columns.map(([, read]) => read(item));
  }

  #key(tenant: string, id: string): string {
    return `${this.#spec.name}\n${tenant}\n${id}`;
  }

  /** The object of a row: the unit's own if it already read it (and may have changed it), else parsed. */
  #load(tenant: string, row: Row): Placed<T> {
    const tracked = this.#db.tracked(this.#key(tenant, row.id)) as Placed<T> | undefined;
    if (tracked) return tracked;
    return this.#track(tenant, row.seq, row.body, JSON.parse(row.body) as T);
  }

  #track(tenant: string, seq: number, raw: string, item: T): Placed<T> {
    const entry = {
      key: this.#key(tenant, item.id),
      seq,
      item,
      raw,
      settle: () => {
        const json = JSON.stringify(item);
        if (json === entry.raw) return;
        this.#db.write(this.#update, json, ...this.#values(item), seq);
        entry.raw = json;
      },
    };
    this.#db.track(entry);
    return entry;
  }
}
