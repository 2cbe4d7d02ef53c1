// Idempotency keys as PAY.JP documents them: the first response under a key is stored and replayed for the
// same request; other parameters under the key are a conflict; a duplicate that arrives while the first
// is still running waits a little, then times out.
import type { ErrorCode } from '../../generated/error-catalog.ts';
import { ApiError } from './problem.ts';

const KEY = /^[A-Za-z0-9_-]{1,255}$/;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** The problem's code, for an error answer. */
  code?: ErrorCode;
}

interface Entry {
  fingerprint: string;
  response: StoredResponse | undefined;
  done: Promise<void>;
  settle: () => void;
}

export type Claim =
  | { kind: 'new'; finish(response: StoredResponse | undefined): void }
  | { kind: 'replay'; response: StoredResponse };

/** Checks the header's format: 400 `invalid_idempotency_key`. */
export function checkKey(key: string): void {
  if (!KEY.test(key))
    throw new ApiError('invalid_idempotency_key', "The Idempotency-Key header must be at most 255 characters of a-z, A-Z, 0-9, '-' and '_'.");
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
  readonly #entries = new Map<string, Entry>();
  readonly #waitMs: number;

  constructor(waitMs: number) {
    this.#waitMs = waitMs;
  }

  /**
   * Claims `key` (scoped by API key) for a request: new (process it, then `finish` with the response to
   * keep, or `undefined` to release the key), or the stored response to replay. Throws the 409s.
   */
  async claim(scope: string, key: string, fingerprint: string): Promise<Claim> {
    const id = `${scope}\n${key}`;
    const entry = this.#entries.get(id);
    if (!entry) {
      let settle = () => {};
      const done = new Promise<void>((resolve) => (settle = resolve));
      const created: Entry = { fingerprint, response: undefined, done, settle };
      this.#entries.set(id, created);
      return {
        kind: 'new',
        finish: (response) => {
          if (response) created.response = response;
          else this.#entries.delete(id);
          created.settle();
        },
      };
    }
    if (entry.fingerprint !== fingerprint)
      throw new ApiError('idempotency_conflict', 'The Idempotency-Key was already used with different request parameters.');
    if (!entry.response) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([entry.done, new Promise<void>((resolve) => (timer = setTimeout(resolve, this.#waitMs)))]);
      clearTimeout(timer);
      if (!entry.response) {
        if (this.#entries.get(id) !== entry) return this.claim(scope, key, fingerprint); // released: go again
        throw new ApiError('idempotency_timeout', 'The original request with this Idempotency-Key is still being processed.', {
          headers: { 'retry-after': '1' },
        });
      }
    }
    return { kind: 'replay', response: entry.response };
  }
}
