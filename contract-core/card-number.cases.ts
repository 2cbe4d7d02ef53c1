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
  { body: '{"description":"4242424242424242"}', refused: true, field: 'description', reason: '16 digits passing Luhn' },
  { body: '{"description":"4222222222222"}', refused: true, field: 'description', reason: '13 digits (early Visa): the shortest length refused' },
  { body: '{"description":"6221260000000000001"}', refused: true, field: 'description', reason: '19 digits: the longest length refused' },
  { body: '{"description":"3782 822463 10005"}', refused: true, field: 'description', reason: '15 digits grouped as on an American Express card' },
  { body: '{"metadata":{"note":"4242-4242-4242-4242"}}', refused: true, field: 'metadata.note', reason: 'hyphens between the groups' },
  { body: '{"metadata":{"note":"4242 - 4242 - 4242 - 4242"}}', refused: true, field: 'metadata.note', reason: 'several separators in a row' },
  { body: '{"description":"card 4242 4242 4242 4242 thanks"}', refused: true, field: 'description', reason: 'embedded in text' },
  {
    body: '{"description":"4242 4242 4242 4242 12 30 123"}',
    refused: true,
    field: 'description',
    reason: 'followed by the expiry and the security code: the card is a sequence of whole groups',
  },
  { body: '{"description":"no. 1 4242 4242 4242 4242"}', refused: true, field: 'description', reason: 'after a group that is not part of it' },
  { body: '{"description":"ref4242424242424242"}', refused: true, field: 'description', reason: 'right after letters' },
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
    body: '{"metadata":{"n":1000000000000000009}}',
    refused: true,
    reason: 'a JSON number above 2^53: the digits as written pass Luhn, the parsed double does not',
  },
  { body: '{"metadata":{"n":-4242424242424242}}', refused: true, reason: 'a negative JSON number' },
  { body: '{"description":"4242424242424242","description":"x"}', refused: true, reason: 'under a duplicate key that JSON.parse drops' },
  { body: '"4242424242424242"', refused: true, reason: 'the whole body (a JSON string, not an object)' },
  // Not refused.
  { body: '{"description":"4242424242424241"}', refused: false, reason: '16 digits failing Luhn' },
  { body: '{"description":"123456789015"}', refused: false, reason: '12 digits passing Luhn: shorter than any card of the brands PAY.JP takes' },
  { body: '{"metadata":{"phone":"+81 90-1234-5677"}}', refused: false, reason: 'a Japanese mobile number in international form (12 digits, passing Luhn)' },
  {
    body: '{"description":"42424242424242424242"}',
    refused: false,
    reason: '20 digits in one group (passing Luhn, and so does its 16-digit start): a card number is not part of a longer number',
  },
  { body: '{"description":"4242.4242.4242.4242"}', refused: false, reason: 'dots do not separate groups' },
  { body: '{"description":"4242\\n4242\\n4242\\n4242"}', refused: false, reason: 'a line break ends a run' },
  { body: '{"metadata":{"amount":123456789012}}', refused: false, reason: 'a 12-digit JSON number' },
  { body: '{"metadata":{"at":"2030-12-31T23:59:59Z","order":"A-10293"}}', refused: false, reason: 'dates and order numbers' },
];
