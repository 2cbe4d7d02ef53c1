// The store, below HTTP: both kinds (memory, file) answer every list as reading the whole collection would,
// every filter of every table is served by an index (in a file: an index search, never a scan or a sort), a
// unit's changes are written back, and a file of something else is refused naming it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { random } from '../../contract-core/random.ts';
import { TABLES } from '../state/state.ts';
import { paginate } from '../resources/pagination.ts';
import { Collection, type ListEnvelope, type PageRequest, type Where } from '../state/collection.ts';
import { Database } from './database.ts';
import { ParsedObjects } from './sqlite-table.ts';
import type { TableSpec } from './table.ts';

const folder = mkdtempSync(join(tmpdir(), 'sandbox-storage-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const stores = {
  memory: (tables: readonly TableSpec<never>[]) => new Database(undefined, tables),
  /** A new file, or the one numbered `again`. */
  file: (tables: readonly TableSpec<never>[], again?: number) => new Database(join(folder, `store-${again ?? (files += 1)}.db`), tables),
};

interface Thing {
  id: string;
  a: string | null;
  b: string;
}
const THINGS: TableSpec<Thing> = { name: 'things', columns: { a: (t) => t.a, b: (t) => t.b }, indexes: [['a', 'b'], ['a'], ['b']] };

/** Every non-empty set of a table's columns. */
function combinations(columns: readonly string[]): string[][] {
  const sets: string[][] = [[]];
  for (const column of columns) for (const set of [...sets]) sets.push([...set, column]);
  return sets.filter((set) => set.length > 0);
}

describe.each(Object.keys(stores) as (keyof typeof stores)[])('the store %s', (kind) => {
  it('answers every list as filtering and paging the whole collection would (1,500 random steps)', () => {
    const db = stores[kind]([THINGS as TableSpec<never>]);
    const draw = random(20_260_116);
    const pick = <V>(values: readonly V[]): V => values[Math.floor(draw() * values.length)]!;
    const tenants = ['', 'other'];
    const model = new Map<string, Thing[]>(tenants.map((tenant) => [tenant, []])); // oldest first
    const collection = (tenant: string, store = db) => new Collection<Thing, 'a' | 'b'>(store, THINGS, tenant);
    const ids = (things: readonly Thing[]) => things.map((thing) => thing.id);
    let made = 0;
    for (let step = 0; step < 1500; step += 1) {
      const tenant = pick(tenants);
      const things = model.get(tenant)!;
      const roll = draw();
      db.unit(() => {
        if (roll < 0.35 || things.length === 0) {
          const thing: Thing = { id: `thing_${(made += 1)}`, a: pick(['x', 'y', null]), b: pick(['1', '2', '3']) };
          collection(tenant).add(thing);
          things.push({ ...thing });
        } else if (roll < 0.5) {
          // Changed in place, as handlers do: its indexes follow when the unit ends.
          const target = pick(things);
          const stored = collection(tenant).get(target.id)!;
          stored.a = target.a = pick(['x', 'y', null]);
          stored.b = target.b = pick(['1', '2', '3']);
        } else if (roll < 0.55) {
          const target = pick(things);
          expect(collection(tenant).delete(target.id)?.id).toBe(target.id);
          things.splice(things.indexOf(target), 1);
        } else {
          const where: Where<'a' | 'b'> = {};
          if (draw() < 0.5) where.a = pick(['x', 'y', 'z']);
          if (draw() < 0.4) where.b = draw() < 0.3 ? ['1', '3', '1'] : pick(['1', '2']);
          const matching = things.filter(
            (thing) =>
              (where.a === undefined || thing.a === where.a) &&
              (where.b === undefined || (typeof where.b === 'string' ? [where.b] : where.b).includes(thing.b)),
          );
          const page: PageRequest = { limit: 1 + Math.floor(draw() * 12) };
          const cursor = draw() < 0.6 ? pick(things).id : undefined;
          if (cursor !== undefined) page[draw() < 0.5 ? 'starting_after' : 'ending_before'] = cursor;
          let expected: ListEnvelope<Thing> | Error;
          try {
            expected = paginate(matching, page, '/things');
          } catch (error) {
            expected = error as Error;
          }
          // A cursor not in the list: paginate throws resource_missing; the collection answers no page (its caller throws).
          if (expected instanceof Error) expect(collection(tenant).page(page, '/things', where)).toBeUndefined();
          else {
            const answer = collection(tenant).page(page, '/things', where)!;
            expect({ has_more: answer.has_more, ids: ids(answer.data) }, JSON.stringify({ where, page })).toEqual({
              has_more: expected.has_more,
              ids: ids(expected.data),
            });
          }
          expect(ids(collection(tenant).all(where))).toEqual(ids(matching));
          expect(collection(tenant).exists(where)).toBe(matching.length > 0);
        }
      });
    }
    expect(made).toBeGreaterThan(300);
    db.close();
    if (kind === 'file') {
      // A file's table keeps the objects last used parsed (sqlite-table.ts) and answered from them above: the
      // file alone, opened again, holds the same.
      const reopened = stores.file([THINGS as TableSpec<never>], files);
      for (const [tenant, things] of model) expect(reopened.unit(() => collection(tenant, reopened).all({}))).toEqual(things);
      reopened.close();
    }
  });

  it('serves every filter of every table by an index', () => {
    const db = stores[kind](Object.values(TABLES));
    db.unit(() => {
      for (const spec of Object.values(TABLES) as unknown as TableSpec<{ id: string }>[]) {
        const table = db.table(spec);
        for (const set of [[], ...combinations(Object.keys(spec.columns))]) {
          const equal = Object.fromEntries(set.map((column) => [column, 'v']));
          for (const older of [true, false])
            for (const after of [undefined, 7]) expect(() => table.search('', equal, older, after, 10), `${spec.name} by ${set}`).not.toThrow();
        }
      }
    });
    db.close();
  });

  it('refuses a list by a filter no index serves', () => {
    const db = stores[kind]([{ name: 'loose', columns: { c: () => null }, indexes: [] }]);
    expect(() => db.table({ name: 'loose', columns: { c: () => null }, indexes: [] }).search('', { c: 'v' }, true, undefined, 10)).toThrow(
      'no index of loose serves a list filtered by c',
    );
    db.close();
  });
});

describe('the store in a file', () => {
  it('writes back what a unit changed in place, and keeps it when opened again', () => {
    const file = join(folder, 'reopened.db');
    const first = new Database(file, [THINGS as TableSpec<never>]);
    first.unit(() => new Collection<Thing>(first, THINGS, '').add({ id: 'thing_1', a: 'x', b: '1' }));
    first.unit(() => {
      const thing = new Collection<Thing>(first, THINGS, '').get('thing_1')!;
      thing.a = 'y';
      thing.b = '2';
    });
    first.close();
    const second = new Database(file, [THINGS as TableSpec<never>]);
    const things = new Collection<Thing, 'a' | 'b'>(second, THINGS, '');
    second.unit(() => {
      expect(things.get('thing_1')).toEqual({ id: 'thing_1', a: 'y', b: '2' });
      expect(things.all({ a: 'y', b: '2' }).map((thing) => thing.id)).toEqual(['thing_1']);
      expect(things.exists({ a: 'x' })).toBe(false);
    });
    second.close();
  });

  it('checks the plan of every list statement: an index search, never a scan', () => {
    const db = new Database(join(folder, 'plans.db'), [THINGS as TableSpec<never>]);
    expect(() => db.statement('SELECT id FROM things WHERE body = ? ORDER BY seq', true)).toThrow(/a list without an index.*plan: SCAN things/s);
    db.close();
  });

  it('refuses a file that is not a sandbox store, or of another schema, naming it', () => {
    const text = join(folder, 'notes.txt');
    writeFileSync(text, 'not a database at all, but long enough to have a header of sorts '.repeat(20));
    expect(() => new Database(text, [THINGS as TableSpec<never>])).toThrow(`sandbox: the store ${text} cannot be used: file is not a database`);
    const other = join(folder, 'other-schema.db');
    new Database(other, [THINGS as TableSpec<never>]).close();
    expect(() => new Database(other, Object.values(TABLES))).toThrow(
      new RegExp(`the store ${other} cannot be used: it was written by another version of the sandbox`),
    );
  });

  it('is one process’s: a second opening of the same file is refused while the first has it', () => {
    const file = join(folder, 'taken.db');
    const first = new Database(file, [THINGS as TableSpec<never>]);
    first.unit(() => new Collection<Thing>(first, THINGS, '').add({ id: 'thing_1', a: 'x', b: '1' }));
    expect(() => new Database(file, [THINGS as TableSpec<never>])).toThrow(new RegExp(`the store ${file} cannot be used: database is locked`));
    first.close();
  });
});

describe('the objects a file keeps parsed', () => {
  it('stay within a count and a size in characters, whatever their sizes, the least recently used leaving first', () => {
    const forgotten: string[] = [];
    const kept = new ParsedObjects(3, 100);
    const entries = new Map<string, object>();
    const use = (name: string, chars: number) => {
      const entry = entries.get(name) ?? { name };
      entries.set(name, entry);
      kept.use(entry, () => forgotten.push(name), chars);
    };
    use('a', 10);
    use('b', 10);
    use('c', 10);
    use('a', 10); // a used again: b is now the oldest
    use('d', 10);
    expect([forgotten, kept.size]).toEqual([['b'], { objects: 3, chars: 30 }]);
    use('big', 90); // 120 characters: the oldest leave until 100 or fewer are kept
    expect([forgotten, kept.size]).toEqual([['b', 'c', 'a'], { objects: 2, chars: 100 }]);
    use('huge', 1_000_000); // alone above the bound: not kept at all
    expect([forgotten, kept.size]).toEqual([['b', 'c', 'a', 'd', 'big', 'huge'], { objects: 0, chars: 0 }]);
    use('e', 10);
    use('e', 40); // the same object counted again at its new size
    expect(kept.size).toEqual({ objects: 1, chars: 40 });
    kept.drop(entries.get('e')!);
    expect(kept.size).toEqual({ objects: 0, chars: 0 });
  });

  it('are bounded by default to 500 objects and 8 MiB of JSON: 1 MB descriptions fill it with 8, not 500', () => {
    expect([ParsedObjects.MAX_OBJECTS, ParsedObjects.MAX_CHARS]).toEqual([500, 8 * 1024 * 1024]);
    const kept = new ParsedObjects();
    for (let i = 0; i < 500; i += 1) kept.use({}, () => {}, 1_000_000);
    expect(kept.size).toEqual({ objects: 8, chars: 8_000_000 });
  });
});
