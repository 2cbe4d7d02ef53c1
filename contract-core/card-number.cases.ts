// The one table of card-number cases (the rule: card-number.ts). Each body is a createCustomer request as
// sent; it is run against findCardNumberInBody (card-number.test.ts), the mock and the sandbox (both must
// answer a refused body `400 card_number_not_allowed` and must answer any other body alike) and the contract
// runner, which must refuse to send a refused body and send the others (tests/parity/card-number.test.ts).

export interface CardNumberCase {
  /** A createCustomer body, as sent. */
  body: string;
  /** Refused: `400 card_number_not_allowed` from both servers, and never sent by the runner. */
  refused: boolean;
  /** The field a refusal names, when a decoded string or key holds the number (a number value: none). */
  field?: string;
  reason: string;
}

export const CARD_NUMBER_CASES: readonly CardNumberCase[] = [
  // Refused.
  { body: '{"description":"4242424242424242"}', refused: true, field: 'description', reason: 'a Visa number in one run, passing Luhn' },
  { body: '{"description":"30569309025904"}', refused: true, field: 'description', reason: '14 digits (Diners Club): the shortest length refused' },
  {
    body: '{"description":"6221260000000000001"}',
    refused: true,
    field: 'description',
    reason: '19 digits (Discover, UnionPay co-branded): the longest length refused',
  },
  { body: '{"description":"3782 822463 10005"}', refused: true, field: 'description', reason: '15 digits grouped 4-6-5 as on an American Express card' },
  { body: '{"description":"3056 930902 5904"}', refused: true, field: 'description', reason: '14 digits grouped 4-6-4 as on a Diners Club card' },
  { body: '{"metadata":{"note":"4242-4242-4242-4242"}}', refused: true, field: 'metadata.note', reason: 'hyphens between the groups' },
  { body: '{"metadata":{"note":"4242 - 4242 - 4242 - 4242"}}', refused: true, field: 'metadata.note', reason: 'several separators in a row' },
  { body: '{"description":"card 4242 4242 4242 4242 thanks"}', refused: true, field: 'description', reason: 'embedded in text' },
  {
    body: '{"description":"4242 4242 4242 4242 12 30 123"}',
    refused: true,
    field: 'description',
    reason: 'followed by the expiry and the security code: the card is the groups of its layout',
  },
  { body: '{"description":"no. 1 4242 4242 4242 4242"}', refused: true, field: 'description', reason: 'after a group that is not part of it' },
  { body: '{"description":"order-5555555555554444"}', refused: true, field: 'description', reason: 'after a dash, which does not join it to the word before' },
  { body: '{"description":"カード番号4242424242424242です"}', refused: true, field: 'description', reason: 'inside Japanese text, which has no spaces' },
  {
    body: '{"description":"４２４２　４２４２　４２４２　４２４２"}',
    refused: true,
    field: 'description',
    reason: 'full-width digits and ideographic spaces (Japanese input)',
  },
  { body: '{"description":"\\u0034242424242424242"}', refused: true, field: 'description', reason: 'a digit written as a JSON escape' },
  { body: '{"metadata":{"4242424242424242":"x"}}', refused: true, field: 'metadata.************4242', reason: 'an object key (named masked)' },
  { body: '{"metadata":{"n":4242424242424242}}', refused: true, reason: 'a JSON number' },
  {
    body: '{"metadata":{"n":4000000000000000006}}',
    refused: true,
    reason: 'a JSON number above 2^53: the digits as written are a Visa number, the parsed double is not',
  },
  { body: '{"metadata":{"n":-4242424242424242}}', refused: true, reason: 'a negative JSON number' },
  { body: '{"description":"4242424242424242","description":"x"}', refused: true, reason: 'under a duplicate key that JSON.parse drops' },
  { body: '"4242424242424242"', refused: true, reason: 'the whole body (a JSON string, not an object)' },
  // Not refused.
  { body: '{"description":"4242424242424241"}', refused: false, reason: '16 digits failing Luhn' },
  { body: '{"description":"4222222222222"}', refused: false, reason: '13 digits passing Luhn (a retired Visa length): what `Date.now()` prints' },
  { body: '{"description":"1733580000003"}', refused: false, reason: 'a millisecond timestamp passing Luhn' },
  { body: '{"metadata":{"order":"1733580000003-7"}}', refused: false, reason: 'a timestamp and a counter' },
  { body: '{"description":"1234567812345670"}', refused: false, reason: "16 digits passing Luhn with no brand's prefix" },
  { body: '{"description":"123456789015"}', refused: false, reason: '12 digits passing Luhn: shorter than any card of the brands PAY.JP takes' },
  { body: '{"metadata":{"phone":"+81 90-1234-5677"}}', refused: false, reason: 'a Japanese mobile number in international form (12 digits, passing Luhn)' },
  {
    body: '{"description":"42424242424242424242"}',
    refused: false,
    reason: '20 digits in one group (passing Luhn, and so does its 16-digit start): a card number is not part of a longer number',
  },
  { body: '{"description":"ref4242424242424242"}', refused: false, reason: 'right after letters: part of a longer token (a reference, a hex string)' },
  { body: '{"metadata":{"digest":"9f4242424242424242e1"}}', refused: false, reason: 'digits inside a hex digest' },
  { body: '{"metadata":{"score":0.4242424242424242}}', refused: false, reason: 'the fraction of a decimal number' },
  { body: '{"description":"4242 424242424242"}', refused: false, reason: 'groups no card is printed in (4-12)' },
  { body: '{"description":"4242.4242.4242.4242"}', refused: false, reason: 'dots do not separate groups' },
  { body: '{"description":"4242\\n4242\\n4242\\n4242"}', refused: false, reason: 'a line break ends a run' },
  { body: '{"metadata":{"amount":123456789012}}', refused: false, reason: 'a 12-digit JSON number' },
  { body: '{"metadata":{"at":"2030-12-31T23:59:59Z","order":"A-10293"}}', refused: false, reason: 'dates and order numbers' },
];
