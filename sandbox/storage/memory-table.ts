// A table of objects in memory: the objects themselves by (tenant, ID), and per index (tenant, columns) the
// objects with those values in creation order, so that a page is a binary search and `limit` steps. An
// object whose indexed columns a unit changed moves to its new place when the unit ends.
import { BY_TENANT, type Placed, type Table, type TableSpec, type Units, indexFor } from './table.ts';

interface Entry<T> extends Placed<T> {
  tenant: string;
  /** The indexed columns' values as the indexes have them. */
  values: (string | null)[];
}

interface Index<T> {
  set: readonly string[];
  /** Positions of the set's columns among the table's. */
  positions: readonly number[];
  /** Key (tenant and values) → the objects with them, oldest first. */
  lists: Map<string, Entry<T>[]>;
}

const NO_VALUES: (string | null)[] = [];

/**
 * The key of a list of an index: the tenant and the values at `positions`, each with its length before it,
 * so that no two sets of values share one; undefined when one is null (such an object is in no list, as in SQL).
 */
function listKey(tenant: string, values: readonly (string | null)[], positions: readonly number[]): string | undefined {
  let key = `${tenant.length}:${tenant}`;
  for (const position of positions) {
    const value = values[position];
    if (value === null || value === undefined) return undefined;
    key += `${value.length}:${value}`;
  }
  return key;
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
    this.#indexes = [BY_TENANT, ...spec.indexes].map((set) => ({ set, positions: set.map((column) => names.indexOf(column)), lists: new Map() }));
  }

  get(tenant: string, id: string): Placed<T> | undefined {
    const entry = this.#byId.get(tenant)?.get(id);
    if (entry) this.#track(entry);
    return entry;
  }

  insert(tenant: string, item: T): void {
    const entry: Entry<T> = { seq: (this.#seq += 1), item, tenant, values: this.#values(item) };
    let ids = this.#byId.get(tenant);
    if (!ids) this.#byId.set(tenant, (ids = new Map()));
    ids.set(item.id, entry);
    for (const index of this.#indexes) this.#place(index, entry, true);
    this.#track(entry);
  }

  remove(tenant: string, id: string): void {
    const entry = this.#byId.get(tenant)?.get(id);
    if (!entry) return;
    this.#byId.get(tenant)!.delete(id);
    for (const index of this.#indexes) this.#place(index, entry, false);
    this.#db.untrack(this.#key(tenant, id));
  }

  search(tenant: string, equal: Readonly<Record<string, string>>, older: boolean, after: number | undefined, limit: number): Placed<T>[] {
    const set = indexFor(this.#spec, Object.keys(equal));
    const index = this.#indexes.find((candidate) => candidate.set === set)!;
    const list =
      index.lists.get(
        listKey(
          tenant,
          set.map((column) => equal[column]!),
          set.map((_, i) => i),
        )!,
      ) ?? [];
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
        this.#track(entry);
        found.push(entry);
      }
    }
    return found;
  }

  /** One look per tenant: the customer's pages are rare, and tenants few beside objects. */
  holder(id: string): string | undefined {
    for (const [tenant, ids] of this.#byId) if (ids.has(id)) return tenant;
    return undefined;
  }

  clear(tenant: string | undefined): void {
    if (tenant === undefined) this.#byId.clear();
    else this.#byId.delete(tenant);
    for (const index of this.#indexes) for (const [key, list] of index.lists) if (tenant === undefined || list[0]?.tenant === tenant) index.lists.delete(key);
  }

  #values(item: T): (string | null)[] {
    return this.#columns.length === 0 ? NO_VALUES : this.#columns.map(([, read]) => read(item));
  }

  /** The key the unit tracks the object by. */
  #key(tenant: string, id: string): string {
    return `${this.#spec.name}\n${tenant}\n${id}`;
  }

  /** Adds the entry to (or takes it from) its list in the index. */
  #place(index: Index<T>, entry: Entry<T>, add: boolean): void {
    const key = listKey(entry.tenant, entry.values, index.positions);
    if (key === undefined) return;
    let list = index.lists.get(key);
    if (add && !list) index.lists.set(key, (list = []));
    if (!list) return;
    // A new object goes last (the common case); one whose column changed goes back to its place.
    if (add && (list.length === 0 || list[list.length - 1]!.seq < entry.seq)) return void list.push(entry);
    const at = lowerBound(list, entry.seq);
    if (add) list.splice(at, 0, entry);
    else if (list[at] === entry) {
      list.splice(at, 1);
      if (list.length === 0) index.lists.delete(key);
    }
  }

  /** The unit checks at its end whether an indexed column changed, and moves the object if so. */
  #track(entry: Entry<T>): void {
    if (this.#columns.length === 0) return;
    this.#db.track({
      key: this.#key(entry.tenant, entry.item.id),
      seq: entry.seq,
      item: entry.item,
      settle: () => {
        const values = this.#values(entry.item);
        if (values.every((value, i) => value === entry.values[i])) return;
        for (const index of this.#indexes) this.#place(index, entry, false);
        entry.values = values;
        for (const index of this.#indexes) this.#place(index, entry, true);
      },
    });
  }
}
