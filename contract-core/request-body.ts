// The one reading of a request body, shared by the mock and the sandbox, with its bounds. PAY.JP publishes
// that requests are JSON; the rest is our inference, stated in the spec (openapi.yaml, "Requests"):
// - the media type is `application/json` (what the spec documents and the published client sends); its
//   parameters are ignored, as RFC 8259 §11 says a `charset` has no effect; anything else is refused, and so
//   is a body that is not UTF-8 (RFC 8259 §8.1) or starts with a byte order mark (JSON.parse refuses it);
// - a body of more than MAX_BODY_BYTES or nested deeper than MAX_JSON_DEPTH is refused unread: PAY.JP
//   publishes no bound, the catalog has no 413, and no documented request comes near either bound (the
//   deepest nests 4 levels: tests/parity/requests.test.ts checks it against the bundle);
// - an operation without a request body refuses a body (RFC 9110 §9.3.1: a GET's content has no meaning);
// - on an operation whose body is optional, the JSON `null` is no body: the published client (@payjp/payjpv2
//   1.0.5) types the body of those five operations (cancel, capture and confirm a payment flow, create and
//   cancel a setup flow) `… | null` and sends `null` as the JSON text `null`, so the API reads it so; on an
//   operation whose body is required, `null` stays a value, for the validator to refuse (422);
// - a card number anywhere in the body wins over every other problem of the body: it is the one a client
//   must hear about, whatever else is wrong.
// Every refusal is `400 invalid_request`, the catalog's code for a request that cannot be read, or
// `400 card_number_not_allowed`.
import { isUtf8 } from 'node:buffer';
import type { Readable } from 'node:stream';
import { findCardNumberInBody } from './card-number.ts';

export const MAX_BODY_BYTES = 1_048_576;
export const MAX_JSON_DEPTH = 32;

export type BodyRefusal = { code: 'invalid_request' | 'card_number_not_allowed'; detail: string };
/** Whether an operation has a request body, and whether it may be left out. */
export type BodyPresence = 'none' | 'optional' | 'required';
export type BodyReading = { ok: true; value: unknown } | { ok: false; refusal: BodyRefusal };

/**
 * The body's bytes, or `too-large` once more than MAX_BODY_BYTES arrived (the rest is read and dropped, so
 * that the client, still sending, gets the answer rather than a reset connection). Rejects when the stream
 * fails or closes before its end (the client went away). Read by its events rather than `for await`, which
 * costs a promise per chunk on every request.
 */
export function readBodyBytes(stream: Readable): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    stream.once('end', () => resolve(size > MAX_BODY_BYTES ? 'too-large' : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
    stream.once('error', reject);
    stream.once('close', () => {
      if (!stream.readableEnded) reject(stream.errored ?? new Error('The request closed before its body ended.'));
    });
  });
}

/**
 * The JSON body of a request: `value` undefined when there is none (or, where the body is optional, when it
 * is `null`). `presence`: whether the operation has a request body, optional or required; `cardDataAllowed`:
 * a publishable key's request, not scanned for card numbers.
 */
export function readJsonBody(bytes: Buffer | 'too-large', contentType: string | undefined, presence: BodyPresence, cardDataAllowed = false): BodyReading {
  if (bytes === 'too-large') return refuse('invalid_request', `The request body is larger than ${MAX_BODY_BYTES} bytes.`);
  if (bytes.length === 0) return { ok: true, value: undefined };
  // Not scanned for card numbers: card_number_not_allowed is documented for operations with a body only.
  if (presence === 'none') return refuse('invalid_request', 'This operation takes no request body.');
  const text = bytes.toString('utf8');
  let problem: string | undefined;
  let value: unknown;
  if (!isJsonMediaType(contentType)) problem = `The request body must be sent as application/json, not ${contentType ?? 'without a Content-Type'}.`;
  else if (!isUtf8(bytes)) problem = 'The request body is not valid UTF-8.';
  else if (jsonDepthAbove(text, MAX_JSON_DEPTH)) problem = `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`;
  else {
    try {
      value = JSON.parse(text) as unknown;
    } catch (error) {
      problem = `The request body is not valid JSON: ${(error as Error).message}`;
    }
  }
  // The browser's card entry, with a publishable key, is where card data belongs (credentials.ts).
  const card = cardDataAllowed ? undefined : findCardNumberInBody(text, value);
  if (card) {
    const where = card.field === undefined ? 'the body holds one' : `the field ${card.field} holds one`;
    return refuse(
      'card_number_not_allowed',
      `Sending a raw card number is not allowed (${where}). Create a payment method on the client side and send its ID.`,
    );
  }
  if (problem !== undefined) return refuse('invalid_request', problem);
  return { ok: true, value: value === null && presence === 'optional' ? undefined : value };
}

/** `application/json`, whatever its parameters. */
const isJsonMediaType = (contentType: string | undefined): boolean =>
  contentType !== undefined && contentType.split(';', 1)[0]!.trim().toLowerCase() === 'application/json';

/** Whether arrays and objects nest deeper than `max` anywhere in `text` (strings skipped); one pass, no parse. */
function jsonDepthAbove(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

const refuse = (code: BodyRefusal['code'], detail: string): BodyReading => ({ ok: false, refusal: { code, detail } });
