// Prism as a child process on a loopback port of its own: it answers from the spec's examples and
// validates requests; the front (front.ts) makes its answers the catalog's.
import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export type PrismOptions = {
  /** The spec file Prism reads (Prism restarts when it changes: give it a copy that does not). */
  document: string;
  dynamic?: boolean;
  /** Seed of dynamic examples, so that the same request gets the same answer. */
  seed?: string;
  port?: number;
};

export type PrismProcess = { url: string; port: number; child: ChildProcess; close(): Promise<void> };

const require = createRequire(import.meta.url);
const PRISM_BIN = join(dirname(require.resolve('@stoplight/prism-cli/package.json')), 'dist/index.js');
const EXIT_WITH_PARENT = join(import.meta.dirname, 'exit-with-parent.ts');
const STARTUP_MS = 30_000;

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export function prismArgs({ document, dynamic = false, seed = '1' }: PrismOptions, port: number): string[] {
  const args = ['mock', document, '-h', '127.0.0.1', '-p', String(port), '-v', 'silent'];
  if (dynamic) args.push('-d', '--json-schema-faker-fillProperties=false', '--seed', seed);
  return args;
}

/** Starts Prism and waits until the child it started answers on its port. */
export async function startPrism(options: PrismOptions): Promise<PrismProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', EXIT_WITH_PARENT, PRISM_BIN, ...prismArgs(options, port)], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  child.channel?.unref();
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const url = `http://127.0.0.1:${port}`;
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const deadline = Date.now() + STARTUP_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Prism exited (${child.exitCode}) on port ${port}: ${stderr.trim()}`);
    // Prism answers an unknown route with its own problem; another server on the port would make it exit.
    const answered = await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) }).then(
      async (response) => ((await response.text()).includes('NO_PATH_MATCHED_ERROR')),
      () => false,
    );
    if (answered && child.exitCode === null) return { url, port, child, close };
    await sleep(100);
  }
  await close();
  throw new Error(`Prism did not answer on port ${port} within ${STARTUP_MS} ms: ${stderr.trim()}`);
}
