// npm run mock: the contract's mock. Prism answers from the bundle (generated/openapi.json, read once at
// start: restart after a rebuild); the front around it (front.ts) answers in the catalog's problem shape.
// PORT (default 4010), MOCK_DYNAMIC=1 for data generated from the schemas instead of the examples,
// MOCK_SEED for its seed.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { JsonObject } from '../contract-core/contract.ts';
import { BUNDLE_FILE } from '../contract-core/files.ts';
import { portFrom, startOrExit } from '../contract-core/settings.ts';
import { createFront } from './front.ts';
import { indexRoutes } from './operations.ts';
import { createPrism } from './prism.ts';

export type MockOptions = {
  /** Port of the front on 127.0.0.1; 0 picks a free one. Default 4010. */
  port?: number;
  /** Prism generates data from the schemas (seeded) instead of answering the examples. */
  dynamic?: boolean;
  seed?: string;
  /** One line per request; false: no log. Default: stdout. */
  log?: ((line: string) => void) | false;
  /** The bundle to serve, as a file or already parsed. Default generated/openapi.json. */
  spec?: string | JsonObject;
};

export type Mock = { url: string; close(): Promise<void> };

export async function startMock(options: MockOptions = {}): Promise<Mock> {
  const { port = 4010, dynamic = false, seed, log = (line: string) => console.log(line) } = options;
  const spec = options.spec ?? BUNDLE_FILE;
  const document = typeof spec === 'string' ? readBundle(spec) : spec;
  const routes = indexRoutes(document);
  const prism = await createPrism({ document, dynamic, ...(seed ? { seed } : {}) });
  const front = createFront({ routes, prism, log });
  await new Promise<void>((resolve, reject) => front.once('error', reject).listen(port, '127.0.0.1', resolve)).catch((error: Error) => {
    throw new Error(`mock: cannot listen on 127.0.0.1:${port}: ${error.message}`);
  });
  return {
    url: `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
    async close() {
      front.closeAllConnections();
      await new Promise((resolve) => front.close(resolve));
    },
  };
}

function readBundle(file: string): JsonObject {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
  } catch (error) {
    throw new Error(`mock: cannot read the bundle ${file} (run \`npm run bundle\`): ${(error as Error).message}`);
  }
}

if (import.meta.main) {
  const dynamic = process.env.MOCK_DYNAMIC === '1';
  const port = await startOrExit(() => portFrom(process.env.PORT, 'PORT', 4010));
  const mock = await startMock({ port, dynamic, ...(process.env.MOCK_SEED ? { seed: process.env.MOCK_SEED } : {}) });
  console.log(`mock: ${mock.url} (${dynamic ? 'dynamic data' : 'static examples'})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void mock.close().then(() => process.exit(0)));
}
