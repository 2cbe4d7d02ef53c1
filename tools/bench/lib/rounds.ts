// Servers measured in interleaved rounds: every load on every server in each round (warmed up first), the
// servers' order reversed every other round, so that load from elsewhere on a shared box falls on all of
// them alike. A figure is the best of its rounds, read beside their spread.
import { type Figures, type Load, measure } from './autocannon.ts';
import { cpuMs } from './processes.ts';

export interface Measured {
  name: string;
  url: string;
  /** The server's process, when it has one of its own: its CPU time per request is measured too. */
  pid?: number | undefined;
  /** Paths of its own for some loads (by load name): the objects a request names differ between servers. */
  paths?: Record<string, string>;
  /** The names of the loads it takes; all of them when left out. */
  loads?: readonly string[];
}

export interface Run extends Figures {
  /** CPU time of the server's process per request (µs), when it has a process of its own on Linux. */
  cpuUs: number | undefined;
}

export interface Options {
  rounds: number;
  seconds: number;
  warmUpSeconds: number;
  /** Called after each round, for progress on stderr. */
  done?: (round: number) => void;
}

/** runs.get(server name).get(load name): the figures of each round. */
export type Runs = Map<string, Map<string, Run[]>>;

export async function interleave(servers: readonly Measured[], loads: readonly Load[], options: Options): Promise<Runs> {
  const takes = (server: Measured, load: Load): boolean => server.loads?.includes(load.name) ?? true;
  const runs: Runs = new Map(servers.map((server) => [server.name, new Map(loads.filter((load) => takes(server, load)).map((load) => [load.name, []]))]));
  for (let round = 1; round <= options.rounds; round += 1) {
    for (const load of loads)
      for (const server of (round % 2 === 1 ? servers : servers.toReversed()).filter((candidate) => takes(candidate, load))) {
        const own = { ...load, path: server.paths?.[load.name] ?? load.path };
        if (options.warmUpSeconds > 0) await measure(server.url, own, options.warmUpSeconds);
        const before = cpuMs(server.pid);
        const figures = await measure(server.url, own, options.seconds);
        const after = cpuMs(server.pid);
        const cpuUs = before === undefined || after === undefined ? undefined : ((after - before) * 1000) / figures.requests;
        runs
          .get(server.name)!
          .get(load.name)!
          .push({ ...figures, cpuUs });
      }
    options.done?.(round);
  }
  return runs;
}

/** The round with the most requests per second. */
export const best = (runs: readonly Run[]): Run => runs.reduce((top, run) => (run.rps > top.rps ? run : top));

export const median = (values: readonly number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** The median CPU time per request of the rounds (steadier than req/s on a shared box), if measured. */
export const cpuOf = (runs: readonly Run[]): number | undefined =>
  runs.every((run) => run.cpuUs !== undefined) ? median(runs.map((run) => run.cpuUs!)) : undefined;

/** The rounds' requests per second, lowest to highest: `9,120–11,870`. */
export function spread(runs: readonly Run[]): string {
  const rps = runs.map((run) => run.rps);
  return `${format(Math.min(...rps))}–${format(Math.max(...rps))}`;
}

/** Answers that were not 2xx, over every round. */
export const failures = (runs: readonly Run[]): number => runs.reduce((sum, run) => sum + run.non2xx, 0);

export const format = (value: number): string => Math.round(value).toLocaleString('en');
