// The test card's details, the one body every part makes a card payment method with: its expiry follows the
// clock it is given, so that a card made at any time is valid for years from then.
import { describe, expect, test } from 'vitest';
import { testCardDetails, testCardExpiry } from './test-cards.ts';

describe('testCardDetails', () => {
  test('the token as the number, an expiry in December five years after the clock given, cvc 123', () => {
    expect(testCardDetails('tok_visa', Date.UTC(2031, 6, 15))).toEqual({ number: 'tok_visa', exp_month: 12, exp_year: 2036, cvc: '123' });
  });

  test('the expiry moves with the clock: five years ahead (the clock pass) gives a card five years later', () => {
    const now = Date.UTC(2041, 5, 1);
    const later = now + 1826 * 86_400_000;
    expect(testCardExpiry(later).exp_year - testCardExpiry(now).exp_year).toBe(5);
    expect(testCardExpiry(Date.UTC(2040, 11, 31, 23, 59, 59)).exp_year).toBe(2045);
  });
});
