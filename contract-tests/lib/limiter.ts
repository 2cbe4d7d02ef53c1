// At most `concurrency` requests in flight and at most `rate` request starts per second.
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createLimiter(rate: number, concurrency: number): Limiter {
  const interval = 1000 / rate;
  let nextStart = 0;
  let active = 0;
  const waiting: (() => void)[] = [];
  const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= concurrency) await new Promise<void>((resolve) => waiting.push(resolve));
      active += 1;
      try {
        const now = performance.now();
        const start = Math.max(now, nextStart);
        nextStart = start + interval;
        if (start > now) await sleep(start - now);
        return await task();
      } finally {
        active -= 1;
        waiting.shift()?.();
      }
    },
  };
}
