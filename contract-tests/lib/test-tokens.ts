// The test payment methods the recipes pay with, from the environment, with the sandbox's tokens as defaults
// (sandbox/README.md, "Test payment methods"), so that QA can point the suite at staging with staging's.
// A token fixes the outcome; it is never a card number (the client refuses those).
import { testCardDetails } from '../../contract-core/test-cards.ts';

export const TEST_TOKEN_SETTINGS = {
  success: { env: 'CONTRACT_TEST_CARD_TOKEN', sandbox: 'tok_visa', outcome: 'a card that pays' },
  declined: { env: 'CONTRACT_TEST_CARD_TOKEN_DECLINED', sandbox: 'tok_card_declined', outcome: 'confirm: 402 card_declined' },
  processingError: { env: 'CONTRACT_TEST_CARD_TOKEN_PROCESSING_ERROR', sandbox: 'tok_processing_error', outcome: 'confirm: 402 processing_error' },
  threeDSecureFailed: {
    env: 'CONTRACT_TEST_CARD_TOKEN_THREE_D_SECURE_FAILED',
    sandbox: 'tok_three_d_secure_failed',
    outcome: 'confirm: 402 three_d_secure_failed',
  },
  captureDeclined: { env: 'CONTRACT_TEST_CARD_TOKEN_CAPTURE_DECLINED', sandbox: 'tok_capture_declined', outcome: 'authorized; capture: 402 card_declined' },
  captureProcessingError: {
    env: 'CONTRACT_TEST_CARD_TOKEN_CAPTURE_PROCESSING_ERROR',
    sandbox: 'tok_capture_processing_error',
    outcome: 'authorized; capture: 402 processing_error',
  },
  paymentFailed: { env: 'CONTRACT_TEST_CARD_TOKEN_PAYMENT_FAILED', sandbox: 'tok_payment_failed', outcome: 'confirm: 402 payment_failed' },
  capturePaymentFailed: {
    env: 'CONTRACT_TEST_CARD_TOKEN_CAPTURE_PAYMENT_FAILED',
    sandbox: 'tok_capture_payment_failed',
    outcome: 'authorized; capture: 402 payment_failed',
  },
  refundFailed: { env: 'CONTRACT_TEST_CARD_TOKEN_REFUND_FAILED', sandbox: 'tok_refund_failed', outcome: 'paid; refund: 402 payment_failed' },
  authorizationExpired: {
    env: 'CONTRACT_TEST_CARD_TOKEN_AUTHORIZATION_EXPIRED',
    sandbox: 'tok_authorization_expired',
    outcome: 'authorized, the authorization lapsed; capture: 400 payment_flow_expired',
  },
  noExtendedAuthorization: {
    env: 'CONTRACT_TEST_CARD_TOKEN_NO_EXTENDED_AUTHORIZATION',
    sandbox: 'tok_no_extended_authorization',
    outcome: 'must_extend: 400 extended_authorization_not_available',
  },
  applePayDomainNotRegistered: {
    env: 'CONTRACT_TEST_APPLE_PAY_TOKEN_DOMAIN_NOT_REGISTERED',
    sandbox: 'tok_apple_pay_domain_not_registered',
    outcome: 'Apple Pay create: 400 apple_pay_domain_not_registered',
  },
  applePayMerchantValidationFailed: {
    env: 'CONTRACT_TEST_APPLE_PAY_TOKEN_MERCHANT_VALIDATION_FAILED',
    sandbox: 'tok_apple_pay_merchant_validation_failed',
    outcome: 'Apple Pay create: 400 apple_pay_merchant_validation_failed',
  },
  applePayInvalidToken: {
    env: 'CONTRACT_TEST_APPLE_PAY_TOKEN_INVALID',
    sandbox: 'tok_apple_pay_invalid_token',
    outcome: 'Apple Pay create: 400 invalid_apple_pay_token',
  },
  applePayUnacceptableBrand: {
    env: 'CONTRACT_TEST_APPLE_PAY_TOKEN_UNACCEPTABLE_BRAND',
    sandbox: 'tok_apple_pay_unacceptable_brand',
    outcome: 'Apple Pay create: 400 unacceptable_brand_on_apple_pay',
  },
} as const;

export type TestTokens = Record<keyof typeof TEST_TOKEN_SETTINGS, string>;

export function readTestTokens(env: NodeJS.ProcessEnv = process.env): TestTokens {
  const entries = Object.entries(TEST_TOKEN_SETTINGS).map(([name, setting]) => [name, env[setting.env] || setting.sandbox]);
  return Object.fromEntries(entries) as TestTokens;
}

/** The body that makes a card payment method of a test token (the token travels in `card.number`). */
export const testCardBody = (token: string, customerId?: string) => ({
  type: 'card',
  billing_details: { name: 'Contract Test', email: 'contract@example.jp' },
  card: testCardDetails(token, Date.now()),
  ...(customerId ? { customer_id: customerId } : {}),
});
