// What growth costs the sandbox: a GET by ID, a filtered list, a cursor page and a create against stores of
// 10,000, 100,000 and 1,000,000 objects, beside the same against an empty one (the seed, and one page of
// objects: 20, so that every list answers a full page of 10 at every size), in memory and in a file. The stores are filled through the storage layer (lib/fill.ts: half customers, half their
// events), each sandbox its own process, all measured in interleaved rounds (lib/rounds.ts). A request's cost
// is the CPU time its server spends on it (the median of the rounds): on a shared box requests per second move
// with whatever else runs, CPU per request far less. Target (issue 16): at 1,000,000 objects a filtered list
// and a cursor page cost at most 2× what they cost on the empty store, with p99 under 5 ms. Writes
// reports/sandbox-growth.md and reports/sandbox-growth.svg (the curve).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_OBJECTS } from '../../contract-core/example-objects.ts';
import { ROOT } from '../../contract-core/files.ts';
import { TABLES } from '../../sandbox/state/state.ts';
import { Database } from '../../sandbox/storage/database.ts';
import { CONNECTIONS, type Load } from './lib/autocannon.ts';
import { fill, middleCustomer } from './lib/fill.ts';
import { growthChart } from './lib/growth-chart.ts';
import { type Started, loadAverage, startProcess } from './lib/processes.ts';
import { type Run, best, cpuOf, format, interleave, spread } from './lib/rounds.ts';

/** The first is the empty store's: one page of customers and their events, beside the seed. */
const SIZES = [20, 10_000, 100_000, 1_000_000] as const;
const STORES = ['memory', 'file'] as const;
const ROUNDS = 3;
const DURATION_S = 3;
const WARM_UP_S = 1;
/** A seeded customer: its answer tells the bench's own sandboxes from another server on the port. */
const SEED_CUSTOMER = EXAMPLE_OBJECTS.customer;
const HEADERS = { authorization: 'Bearer sk_test_bench', 'content-type': 'application/json' };
/** The paths of GET by ID and the cursor page name a customer of each store (lib/fill.ts). */
const LOADS: readonly Load[] = [
  { name: 'GET by ID', method: 'GET', path: '/v2/customers/{middle}', headers: HEADERS },
  { name: 'filtered list', method: 'GET', path: '/v2/events?type=customer.created&limit=10', headers: HEADERS },
  { name: 'cursor page', method: 'GET', path: '/v2/customers?limit=10&starting_after={middle}', headers: HEADERS },
  // Last in each round: the objects it makes do not count in the reads of that round.
  { name: 'create', method: 'POST', path: '/v2/customers', headers: HEADERS, body: JSON.stringify({ email: 'bench@example.jp', description: 'bench' }) },
];
/** The reads whose cost at 1,000,000 objects the target bounds. */
const BOUNDED = ['filtered list', 'cursor page'];

const folder = mkdtempSync(join(tmpdir(), 'bench-growth-'));
const EMPTY = SIZES[0];
const label = (store: string, size: number): string => `${store}, ${size === EMPTY ? 'empty' : format(size)}`;
const probe = async (url: string): Promise<'ours' | 'other'> => {
  const response = await fetch(`${url}/v2/customers/${SEED_CUSTOMER}`, { headers: HEADERS });
  return response.status === 200 && (await response.text()).includes(`"id":"${SEED_CUSTOMER}"`) ? 'ours' : 'other';
};

