// What must never leave this process: a raw card number (a key that is not a test key: keys.ts).

/** A refusal made before anything is sent: a key that is not certainly a test key, a raw card number. */
export class RefusedError extends Error {
  override name = 'RefusedError';
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
