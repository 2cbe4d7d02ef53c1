// What a table of objects is, whichever store holds it: its columns and indexes (declared in state.ts), and
// the few operations collections build on.
import type { SQLInputValue, StatementResultingChanges, StatementSync } from 'node:sqlite';

/** A table of objects of one kind, with the columns its lists filter on. */
export interface TableSpec<T = never> {
  name: string;
  /** Each column's value, read from the object (kept in step with it on every write). */
  columns: Record<string, (item: T) => string | null>;
  /** The column sets its lists filter on: each is an index (tenant, …set, creation order). */
  indexes: readonly (readonly string[])[];
}

/** An object with its place in creation order. */
export interface Placed<T> {
  seq: number;
  item: T;
}

/** An object a unit read or wrote, with its place in creation order. */
export interface Tracked extends Placed<object> {
  key: string;
  /** Its JSON as last written, when the store keeps JSON (a file): answers reuse it. */
  raw?: string;
  /** At the end of the unit (and before a query): writes the object back if it changed. */
  settle(): void;
}

/** What tables need of the store (database.ts): the unit's objects, and SQLite. */
export interface Units {
  tracked(key: string): Tracked | undefined;
  track(entry: Tracked): void;
  untrack(key: string): void;
  statement(sql: string, indexed?: boolean): StatementSync;
  write(sql: string, ...values: SQLInputValue[]): StatementResultingChanges;
}

export interface Table<T extends { id: string }> {
  get(tenant: string, id: string): Placed<T> | undefined;
  insert(tenant: string, item: T): void;
  remove(tenant: string, id: string): void;
  /**
   * The objects whose columns equal `equal`, by creation order: newest first (`older`, beyond `after`
   * towards older ones) or oldest first (beyond `after` towards newer ones); at most `limit` (-1: all).
   */
  search(tenant: string, equal: Readonly<Record<string, string>>, older: boolean, after: number | undefined, limit: number): Placed<T>[];
  /** Deletes every object of a tenant (undefined: of all). */
  clear(tenant: string | undefined): void;
  /** A tenant that has an object with this ID (the customer's pages carry no key). */
  holder(id: string): string | undefined;
}

/**
 * The index a search by `columns` takes: the declared one with the most of them (the first such), all of
 * its columns among them; none (the tenant's objects in creation order) when no declared one fits. Another
 * filtered column is checked object by object: a list that filters by `resource_id` reads that resource's
 * events only, however many others there are.
 */
export function indexFor(spec: TableSpec<never>, columns: readonly string[]): readonly string[] {
  let best: readonly string[] = [];
  for (const set of spec.indexes) if (set.length > best.length && set.every((column) => columns.includes(column))) best = set;
  return best;
}
