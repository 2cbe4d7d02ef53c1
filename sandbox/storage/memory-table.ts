// A table of objects in memory: the objects themselves by (tenant, ID), and per index the objects with each
// set of values in creation order (a map per column, tenant first, down to the list), so that a page is a
// binary search and `limit` steps. An object whose indexed columns a unit changed moves to its new place when
// the unit ends.
import { BY_TENANT, type Placed, type Settling, type Table, type TableSpec, type Units, indexFor } from './table.ts';

/** An object of the table, with its place in creation order and what its indexes know of it. */
class Entry<T extends { id: string }> implements Placed<T>, Settling {
  readonly table: MemoryTable<T>;
  readonly seq: number;
  readonly item: T;
  readonly tenant: string;
  /** The indexed columns' values as the indexes have them. */
  values: (string | null)[];
  unit = 0;
  /** Deleted: a unit that touched it before is not to put it back in the indexes. */
  removed = false;

  constructor(table: MemoryTable<T>, seq: number, item: T, tenant: string, values: (string | null)[]) {
    this.table = table;
    this.seq = seq;
    this.item = item;
    this.tenant = tenant;
    this.values = values;
  }

  settle(): void {
    if (!this.removed) this.table.reindex(this);
  }
}

/** A level of an index: a map per column (tenant first), the list of objects at the last. */
type Level<T extends { id: string }> = Map<string, Level<T> | Entry<T>[]>;

interface Index<T extends { id: string }> {
  set: readonly string[];
  /** Positions of the set's columns among the table's. */
  positions: readonly number[];
  /** 0, 1, … as many as the set has columns: the positions of a search's values. */
  identity: readonly number[];
  root: Level<T>;
}

const NO_VALUES: (string | null)[] = [];

/**
 * Where the list of the objects with `tenant` and the `values` at `positions` is, or would be: its level and
 * key there (the levels above created when `create`); undefined when one of the values is null (such an
 * object is in no list, as in SQL) or, not creating, a level is missing.
 */
function placeOf<T extends { id: string }>(
  index: Index<T>,
  tenant: string,
  values: readonly (string | null)[],
  positions: readonly number[],
  create: boolean,
): { level: Level<T>; key: string } | undefined {
  let level = index.root;
  let key = tenant;
  for (const position of positions) {
    const value = values[position];
    if (value === null || value === undefined) return undefined;
    let next = level.get(key) as Level<T> | undefined;
    if (!next) {
      if (!create) return undefined;
      level.set(key, (next = new Map()));
    }
    level = next;
    key = value;
  }
  return { level, key };
}

