// npm run mock: the contract's mock. Prism answers from the bundle (generated/openapi.json); the front
// before it (front.ts) answers in the catalog's problem shape. PORT (default 4010), MOCK_DYNAMIC=1 for
// generated data instead of the examples, MOCK_SEED for its seed.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GENERATED } from '../scripts/lib/paths.ts';
import { createFront } from './front.ts';
import type { JsonObject } from '../contract-tests/lib/contract.ts';
import { indexRoutes } from './operations.ts';
import { startPrism } from './prism.ts';

export type MockOptions = {
  /** Port of the front on 127.0.0.1; 0 picks a free one. Default 4010. */
  port?: number;
  /** Prism generates data from the schemas (seeded) instead of answering the examples. */
  dynamic?: boolean;
  seed?: string;
  /** One line per request; false: no log. Default: stdout. */
  log?: ((line: string) => void) | false;
  /** The bundle to serve. Default generated/openapi.json. */
  spec?: string;
};

export type Mock = { url: string; close(): Promise<void> };

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const { port = 4010, dynamic = false, seed, log = (line: string) => console.log(line) } = options;
  // Prism restarts when its file changes (and answers nothing meanwhile): serve a copy of the bundle, so
  // that a rebuild during a run changes neither Prism nor the front, which read the same copy.
  const dir = mkdtempSync(join(tmpdir(), 'payjp-mock-'));
  const document = join(dir, 'openapi.json');
  copyFileSync(options.spec ?? join(GENERATED, 'openapi.json'), document);
  const cleanUp = (): void => rmSync(dir, { recursive: true, force: true });

  let routes;
  try {
    routes = indexRoutes(JSON.parse(readFileSync(document, 'utf8')) as JsonObject);
  } catch (error) {
    cleanUp();
    throw error;
  }
  const prism = await startPrism({ document, dynamic, ...(seed ? { seed } : {}) }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  const front = createFront({ routes, prismPort: prism.port, log });
  try {
    await new Promise<void>((resolve, reject) => front.once('error', reject).listen(port, '127.0.0.1', resolve));
  } catch (error) {
    await prism.close();
    cleanUp();
    throw new Error(`mock: cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`);
  }
  const url = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  let closing = false;
  prism.child.once('exit', (code, signal) => {
    if (!closing) console.error(`mock: Prism exited (${code ?? signal}); requests now answer 500 internal_server_error`);
  });
  return {
    url,
    async close() {
      closing = true;
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
      await prism.close();
      cleanUp();
    },
  };
}

if (import.meta.main) {
  const mock = await startMock({
    port: Number(process.env.PORT ?? 4010),
    dynamic: process.env.MOCK_DYNAMIC === '1',
    ...(process.env.MOCK_SEED ? { seed: process.env.MOCK_SEED } : {}),
  });
  console.log(`mock: ${mock.url} (${process.env.MOCK_DYNAMIC === '1' ? 'dynamic' : 'static examples'}; Prism behind the front)`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void mock.close().then(() => process.exit(0)));
  }
}
