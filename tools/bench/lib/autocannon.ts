// autocannon as the benchmarks use it (it ships no types, and @types/autocannon is not installed): a load,
// one measurement of it against a server, and its figures.
import { createRequire } from 'node:module';

export interface Load {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Figures {
  rps: number;
  requests: number;
  p50: number;
  p99: number;
  /** Answers that were not 2xx, and errors (refused connections, timeouts). */
  non2xx: number;
}

interface Result {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  connections: number;
  duration: number;
}) => Promise<Result>;

export const CONNECTIONS = 10;

/** `load` against the server at `url` for `seconds`, at CONNECTIONS connections. */
export async function measure(url: string, load: Load, seconds: number): Promise<Figures> {
  const result = await autocannon({
    url: url + load.path,
    method: load.method,
    headers: load.headers,
    ...(load.body ? { body: load.body } : {}),
    connections: CONNECTIONS,
    duration: seconds,
  });
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}
