// Checks the API makes before anything else (so the mock makes them before Prism): the Idempotency-Key
// format, and raw card numbers anywhere in a JSON body.
import type { Operation } from '../contract-tests/lib/contract.ts';
import { findCardNumber } from '../contract-tests/lib/secrets.ts';

/**
 * Whether a header value keeps the operation's own rule for that header parameter (its schema's length and
 * pattern in the bundle), so that the rule is stated once, in the spec.
 */
export function keepsHeaderRule(operation: Operation, name: string, value: string): boolean {
  const parameter = operation.parameters.find((p) => p.in === 'header' && p.name.toLowerCase() === name.toLowerCase());
  if (!parameter) return true;
  const { minLength, maxLength, pattern } = parameter.schema;
  return (
    (typeof minLength !== 'number' || value.length >= minLength) &&
    (typeof maxLength !== 'number' || value.length <= maxLength) &&
    (typeof pattern !== 'string' || new RegExp(pattern, 'u').test(value))
  );
}

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
