// Keys and card numbers: what must never leave this process (a live key, a raw card number) or be printed.

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

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The first Luhn-valid run of 13-19 digits (spaces or hyphens between them allowed), or undefined. */
export function findCardNumber(text: string): string | undefined {
  for (const match of text.matchAll(/(?<!\d)\d(?:[ -]?\d){12,18}(?!\d)/g)) {
    const digits = match[0].replace(/[ -]/g, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) return digits;
  }
  return undefined;
}

/** A card number as it may appear in a message: the last four digits only. */
export const maskCard = (digits: string): string => `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}`;
