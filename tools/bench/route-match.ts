// The sandbox's route matching: its own router (sandbox/http/router.ts: routes by method and segment count,
// `{name}` segments capture) beside URLPattern as contract-core/contract.ts matches operations (per method,
// more literal segments first, `exec` on each), over the sandbox's route table and the same paths: every
// route with IDs filled in, and paths no route has (404s). CPU time per match, in interleaved rounds (they
// alternate, their order reversed every other round), median and spread; all must agree on every path first.
// A third contender puts URLPattern behind the sandbox's own first step, to show what `exec` itself costs.
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Route } from '../../sandbox/resources/route.ts';
import { ROUTES } from '../../sandbox/resources/routes.ts';
import { Router } from '../../sandbox/http/router.ts';

const ROUNDS = 9;
const ROUND_MS = 400;

/** URLPattern matching as contract-core/contract.ts does it, over the sandbox's routes. */
class PatternRouter {
  readonly #byMethod = new Map<string, { route: Route; pattern: URLPattern; literals: number }[]>();

  constructor(routes: readonly Route[]) {
    for (const route of routes) {
      const pattern = new URLPattern({ pathname: route.path.replace(/\{([^}]+)\}/g, ':$1') });
      const literals = route.path.split('/').filter((part) => part !== '' && !part.startsWith('{')).length;
      this.#byMethod.set(route.method, [...(this.#byMethod.get(route.method) ?? []), { route, pattern, literals }]);
    }
    for (const list of this.#byMethod.values()) list.sort((a, b) => b.literals - a.literals);
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    for (const { route, pattern } of this.#byMethod.get(method) ?? []) {
      const groups = pattern.exec({ pathname: path })?.pathname.groups;
      if (!groups) continue;
      return { route, params: Object.fromEntries(Object.entries(groups).map(([name, value]) => [name, decodeURIComponent(value ?? '')])) };
    }
    return undefined;
  }
}

/** URLPattern behind the sandbox's own first step (routes by method and segment count): what `exec` itself costs. */
class BucketedPatternRouter {
  readonly #buckets = new Map<string, PatternRouter>();

  constructor(routes: readonly Route[]) {
    const groups = Map.groupBy(routes, (route) => `${route.method} ${route.path.split('/').length}`);
    for (const [key, group] of groups) this.#buckets.set(key, new PatternRouter(group));
  }

  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    return this.#buckets.get(`${method} ${path.split('/').length}`)?.match(method, path);
  }
}

const requests = [
  ...ROUTES.map((route) => ({ method: route.method, path: route.path.replace(/\{[^}]+\}/g, 'pfw_1Vb7Yt4Qe2xK9mN3') })),
  { method: 'GET', path: '/v2/nothing_here' },
  { method: 'GET', path: '/v2/customers/cus_1/nothing' },
  { method: 'DELETE', path: '/v2/payment_flows/pfw_1' },
];

const ours = new Router(ROUTES);
const patterns = new PatternRouter(ROUTES);
const bucketed = new BucketedPatternRouter(ROUTES);
for (const { method, path } of requests) {
  const a = ours.match(method, path);
  for (const other of [patterns, bucketed]) {
    const b = other.match(method, path);
    if (a?.route !== b?.route || JSON.stringify(a?.params) !== JSON.stringify(b?.params))
      throw new Error(`tools/bench/route-match.ts: the routers disagree on ${method} ${path}: ${a?.route.operationId} / ${b?.route.operationId}`);
  }
}

/** CPU ns per match over one round of about ROUND_MS, cycling through every request. */
function round(match: (method: string, path: string) => unknown): number {
  let n = 0;
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  while (n & 1023 || performance.now() - wallStart < ROUND_MS) {
    const { method, path } = requests[n % requests.length]!;
    match(method, path);
    n += 1;
  }
  const cpu = process.cpuUsage(cpuStart);
  return ((cpu.user + cpu.system) * 1000) / n;
}

const contenders = [
  { name: 'sandbox/http/router.ts', match: (method: string, path: string) => ours.match(method, path) },
  { name: 'URLPattern (as contract-core)', match: (method: string, path: string) => patterns.match(method, path) },
  { name: 'URLPattern, by method and segment count first', match: (method: string, path: string) => bucketed.match(method, path) },
];
const loadBefore = loadavg()[0]!;
for (const { match } of contenders) round(match); // warm-up
const figures = new Map<string, number[]>(contenders.map(({ name }) => [name, []]));
for (let i = 0; i < ROUNDS; i += 1) for (const { name, match } of i % 2 === 0 ? contenders : contenders.toReversed()) figures.get(name)!.push(round(match));

const median = (values: number[]): number => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]!;
const base = median(figures.get(contenders[0]!.name)!);
console.log(
  `${ROUTES.length} routes, ${requests.length} paths (3 without a route), ${ROUNDS} interleaved rounds of ${ROUND_MS} ms; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after\n`,
);
console.log('| router | CPU ns per match (median) | rounds | × ours |\n|---|---:|---:|---:|');
for (const [name, values] of figures) {
  const spread = `${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))}`;
  console.log(`| ${name} | ${Math.round(median(values))} | ${spread} | ${(median(values) / base).toFixed(1)} |`);
}