/** The first position in `list` (by seq) whose seq is not below `seq`. */
function lowerBound(list: readonly Placed<unknown>[], seq: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]!.seq < seq) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class MemoryTable<T extends { id: string }> implements Table<T> {
  readonly #db: Units;
  readonly #spec: TableSpec<T>;
  readonly #columns: readonly [string, (item: T) => string | null][];
  /** Tenant → ID → object. */
  readonly #byId = new Map<string, Map<string, Entry<T>>>();
  readonly #indexes: Index<T>[];
  #seq = 0;

  constructor(db: Units, spec: TableSpec<T>) {
    this.#db = db;
    this.#spec = spec;
    this.#columns = Object.entries(spec.columns);
    const names = this.#columns.map(([name]) => name);
    this.#indexes = [BY_TENANT, ...spec.indexes].map((set) => ({
      set,
      positions: set.map((column) => names.indexOf(column)),
      identity: set.map((_, i) => i),
      root: new Map(),
    }));
  }

  get(tenant: string, id: string): Placed<T> | undefined {
    const entry = this.#byId.get(tenant)?.get(id);
    if (entry) this.#touch(entry);
    return entry;
  }

  insert(tenant: string, item: T): void {
    const entry = new Entry(this, (this.#seq += 1), item, tenant, this.#values(item));
    let ids = this.#byId.get(tenant);
    if (!ids) this.#byId.set(tenant, (ids = new Map()));
    ids.set(item.id, entry);
    for (const index of this.#indexes) this.#place(index, entry, true);
    this.#touch(entry);
  }

  remove(tenant: string, id: string): void {
    const entry = this.#byId.get(tenant)?.get(id);
    if (!entry) return;
    this.#byId.get(tenant)!.delete(id);
    for (const index of this.#indexes) this.#place(index, entry, false);
    entry.removed = true;
  }

  search(tenant: string, equal: Readonly<Record<string, string>>, older: boolean, after: number | undefined, limit: number): Placed<T>[] {
    const set = indexFor(this.#spec, Object.keys(equal));
    const index = this.#indexes.find((candidate) => candidate.set === set)!;
    const place = placeOf(
      index,
      tenant,
      set.map((column) => equal[column]!),
      index.identity,
      false,
    );
    const list = (place?.level.get(place.key) as Entry<T>[] | undefined) ?? [];
    // The filtered columns the index does not have, checked object by object.
    const rest = Object.entries(equal)
      .filter(([column]) => !set.includes(column))
      .map(([column, value]) => [this.#columns.findIndex(([name]) => name === column), value] as const);
    const found: Placed<T>[] = [];
    const step = older ? -1 : 1;
    let i = after === undefined ? (older ? list.length - 1 : 0) : older ? lowerBound(list, after) - 1 : lowerBound(list, after + 1);
    for (; i >= 0 && i < list.length && found.length !== limit; i += step) {
      const entry = list[i]!;
      if (rest.every(([position, value]) => entry.values[position] === value)) {
        this.#touch(entry);
        found.push(entry);
      }
    }
    return found;
  }

  /** One look per tenant: the customer's pages are rare, and tenants few beside objects. */
  holders(id: string, limit: number): string[] {
    const found: string[] = [];
    for (const [tenant, ids] of this.#byId) if (found.length < limit && ids.has(id)) found.push(tenant);
    return found;
  }

  clear(tenant: string | undefined): void {
    for (const [owner, ids] of this.#byId) if (tenant === undefined || owner === tenant) for (const entry of ids.values()) entry.removed = true;
    if (tenant === undefined) this.#byId.clear();
    else this.#byId.delete(tenant);
    for (const index of this.#indexes) {
      if (tenant === undefined) index.root.clear();
      else index.root.delete(tenant);
    }
  }

  /** At the end of a unit that read the entry: moves it in the indexes whose columns changed. */
  reindex(entry: Entry<T>): void {
    const values = this.#values(entry.item);
    if (values.every((value, i) => value === entry.values[i])) return;
    for (const index of this.#indexes) this.#place(index, entry, false);
    entry.values = values;
    for (const index of this.#indexes) this.#place(index, entry, true);
  }

  #values(item: T): (string | null)[] {
    return this.#columns.length === 0 ? NO_VALUES : this.#columns.map(([, read]) => read(item));
  }

  /** Adds the entry to (or takes it from) its list in the index. */
  #place(index: Index<T>, entry: Entry<T>, add: boolean): void {
    const place = placeOf(index, entry.tenant, entry.values, index.positions, add);
    if (!place) return;
    const list = place.level.get(place.key) as Entry<T>[] | undefined;
    // A list of one is made as such: most of an event index's lists (one per resource) stay that small.
    if (!list) return void (add && place.level.set(place.key, [entry]));
    // A new object goes last (the common case); one whose column changed goes back to its place.
    if (add && list[list.length - 1]!.seq < entry.seq) return void list.push(entry);
    const at = lowerBound(list, entry.seq);
    if (add) list.splice(at, 0, entry);
    else if (list[at] === entry) {
      list.splice(at, 1);
      if (list.length === 0) place.level.delete(place.key);
    }
  }

  /** The unit settles the entry at its end (reindex), when it has indexed columns. */
  #touch(entry: Entry<T>): void {
    if (this.#columns.length > 0) this.#db.touch(entry);
  }
}
