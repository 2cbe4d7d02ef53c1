// payjp-v2-contract/validator: the contract tests' response validator, for your own tests. It judges one
// answer of an operation: status documented, media type, schema, required headers, and for problems a code
// of the catalog, of that status, allowed for that operation, with the catalog's type and title.
import { validateOperationResponse, type InfrastructureFailure, type ValidationResult, type Violation } from '../contract-core/validator.ts';
import type { OperationId } from '../generated/error-catalog.ts';

export type { InfrastructureFailure, ValidationResult, Violation };
export type ResponseHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/**
 * The verdict on an answer of `operationId`: `ok`, each violation (JSON pointer, expected, actual, the rule
 * and its evidence) and infrastructure failures (an HTML page from a CDN, a gateway's 502). `body` is the raw
 * text or the parsed JSON; the media type comes from the `content-type` header.
 */
export function validateResponse(operationId: OperationId, status: number, headers: ResponseHeaders, body: unknown): ValidationResult {
  return validateOperationResponse(operationId, { status, contentType: contentTypeOf(headers), headers, body });
}

function contentTypeOf(headers: ResponseHeaders): string | undefined {
  if (typeof Headers !== 'undefined' && headers instanceof Headers) return headers.get('content-type') ?? undefined;
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  return typeof value === 'string' ? value : value?.[0];
}
