// At most `concurrency` requests in flight (p-limit: a freed slot goes to the oldest waiter, never to a
// newcomer besides it) and at most `rate` request starts per second (each start reserves the next slot in
// time before it waits, so starts are spaced by 1/rate whatever their order).
import pLimit from 'p-limit';

export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(rate: number, concurrency: number): Limiter {
  const interval = 1000 / rate;
  const limit = pLimit(concurrency);
  let nextStart = 0;
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    run: <T>(task: () => Promise<T>): Promise<T> =>
      limit(async () => {
        const now = performance.now();
        const start = Math.max(now, nextStart);
        nextStart = start + interval;
        if (start > now) await sleep(start - now);
        return task();
      }),
  };
}
