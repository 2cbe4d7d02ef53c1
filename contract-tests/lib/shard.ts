// `--shard i/n`: one CI machine of n runs every n-th unit of the suite (a scenario or an operation with all its
// cases), counted from the i-th; the n shards together run each unit exactly once. Units are dealt in turn
// rather than in blocks, so that the slow stateful groups (payment flows, checkout) spread over the machines.

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** Reads `i/n` (1 ≤ i ≤ n); anything else is an error naming `source` and the value. */
export function parseShard(text: string, source = '--shard'): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`${source} must be i/n with 1 <= i <= n, e.g. 2/4 (got '${text}')`);
  }
  return { index, count };
}

/** The units of `items` this shard runs, in their order. */
export function inShard<T>(items: readonly T[], shard: Shard | undefined): T[] {
  return shard ? items.filter((_, position) => position % shard.count === shard.index - 1) : [...items];
}
