// Checks the API makes before anything else (so the mock makes them before Prism): the Idempotency-Key
// format, and raw card numbers anywhere in a JSON body.
import { findCardNumber } from '../contract-tests/lib/secrets.ts';

/** At most 255 characters of a-z A-Z 0-9 - _ (the v2 idempotency guide). */
export const isValidIdempotencyKey = (key: string): boolean => /^[A-Za-z0-9_-]{1,255}$/.test(key);

export type ParsedBody = { ok: true; value: unknown; cardField: string | undefined } | { ok: false; error: string };

type SourceContext = { source?: string };
const CARD = Object.freeze({});

/**
 * Checks that a body is JSON and finds the first field holding a card number (the same rule as the contract
 * client's guard: a Luhn-valid run of 13-19 digits), in a string or a number, in any field. Numbers are read
 * from their source text, since 16+ digits lose precision as a double. The reviver marks each card number;
 * a walk then names the first marked field as a dot path.
 */
export function parseJsonBody(text: string): ParsedBody {
  let marked = false;
  let value: unknown;
  try {
    value = JSON.parse(text, (_key: string, leaf: unknown, context?: SourceContext) => {
      const source = typeof leaf === 'number' ? context?.source : typeof leaf === 'string' ? leaf : undefined;
      if (source === undefined || source.length < 13 || findCardNumber(source) === undefined) return leaf;
      marked = true;
      return CARD;
    });
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  return { ok: true, value, cardField: marked ? findCard(value, []) : undefined };
}

function findCard(value: unknown, path: string[]): string | undefined {
  if (value === CARD) return path.join('.');
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const found = findCard(child, [...path, key]);
    if (found !== undefined) return found;
  }
  return undefined;
}
