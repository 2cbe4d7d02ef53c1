// For the sandbox's tests: a started sandbox and a client that checks every problem it receives against
// the bundle and the catalog (media type, type/title/status of the code, instance, and that the
// operation may answer the code at all, by OPERATION_ERRORS).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { loadContract, matchOperation } from '../contract-core/contract.ts';
import { testCardDetails, testCardExpiry } from '../contract-core/test-cards.ts';
import { ERROR_CATALOG, OPERATION_ERRORS, isErrorCode } from '../generated/error-catalog.ts';
import { type SandboxOptions, startSandbox } from './server.ts';

export const TEST_KEY = 'sk_test_sandboxTests';

interface BundleOperation {
  method: string;
  path: string;
  operationId: string;
  /** A list: it takes the cursors (and `limit`). */
  paginated: boolean;
  /** Its request body: required, optional, or none. */
  body: 'required' | 'optional' | undefined;
}

const { operations } = loadContract();

/** Every operation of the bundle, read by contract-core (the sandbox's own route table is checked against it). */
export const bundleOperations = (): BundleOperation[] =>
  operations.map((op) => ({
    method: op.method.toUpperCase(),
    path: op.template,
    operationId: op.operationId,
    paginated: op.isList,
    body: op.requestBody ? (op.requestBody.required ? 'required' : 'optional') : undefined,
  }));

const operationOf = (method: string, path: string): string | undefined => matchOperation(operations, method, path)?.operation.operationId;

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON; `any` so that assertions can reach into it. */
  body: any;
}

export interface RequestOptions {
  body?: unknown;
  /** A raw body, sent as is (malformed JSON). */
  raw?: string;
  key?: string | null;
  headers?: Record<string, string>;
}

export interface Client {
  url: string;
  call(method: string, path: string, options?: RequestOptions): Promise<Answer>;
  get(path: string, options?: RequestOptions): Promise<Answer>;
  post(path: string, body?: unknown, options?: RequestOptions): Promise<Answer>;
  /** The 200 body of a call that must succeed. */
  ok(method: string, path: string, body?: unknown): Promise<Answer['body']>;
  /** Sandbox.reset. */
  reset(key?: string): Promise<void>;
  close(): Promise<void>;
}

/** Checks a problem answer of `method path` against the catalog and the operation's codes. */
function checkProblem(method: string, path: string, answer: Answer): void {
  expect(answer.headers.get('content-type')).toBe('application/problem+json');
  const { code } = answer.body;
  expect(isErrorCode(code), `unknown code ${code}`).toBe(true);
  const entry = ERROR_CATALOG[code as keyof typeof ERROR_CATALOG];
  expect(answer.body).toMatchObject({ type: entry.type, title: entry.title, status: entry.status, instance: path });
  expect(answer.status).toBe(entry.status);
  for (const header of entry.headers) expect(answer.headers.get(header), `${code} without ${header}`).toMatch(/^\d+$/);
  const operationId = operationOf(method, path);
  if (operationId) {
    const allowed: readonly string[] = OPERATION_ERRORS[operationId as keyof typeof OPERATION_ERRORS] ?? [];
    expect(allowed, `${operationId} answered ${code}, which it does not document`).toContain(code);
  } else if (!path.startsWith('/sandbox/')) expect(code, `${method} ${path} matches no operation`).toBe('not_found');
}

/**
 * SANDBOX_TEST_STORE=file runs the tests with each sandbox's objects in a file of its own (in a temporary
 * folder), rather than in memory.
 */
function storeFolder(): string | undefined {
  return process.env['SANDBOX_TEST_STORE'] === 'file' ? mkdtempSync(join(tmpdir(), 'sandbox-test-')) : undefined;
}

export async function sandboxClient(options: SandboxOptions = {}): Promise<Client> {
  const folder = storeFolder();
  const sandbox = await startSandbox({ ...(folder ? { db: join(folder, 'sandbox.db') } : {}), ...options });
  return clientOf(sandbox.url, {
    reset: (key) => sandbox.reset(key),
    close: async () => {
      await sandbox.close();
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  });
}

/** A checking client of the sandbox at `url` (one in a process of its own: sandboxProcess). */
export function clientOf(url: string, control: Pick<Client, 'reset' | 'close'>): Client {
  const call = async (method: string, path: string, request: RequestOptions = {}): Promise<Answer> => {
    const headers: Record<string, string> = { ...request.headers };
    const key = request.key === undefined ? TEST_KEY : request.key;
    if (key !== null) headers['authorization'] = `Bearer ${key}`;
    const payload = request.raw ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}${path}`, { method, headers, ...(payload === undefined ? {} : { body: payload }) });
    const text = await response.text();
    const answer: Answer = { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    if (response.status >= 400) checkProblem(method, path.split('?')[0]!, answer);
    return answer;
  };
  return {
    url,
    call,
    get: (path, options) => call('GET', path, options),
    post: (path, body, options) => call('POST', path, { ...options, body }),
    ok: async (method, path, body) => {
      const answer = await call(method, path, { body });
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
      return answer.body;
    },
    ...control,
  };
}

/** A card's expiry year, years ahead of today whenever the tests run (a fixed year would expire). */
export const CARD_EXP_YEAR = testCardExpiry(Date.now()).exp_year;

/** A card payment method from a test token of the sandbox. */
export const cardBody = (token: string, extra: Record<string, unknown> = {}) => ({
  type: 'card',
  card: testCardDetails(token, Date.now()),
  billing_details: { email: 'hanako.suzuki@example.jp' },
  ...extra,
});

export interface SandboxProcess {
  url: string;
  child: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/**
 * `npm run sandbox` as a child process (PORT=0), for what a test cannot do to a sandbox in its own process:
 * kill it, or measure its memory. `nodeArgs` go before the script (`--expose-gc`); `env` adds to the test's.
 */
export async function sandboxProcess(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<SandboxProcess> {
  const child = spawn(process.execPath, [...nodeArgs, new URL('server.ts', import.meta.url).pathname], {
    env: { ...process.env, ...env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code} before it listened: ${output}`)));
  });
  child.stdout!.resume();
  return { url, child, exited };
}
