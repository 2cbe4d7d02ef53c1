// A check the API makes before anything else (so the mock makes it before Prism): the Idempotency-Key format.
// The body, the credentials and card numbers follow rules the sandbox shares: contract-core/.
import type { Operation } from '../contract-core/contract.ts';

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