const loadBefore = loadAverage();
const servers: (Started & { name: string; size: number; store: string })[] = [];
let runs: Map<string, Map<string, Run[]>>;
try {
  for (const store of STORES)
    for (const size of SIZES) {
      const filling = performance.now();
      const env: Record<string, string> = { GROWTH_SIZE: String(size) };
      if (store === 'file') {
        env['SANDBOX_DB'] = join(folder, `growth-${size}.db`);
        const db = new Database(env['SANDBOX_DB'], Object.values(TABLES));
        await fill(db, size);
        db.close();
      }
      const script = join(ROOT, store === 'file' ? 'sandbox/server.ts' : 'tools/bench/lib/filled-sandbox.ts');
      // A process filling a million objects in memory takes its time on a busy box.
      const started = await startProcess(label(store, size), () => [process.execPath, script], probe, env, 10 * 60_000);
      servers.push({ ...started, name: label(store, size), size, store });
      console.error(`bench: ${label(store, size)} objects filled and serving in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
    }
  runs = await interleave(
    servers.map((server) => {
      const middle = middleCustomer(server.size);
      const paths = Object.fromEntries(LOADS.map((load) => [load.name, load.path.replace('{middle}', middle)]));
      return { name: server.name, url: server.url, pid: server.child.pid, paths };
    }),
    LOADS,
    { rounds: ROUNDS, seconds: DURATION_S, warmUpSeconds: WARM_UP_S, done: (round) => console.error(`bench: round ${round}/${ROUNDS} done`) },
  );
} finally {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(folder, { recursive: true, force: true });
}

const rounds = (store: string, size: number, load: string): Run[] => runs.get(label(store, size))!.get(load)!;
const top = (store: string, size: number, load: string): Run => best(rounds(store, size, load));
/** CPU time of the server per request (µs, the median of the rounds). */
const cpu = (store: string, size: number, load: string): number => cpuOf(rounds(store, size, load)) ?? Number.NaN;
/** What a request costs beside the empty store of the same kind, in CPU time per request. */
const cost = (store: string, size: number, load: string): number => cpu(store, size, load) / cpu(store, EMPTY, load);

const lines = [
  `autocannon, ${CONNECTIONS} connections, ${DURATION_S} s per round after ${WARM_UP_S} s of warm-up, best of ${ROUNDS} interleaved rounds, loopback; ` +
    `load average ${loadBefore} before, ${loadAverage()} after (1, 5, 15 min; 2 cores). Objects: half customers, half their events; ` +
    `the creates measured add some (${ROUNDS} rounds of ${DURATION_S} s), after each round's reads.`,
  '',
  `Each cell: CPU µs per request (median of the rounds) and that beside the empty store's; req/s, best and the rounds' spread; p99 ms of the best round.`,
  '',
  `| store | objects | ${LOADS.map((load) => load.name).join(' | ')} |`,
  `|---|---:|${LOADS.map(() => '---:').join('|')}|`,
  ...STORES.flatMap((store) =>
    SIZES.map((size) => {
      const cells = LOADS.map((load) => {
        const run = top(store, size, load.name);
        return `**${cpu(store, size, load.name).toFixed(0)} µs, ${cost(store, size, load.name).toFixed(2)}×**; ${format(run.rps)} (${spread(rounds(store, size, load.name))}); ${run.p99}`;
      });
      return `| ${store} | ${size === EMPTY ? `empty (the seed and ${EMPTY})` : format(size)} | ${cells.join(' | ')} |`;
    }),
  ),
];
const largest = SIZES.at(-1)!;
const misses = STORES.flatMap((store) =>
  BOUNDED.flatMap((load) => {
    const run = top(store, largest, load);
    return [
      ...(cost(store, largest, load) > 2
        ? [`${store}, ${load} at ${format(largest)}: ${cost(store, largest, load).toFixed(2)}× the empty store's cost (target ≤ 2×)`]
        : []),
      ...(run.p99 >= 5 ? [`${store}, ${load} at ${format(largest)}: p99 ${run.p99} ms (target < 5 ms)`] : []),
    ];
  }),
);
lines.push(
  '',
  misses.length === 0
    ? `Targets met: at ${format(largest)} objects a filtered list and a cursor page cost at most 2× the empty store's, p99 < 5 ms.`
    : `Targets missed:\n- ${misses.join('\n- ')}`,
);
const failed = [...runs.values()].flatMap((byLoad) => [...byLoad.values()].flat()).filter((run) => run.non2xx > 0).length;
if (failed > 0) lines.push(`\n${failed} rounds had answers that were not 2xx.`);

const reports = join(ROOT, 'reports');
mkdirSync(reports, { recursive: true });
writeFileSync(
  join(reports, 'sandbox-growth.md'),
  `# Sandbox: the cost of growth\n\n${lines.join('\n')}\n\n![cost beside the empty store](sandbox-growth.svg)\n`,
);
writeFileSync(
  join(reports, 'sandbox-growth.svg'),
  growthChart(
    SIZES.slice(1),
    STORES.flatMap((store) => LOADS.map((load) => ({ store, load: load.name, costs: SIZES.slice(1).map((size) => cost(store, size, load.name)) }))),
  ),
);
console.log(lines.join('\n'));
console.log('\nWritten: reports/sandbox-growth.md, reports/sandbox-growth.svg');
process.exitCode = failed > 0 ? 1 : 0;
