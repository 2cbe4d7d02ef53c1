// The API key, by allow-list: the contract tests accept only what is certainly a secret test key, and the
// key never becomes part of a string that could reach a log or a report (`TestKey` prints as redacted; only
// `reveal()` gives it, for the Authorization header and for Dredd's hooks).
import { inspect } from 'node:util';
import { TEST_SECRET_KEY } from '../../contract-core/credentials.ts';
import { RefusedError } from './secrets.ts';

/** Anything shaped like a key (secret or publishable, test or live), up to the next whitespace or quote. */
const KEY_LIKE = /[sp]k_(?:test|live)_[^\s"'`]*/gi;

const REDACTED = 'sk_test_[REDACTED]';

/** Why a value is not a secret test key, without quoting any of it. */
function whyRefused(value: string): string {
  if (value === '') return 'it is empty';
  if (/[sp]k_live/i.test(value)) return 'it is, or holds, a live key (sk_live_…): contract tests run in test mode only';
  if (/^["'`]|["'`]$/.test(value)) return 'it is in quotes';
  if (/^(?:bearer|basic)\b/i.test(value)) return 'it carries an authorization scheme ("Bearer …"): give the key alone';
  if (/^pk_/i.test(value)) return 'it is a publishable key (pk_…), not a secret key';
  if (/\s/.test(value)) return 'it holds whitespace';
  if (value.startsWith('sk_test_')) return 'characters other than letters and digits follow sk_test_';
  return 'it does not start with sk_test_';
}

export class TestKey {
  readonly #value: string;

  /** Throws a RefusedError naming `source` (never quoting the value) unless `raw`, trimmed, is certainly a test key. */
  constructor(raw: string, source: string) {
    const value = raw.trim();
    if (!TEST_SECRET_KEY.test(value)) {
      throw new RefusedError(
        `${source} refused: ${whyRefused(value)}. The contract tests accept only a secret test key: sk_test_ followed by letters and digits, nothing around it.`,
      );
    }
    this.#value = value;
  }

  /** The key itself: for the Authorization header the client sends and for Dredd's hooks, nowhere else. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return REDACTED;
  }

  toJSON(): string {
    return REDACTED;
  }

  [inspect.custom](): string {
    return REDACTED;
  }
}

/** Every key-like token in the text, whatever characters it holds, replaced by its prefix and `[REDACTED]`. */
export function redact(text: string): string {
  return text.replace(KEY_LIKE, (key) => `${key.slice(0, key.indexOf('_', 3) + 1)}[REDACTED]`);
}
