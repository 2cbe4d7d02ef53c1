// The objects of one kind that one tenant sees, in a table of the store: lookups by ID and pages of lists
// by index (tenant, the filtered columns, creation order), so that neither costs more with more objects.
import type { Database } from '../storage/database.ts';
import type { Placed, Table, TableSpec } from '../storage/table.ts';

export interface Identified {
  id: string;
}

export interface ListEnvelope<T> {
  object: 'list';
  url: string;
  has_more: boolean;
  data: T[];
}

/** The page a list request asks for. */
export interface PageRequest {
  limit: number;
  starting_after?: string;
  ending_before?: string;
}

/** Equality filters of a list: a value, or several (any of them). */
export type Where<C extends string> = { [K in C]?: string | readonly string[] | undefined };

export class Collection<T extends Identified, C extends string = string> {
  readonly #db: Database;
  readonly #spec: TableSpec<T>;
  readonly #table: Table<T>;
  readonly #tenant: string;

  constructor(db: Database, spec: TableSpec<T>, tenant: string) {
    this.#db = db;
    this.#spec = spec;
    this.#table = db.table(spec);
    this.#tenant = tenant;
  }

  get(id: string): T | undefined {
    return this.#table.get(this.#tenant, id)?.item;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  add(item: T): T {
    this.#table.insert(this.#tenant, item);
    return item;
  }

  delete(id: string): T | undefined {
    const item = this.get(id);
    if (item) this.#table.remove(this.#tenant, id);
    return item;
  }

  /** One page of the objects that match, newest first (`has_more`); undefined when the cursor is not among them. */
  page(page: PageRequest, url: string, where: Where<C> = {}): ListEnvelope<T> | undefined {
    this.#db.flush();
    const cursorId = page.starting_after ?? page.ending_before;
    let after: number | undefined;
    if (cursorId !== undefined) {
      const cursor = this.#table.get(this.#tenant, cursorId);
      if (!cursor || !this.#matches(cursor.item, where)) return undefined;
      after = cursor.seq;
    }
    const older = page.ending_before === undefined;
    // One search per value of a filter given several (lookup_keys), merged by creation order.
    const found = this.#merged(where, older, after, page.limit + 1);
    const data = found.slice(0, page.limit).map((placed) => placed.item);
    return { object: 'list', url, has_more: found.length > page.limit, data: older ? data : data.reverse() };
  }

  /** Every object that matches, oldest first (a customer's payment methods, to detach them all). */
  all(where: Where<C>): T[] {
    this.#db.flush();
    return this.#merged(where, false, undefined, -1).map((placed) => placed.item);
  }

  /** Whether any object matches. */
  exists(where: Where<C>): boolean {
    this.#db.flush();
    return this.#merged(where, false, undefined, 1).length > 0;
  }

  #merged(where: Where<C>, older: boolean, after: number | undefined, limit: number): Placed<T>[] {
    const variants = this.#variants(where);
    const found = variants.flatMap((equal) => this.#table.search(this.#tenant, equal, older, after, limit));
    if (variants.length === 1) return found;
    found.sort((a, b) => (older ? b.seq - a.seq : a.seq - b.seq));
    return limit < 0 ? found : found.slice(0, limit);
  }

  /** The filters as plain equalities: one set per value of a filter given several values. */
  #variants(where: Where<C>): Record<string, string>[] {
    let variants: Record<string, string>[] = [{}];
    for (const [column, value] of Object.entries(where) as [string, string | readonly string[] | undefined][]) {
      if (value === undefined) continue;
      const values = typeof value === 'string' ? [value] : [...new Set(value)];
      variants = variants.flatMap((variant) => values.map((one) => ({ ...variant, [column]: one })));
    }
    return variants;
  }

  #matches(item: T, where: Where<C>): boolean {
    return (Object.entries(where) as [C, string | readonly string[] | undefined][]).every(([column, value]) => {
      if (value === undefined) return true;
      const actual = this.#spec.columns[column]!(item);
      return typeof value === 'string' ? actual === value : actual !== null && value.includes(actual);
    });
  }
}

/** A collection only seeded (the API cannot add to it): small, so that its lists may filter in memory. */
export class FixedCollection<T extends Identified, C extends string = string> extends Collection<T, C> {
  /** Every object, oldest first. */
  values(): T[] {
    return this.all({});
  }
}
