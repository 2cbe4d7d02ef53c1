// payjp-v2-contract/mock: the mock (Prism behind a front that answers in the catalog's shape), for a test
// runner's global setup. Unlike `npm run mock`, it listens on a free port and logs nothing unless told.
import { startMock as start, type Mock, type MockOptions } from '../mock/server.ts';

export type { Mock, MockOptions };

/** Starts the mock on 127.0.0.1 (`port` 0, a free one, by default); `close()` it when done. */
export function startMock(options: MockOptions = {}): Promise<Mock> {
  return start({ port: 0, log: false, ...options });
}
