// payjp-v2-contract/mock: the mock (Prism behind a front that answers in the catalog's shape), for a test
// runner's global setup. Unlike `npm run mock`, it listens on a free port and logs nothing unless told.
// Prism's libraries are optional peers of the package: without them, importing this module throws one line
// naming the `npm install` to run (mock/prism.ts).
import { startMock as start, type Mock, type MockOptions as ServerOptions } from '../mock/server.ts';

export type { Mock };

export type MockOptions = Omit<ServerOptions, 'port' | 'log'> & {
  /** Port on 127.0.0.1; 0, the default, picks a free one. */
  port?: number;
  /** Receives one line per request (method, path, status, a problem's code, ms), e.g. `console.log`. Default: no log. */
  log?: ((line: string) => void) | false;
};

/** Starts the mock on 127.0.0.1 (`port` 0, a free one, by default; no log unless `log` is given); `close()` it when done. */
export function startMock(options: MockOptions = {}): Promise<Mock> {
  return start({ port: 0, log: false, ...options });
}
