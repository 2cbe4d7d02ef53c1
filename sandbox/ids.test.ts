// The IDs and secrets the sandbox makes (state/ids.ts): their form, their order by creation time, no two alike,
// and the seed's chosen IDs held by the tenant's own object, never by the module.
import { afterEach, expect, it, vi } from 'vitest';
import { SYSTEM_CLOCK } from './state/clock.ts';
import { IdMaker, Ids } from './state/ids.ts';

const ids = new Ids(new IdMaker(), SYSTEM_CLOCK);
const newId = (prefix: string) => ids.next(prefix);
const newSecret = () => ids.secret();

afterEach(() => vi.useRealTimers());

it('makes the prefix and 24 base-62 characters', () => {
  expect(newId('cus_')).toMatch(/^cus_[0-9A-Za-z]{24}$/);
  expect(newId('evnt_')).toMatch(/^evnt_[0-9A-Za-z]{24}$/);
});

it('sorts an ID of a later millisecond after every earlier one, whatever the random part', () => {
  vi.useFakeTimers();
  const made: string[] = [];
  // Over a second, a day and the years the suite runs ahead in the clock pass.
  for (const at of [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 0, 0, 1), Date.UTC(2026, 0, 2), Date.UTC(2031, 11, 31)]) {
    vi.setSystemTime(at);
    made.push(newId('cus_'), newId('cus_'));
    vi.setSystemTime(at + 1);
    made.push(newId('cus_'));
  }
  for (let i = 1; i < made.length; i += 1) if (i % 3 !== 1) expect(made[i]! > made[i - 1]!).toBe(true);
});

it('makes no two IDs alike within one millisecond', () => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  const made = Array.from({ length: 20_000 }, () => newId('cus_'));
  expect(new Set(made).size).toBe(made.length);
  expect(new Set(made.map((id) => id.slice(0, 12))).size).toBe(1);
});

it('makes secrets with no time in them', () => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  const secrets = Array.from({ length: 1_000 }, newSecret);
  expect(secrets.every((secret) => /^[0-9A-Za-z]{24}$/.test(secret))).toBe(true);
  // Made in the same millisecond, their first 8 characters (an ID's time) still differ.
  expect(new Set(secrets.map((secret) => secret.slice(0, 8))).size).toBe(secrets.length);
});

it('hands the seed the IDs it chose, each to the first object of its prefix', () => {
  const made = ids.withIds(['cus_taro_yamada', 'evnt_chosen'], () => [newId('evnt_'), newId('cus_'), newId('cus_')]);
  expect(made.slice(0, 2)).toEqual(['evnt_chosen', 'cus_taro_yamada']);
  expect(made[2]).toMatch(/^cus_[0-9A-Za-z]{24}$/);
});

it("keeps the seed's chosen IDs to the tenant seeding: another tenant's new object meanwhile gets an ID of its own", () => {
  const maker = new IdMaker();
  const seeding = new Ids(maker, SYSTEM_CLOCK);
  const other = new Ids(maker, SYSTEM_CLOCK);
  const [theirs, ours] = seeding.withIds(['cus_taro_yamada'], () => [other.next('cus_'), seeding.next('cus_')]);
  expect(theirs).not.toBe('cus_taro_yamada');
  expect(ours).toBe('cus_taro_yamada');
});

it('dates work fired at a due time at that time, and goes back to the clock after it', () => {
  const tenant = new Ids(new IdMaker(), { now: () => Date.UTC(2026, 0, 2) });
  expect(tenant.at(Date.UTC(2026, 0, 1, 12), () => tenant.timestamp())).toBe('2026-01-01T12:00:00Z');
  expect(tenant.timestamp()).toBe('2026-01-02T00:00:00Z');
});
