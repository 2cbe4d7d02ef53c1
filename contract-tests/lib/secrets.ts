// A refusal made before anything is sent. What is refused: a key that is not certainly a test key (keys.ts),
// a raw card number (contract-core/card-number.ts).

/** A refusal made before anything is sent: a key that is not certainly a test key, a raw card number. */
export class RefusedError extends Error {
  override name = 'RefusedError';
}
