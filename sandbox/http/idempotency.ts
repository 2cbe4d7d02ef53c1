// Idempotency keys as PAY.JP documents them: the first response under a key is stored and replayed for the
// same request; other parameters under the key are a conflict; a duplicate that arrives while the first
// is still running waits a little, then times out. Stored answers are in the store (they outlive a restart
// with a file, committed with the objects the request made); requests under way are in memory.
import type { ErrorCode } from '../../generated/error-catalog.ts';
import type { Database } from '../storage/database.ts';
import { ApiError } from '../resources/errors.ts';

const KEY = /^[A-Za-z0-9_-]{1,255}$/;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The problem's code, for an error answer. */
  code?: ErrorCode;
}

interface Running {
  fingerprint: string;
  done: Promise<void>;
  settle: () => void;
}

export type Claim = { kind: 'new'; finish(response: StoredResponse | undefined): void } | { kind: 'replay'; response: StoredResponse };

/** Checks the header's format: 400 `invalid_idempotency_key`. */
export function checkKey(key: string): void {
  if (!KEY.test(key)) throw new ApiError('invalid_idempotency_key');
}

/** JSON with sorted keys, so that the same parameters in another order are the same request. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

export class IdempotencyStore {
  readonly #db: Database;
  readonly #running = new Map<string, Running>();
  readonly #waitMs: number;

  constructor(db: Database, waitMs: number) {
    this.#db = db;
    this.#waitMs = waitMs;
  }

  /**
   * Claims `key` (scoped by the tenant and the API key's digest) for a request: new (process it, then
   * `finish` with the response to keep, or `undefined` to release the key), or the stored response to
   * replay. Throws the 409s.
   */
  async claim(tenant: string, scope: string, key: string, fingerprint: string): Promise<Claim> {
    const id = `${tenant}\n${scope}\n${key}`;
    const running = this.#running.get(id);
    if (running) {
      if (running.fingerprint !== fingerprint) throw new ApiError('idempotency_conflict');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([running.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#waitMs)))]);
      clearTimeout(timer);
      if (this.#running.get(id) === running) throw new ApiError('idempotency_timeout'); // Retry-After: 1, the default of problemHeaders
      return this.claim(tenant, scope, key, fingerprint); // finished: stored, or released to go again
    }
    const stored = this.#db.statement('SELECT fingerprint, response FROM idempotency WHERE tenant = ? AND scope = ? AND key = ?').get(tenant, scope, key) as
      | { fingerprint: string; response: string }
      | undefined;
    if (stored) {
      if (stored.fingerprint !== fingerprint) throw new ApiError('idempotency_conflict');
      return { kind: 'replay', response: JSON.parse(stored.response) as StoredResponse };
    }
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    const entry: Running = { fingerprint, done, settle };
    this.#running.set(id, entry);
    return {
      kind: 'new',
      finish: (response) => {
        // Stored in the batch of the request's own writes: both are committed, or neither.
        if (response)
          this.#db.write(
            'INSERT INTO idempotency (tenant, scope, key, fingerprint, response) VALUES (?, ?, ?, ?, ?)',
            tenant,
            scope,
            key,
            fingerprint,
            JSON.stringify(response),
          );
        // Duplicates waiting go on once it is committed (or failed, and the key is free again).
        const release = () => {
          this.#running.delete(id);
          entry.settle();
        };
        this.#db.committed().then(release, release);
      },
    };
  }
}
