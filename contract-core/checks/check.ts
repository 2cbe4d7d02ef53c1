// What a named check is: a small function over one answer that returns the violations it finds. The validator
// runs the selected checks in order and stamps each violation with the check's name, so that a report, a
// user and a selection (`CONTRACT_CHECKS`) can refer to it — as Schemathesis names its checks.
import type { ValidateFunction } from 'ajv/dist/2020.js';
import type { ErrorCode } from '../../generated/error-catalog.ts';
import type { Operation, ResponseSpec } from '../contract.ts';
import type { Evidence } from '../evidence.ts';

/** Where a violation was found; `pointer` is a JSON pointer into the body for `body`. */
export type Location = 'route' | 'status' | 'content-type' | 'header' | 'body';

/** What a check reports; the validator adds the check's name. */
export interface Finding {
  location: Location;
  /** JSON pointer into the body, or `/status`, `/content-type`, `/headers/<Name>`, `/route`. */
  pointer: string;
  message: string;
  expected: unknown;
  actual: unknown;
  /** The rule broken (`title of card_declined`, `format uri`, `codes of createCustomer`) and its evidence. */
  rule: string;
  evidence: Evidence;
}

/** An answer of an operation of the contract, read once for every check. */
export interface Answer {
  operation: Operation;
  status: number;
  /** The response the contract documents for this status (or `default`); absent when it documents none. */
  documented: ResponseSpec | undefined;
  /** The media type without parameters, lower case; `''` when there was no Content-Type. */
  mediaType: string;
  /** The Content-Type as sent. */
  contentType: string | null;
  /** Header names in lower case. */
  headers: ReadonlyMap<string, string>;
  /** The parsed body. */
  body: unknown;
  /** The body's `code` when it is a code of the error catalog. */
  problemCode: ErrorCode | undefined;
}

/** What the validator lends every check: the bundle's schemas, compiled once. */
export interface CheckContext {
  schemaFor(operation: Operation, status: string, mediaType: string): ValidateFunction | undefined;
}

export interface Check<Name extends string = string> {
  name: Name;
  /** What the check asserts, in one line (reports, `--help`, the README). */
  summary: string;
  run(answer: Answer, context: CheckContext): Finding[];
}

/** The evidence of the response's shape: the client's types (tests/fidelity checks the spec against them). */
export const CLIENT_SHAPE: Evidence = { source: 'client' };
/** RFC 9457 problem details with `type`, `status` and `code`, as PAY.JP's error specification publishes them. */
export const PUBLISHED: Evidence = { source: 'published' };

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
