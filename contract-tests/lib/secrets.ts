// Keys: what must never leave this process (a live key) or be printed. Card numbers: contract-core/card-number.ts.

const KEY_PATTERN = /\b[sp]k_(?:test|live)_[A-Za-z0-9_]+/g;

export class RefusedError extends Error {
  override name = 'RefusedError';
}

/** Throws before anything is sent when the key is a live one: the contract tests run in test mode only. */
export function assertTestKey(key: string): void {
  if (key.startsWith('sk_live_') || key.startsWith('pk_live_')) {
    throw new RefusedError('refusing a live key (sk_live_…): contract tests run against test mode only; use a sk_test_ key');
  }
}

/** Every API key in the text replaced by its prefix, so that logs and reports never carry one. */
export function redact(text: string): string {
  return text.replace(KEY_PATTERN, (key) => `${key.slice(0, key.indexOf('_', 3) + 1)}[REDACTED]`);
}
