// Test payment methods: each token stands for a card whose outcome is fixed, so that every path of a
// payment can be reached on purpose. sandbox/README.md lists them too (checked by readme.test.ts).
import { createHash } from 'node:crypto';

export type Outcome = 'succeeds' | 'card_declined' | 'processing_error' | 'payment_failed' | 'three_d_secure_failed' | 'three_d_secure_required';

export interface TestCard {
  token: string;
  /** The test card's number, which only the browser sends, with a publishable key (sandbox/README.md). */
  number: string;
  brand: string;
  last4: string;
  outcome: Outcome;
  /** Authorized, then refused by the provider when captured. */
  captureRefusal?: 'card_declined' | 'processing_error' | 'payment_failed';
  /** Paid, then every refund of the payment is refused by the provider. */
  refundRefusal?: 'payment_failed';
  /** Days an uncaptured authorization lasts, if not the usual 7 (30 extended): 0 lapses at once. */
  authorizationDays?: number;
  /** Whether the card's authorization can be extended (`request_extended_authorization`); by default it can. */
  extendedAuthorization?: false;
}

export const TEST_CARDS: readonly TestCard[] = [
  { token: 'tok_visa', number: '4242424242424242', brand: 'Visa', last4: '4242', outcome: 'succeeds' },
  { token: 'tok_mastercard', number: '5555555555554444', brand: 'MasterCard', last4: '4444', outcome: 'succeeds' },
  { token: 'tok_jcb', number: '3530111333300000', brand: 'JCB', last4: '0000', outcome: 'succeeds' },
  { token: 'tok_amex', number: '371449635398431', brand: 'American Express', last4: '8431', outcome: 'succeeds' },
  { token: 'tok_card_declined', number: '4000000000000002', brand: 'Visa', last4: '0002', outcome: 'card_declined' },
  { token: 'tok_processing_error', number: '4000000000000119', brand: 'Visa', last4: '0119', outcome: 'processing_error' },
  { token: 'tok_three_d_secure_required', number: '4000000000003220', brand: 'Visa', last4: '3220', outcome: 'three_d_secure_required' },
  { token: 'tok_three_d_secure_failed', number: '4000000000003063', brand: 'Visa', last4: '3063', outcome: 'three_d_secure_failed' },
  // Authorized, then the provider refuses the capture (at confirmation with automatic capture).
  { token: 'tok_capture_declined', number: '4000000000000036', brand: 'Visa', last4: '0036', outcome: 'succeeds', captureRefusal: 'card_declined' },
  { token: 'tok_capture_processing_error', number: '4000000000000044', brand: 'Visa', last4: '0044', outcome: 'succeeds', captureRefusal: 'processing_error' },
  // The outcomes of PAY.JP's SDK releases after 1.0.5 (payment_failed, payment_flow_expired,
  // extended_authorization_not_available), reachable on purpose; which card meets them is our choice.
  { token: 'tok_payment_failed', number: '4000000000000051', brand: 'Visa', last4: '0051', outcome: 'payment_failed' },
  { token: 'tok_capture_payment_failed', number: '4000000000000069', brand: 'Visa', last4: '0069', outcome: 'succeeds', captureRefusal: 'payment_failed' },
  { token: 'tok_refund_failed', number: '4000000000000077', brand: 'Visa', last4: '0077', outcome: 'succeeds', refundRefusal: 'payment_failed' },
  { token: 'tok_authorization_expired', number: '4000000000000085', brand: 'Visa', last4: '0085', outcome: 'succeeds', authorizationDays: 0 },
  {
    token: 'tok_no_extended_authorization',
    number: '4000000000000093',
    brand: 'Visa',
    last4: '0093',
    outcome: 'succeeds',
    extendedAuthorization: false,
  },
];

const BY_TOKEN = new Map(TEST_CARDS.flatMap((card) => [[card.token, card] as const, [card.number, card] as const]));
/** The test card of a token or of a test card's number. */
export const testCard = (tokenOrNumber: string): TestCard | undefined => BY_TOKEN.get(tokenOrNumber);

/** Years a test card made by this project's tools stays valid, from the clock of whoever makes it. */
const VALID_FOR_YEARS = 5;

/**
 * The expiry of a test card made at `now` (ms): December, years ahead, whenever now is: a fixed year would
 * expire the card. The caller passes its clock (the sandbox its test clock, everything else Date.now()), so
 * that this module reads none.
 */
export const testCardExpiry = (now: number) => ({ exp_month: 12, exp_year: new Date(now).getUTCFullYear() + VALID_FOR_YEARS });

/** A test card's details as a request's `card` sends them: a token (or, from the browser, a test card's number). */
export const testCardDetails = (number: string, now: number) => ({ number, ...testCardExpiry(now), cvc: '123' });

/** The same test card always has the same fingerprint, as the same real card would. */
export const fingerprintOf = (card: TestCard): string => createHash('sha256').update(`${card.brand}:${card.last4}`).digest('hex').slice(0, 32);
