// CONTRACT_CONCURRENCY is a promise to staging: never more requests in flight than it says, whatever the
// order in which tasks finish and newcomers arrive. And CONTRACT_RATE: starts spaced by 1/rate.
import { describe, expect, test } from 'vitest';
import { createLimiter } from './lib/limiter.ts';

/** A task that counts how many run at once; it ends when `finish` is called or after `ms`. */
function counter() {
  let active = 0;
  let max = 0;
  const task = (ms?: number) => () => {
    active += 1;
    max = Math.max(max, active);
    return new Promise<void>((resolve) => {
      const end = (): void => {
        active -= 1;
        resolve();
      };
      if (ms === undefined) finishers.push(end);
      else setTimeout(end, ms);
    });
  };
  const finishers: (() => void)[] = [];
  return { task, finishers, max: () => max };
}

describe('the limiter', () => {
  test('a newcomer arriving as a slot frees waits behind the woken waiter (limit 1 never runs 2)', async () => {
    const limiter = createLimiter(1e6, 1);
    const c = counter();
    const first = limiter.run(c.task());
    const queued = limiter.run(c.task(5));
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The running task ends and, in the same turn, a newcomer asks for a slot.
    c.finishers.shift()!();
    const newcomer = new Promise<void>((resolve) => queueMicrotask(() => void limiter.run(c.task(5)).then(resolve)));
    await Promise.all([first, queued, newcomer]);
    expect(c.max()).toBe(1);
  });

  test.each([1, 2, 3, 5])('with limit %i, tasks ending at random, each followed at once by a newcomer, never exceed it and reach it', async (limit) => {
    const limiter = createLimiter(1e6, limit);
    let active = 0;
    let max = 0;
    // Seeded so that a failure can be replayed.
    let seed = limit;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pending: Promise<void>[] = [];
    let budget = 80;
    const task = (): Promise<void> => {
      active += 1;
      max = Math.max(max, active);
      return new Promise<void>((resolve) =>
        setTimeout(
          () => {
            active -= 1;
            resolve();
            // A newcomer asks for a slot in the same turn as this one frees it.
            if (budget-- > 0) queueMicrotask(() => void pending.push(limiter.run(task)));
          },
          Math.floor(random() * 4),
        ),
      );
    };
    for (let i = 0; i < 3 * limit; i += 1) pending.push(limiter.run(task));
    while (pending.length > 0) await Promise.all(pending.splice(0));
    expect(budget).toBeLessThan(0);
    expect(max).toBe(limit);
  });

  test('starts the k-th task no sooner than k/rate seconds after the first', async () => {
    const starts: number[] = [];
    const limiter = createLimiter(50, 2);
    await Promise.all(Array.from({ length: 6 }, () => limiter.run(async () => void starts.push(performance.now()))));
    // A timer may fire up to 1 ms early and the first start is read a little late: 3 ms of slack. Being late
    // (a busy machine) only widens the gaps, so this cannot fail for slowness.
    starts.forEach((at, k) => expect(at - starts[0]!).toBeGreaterThanOrEqual(k * 20 - 3));
  });
});
