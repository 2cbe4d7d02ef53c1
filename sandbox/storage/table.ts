// What a table of objects is, whichever store holds it: its columns and indexes (declared in sandbox/state/state.ts), and
// the few operations collections build on.
import type { SQLInputValue, StatementResultingChanges, StatementSync } from 'node:sqlite';

/** A table of objects of one kind, with the columns its lists filter on. */
export interface TableSpec<T = never> {
  name: string;
  /** Each column's value, read from the object (kept in step with it on every write). */
  columns: Record<string, (item: T) => string | null>;
  /**
   * The column sets its lists filter on, each an index (tenant, …set, creation order), in order of
   * preference: a search takes the first whose columns it all filters by, and checks its other filters
   * object by object; so a set that selects few objects whatever else is filtered (a resource's events)
   * comes first.
   */
  indexes: readonly (readonly string[])[];
}

/** An object with its place in creation order. */
export interface Placed<T> {
  seq: number;
  item: T;
}

/** What a unit settles at its end (and before a query): an object it read, written back if it changed. */
export interface Settling {
  /** The last unit that touched it (Units.touch), so that a unit settles it once. */
  unit: number;
  settle(): void;
}

/** An object a unit read or wrote, kept by key for the unit (a file's rows are parsed anew), with its place in creation order. */
export interface Tracked extends Placed<object> {
  key: string;
  /** Its JSON as last written, when the store keeps JSON (a file): answers reuse it. */
  raw?: string;
  /** At the end of the unit (and before a query): writes the object back if it changed. */
  settle(): void;
}

/** What tables need of the store (database.ts): the unit's objects, and SQLite. */
export interface Units {
  /** In a file: the unit's objects by key, so that a row read twice is one object. */
  tracked(key: string): Tracked | undefined;
  track(entry: Tracked): void;
  untrack(key: string): void;
  /** In memory: an object the unit read, settled at its end (the table keeps it by identity already). */
  touch(entry: Settling): void;
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
  /** Up to `limit` tenants that have an object with this ID (a customer's page named without its tenant). */
  holders(id: string, limit: number): string[];
}

/** The index of every table: the tenant's objects in creation order. */
export const BY_TENANT: readonly string[] = [];

/**
 * The index a search by `columns` takes (TableSpec.indexes); none, the tenant's objects in creation order,
 * when it filters by nothing. A filter no declared index serves is a sandbox bug, refused rather than
 * answered by reading every object.
 */
export function indexFor(spec: TableSpec<never>, columns: readonly string[]): readonly string[] {
  if (columns.length === 0) return BY_TENANT;
  const set = spec.indexes.find((candidate) => candidate.every((column) => columns.includes(column)));
  if (!set) throw new Error(`sandbox: no index of ${spec.name} serves a list filtered by ${columns.join(', ')} (declare one in sandbox/state/state.ts)`);
  return set;
}
