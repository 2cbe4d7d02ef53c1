// Servers of a benchmark as processes of their own on free loopback ports: started, checked to be the one
// answering, measured (CPU time), stopped.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Started {
  url: string;
  child: ChildProcess;
  close(): Promise<void>;
}

/**
 * Runs `command` (given the port, also as PORT in its environment) and waits until `probe` of its URL says
 * that it is the one answering (`waitMs` at most).
 */
export async function startProcess(
  name: string,
  command: (port: number) => readonly string[],
  probe: (url: string) => Promise<'ours' | 'other' | 'not yet'>,
  env: Record<string, string> = {},
  waitMs = 30_000,
): Promise<Started> {
  const port = await freePort();
  const [program, ...args] = command(port);
  const child = spawn(program!, args, { env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = performance.now() + waitMs; performance.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    const answer = await probe(url).catch(() => 'not yet' as const);
    if (answer === 'ours') return { url, child, close };
    if (answer === 'other') {
      await close();
      throw new Error(`${name}: another server answers on port ${port}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`${name} did not answer within ${waitMs / 1000} s`);
}

/**
 * CPU time (user + system) a process has used, in ms: Linux's /proc counts it in ticks of USER_HZ, 100 a
 * second on every architecture Node runs on; undefined elsewhere. Steadier than req/s on a shared box.
 */
export function cpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The machine's load average over 1, 5 and 15 minutes (Linux), for the figures' context. */
export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
