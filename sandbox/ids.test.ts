// The IDs and secrets the sandbox makes (store.ts): their form, their order by creation time, and no two alike.
import { afterEach, expect, it, vi } from 'vitest';
import { newId, newSecret, withIds } from './store.ts';

afterEach(() => vi.useRealTimers());

it('makes the prefix and 24 base-62 characters', () => {
  expect(newId('cus_')).toMatch(/^cus_[0-9A-Za-z]{24}$/);
  expect(newId('evnt_')).toMatch(/^evnt_[0-9A-Za-z]{24}$/);
});

it('sorts an ID of a later millisecond after every earlier one, whatever the random part', () => {
  vi.useFakeTimers();
  const ids: string[] = [];
  // Over a second, a day and the years the suite runs ahead in the clock pass.
  for (const at of [Date.UTC(2026, 0, 1), Date.UTC(2026, 0, 1, 0, 0, 1), Date.UTC(2026, 0, 2), Date.UTC(2031, 11, 31)]) {
    vi.setSystemTime(at);
    ids.push(newId('cus_'), newId('cus_'));
    vi.setSystemTime(at + 1);
    ids.push(newId('cus_'));
  }
  for (let i = 1; i < ids.length; i += 1) if (i % 3 !== 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
});

it('makes no two IDs alike within one millisecond', () => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.UTC(2026, 0, 1));
  const ids = Array.from({ length: 20_000 }, () => newId('cus_'));
  expect(new Set(ids).size).toBe(ids.length);
  expect(new Set(ids.map((id) => id.slice(0, 12))).size).toBe(1);
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
  const made = withIds(['cus_taro_yamada', 'evnt_chosen'], () => [newId('evnt_'), newId('cus_'), newId('cus_')]);
  expect(made.slice(0, 2)).toEqual(['evnt_chosen', 'cus_taro_yamada']);
  expect(made[2]).toMatch(/^cus_[0-9A-Za-z]{24}$/);
});
