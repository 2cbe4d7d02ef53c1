// Tables the guides take from the code that defines their facts, so that they cannot drift apart.
// A guide asks for one with `<!-- table:<name> -->`.
import { TEST_CARDS, type Outcome, type TestCard } from '../../contract-core/test-cards.ts';

const OUTCOMES: Record<Outcome, string> = {
  succeeds: 'the payment succeeds',
  card_declined: '`402 card_declined`',
  processing_error: '`402 processing_error`',
  payment_failed: '`402 payment_failed`',
  three_d_secure_required: 'the payment needs 3-D Secure (`requires_action`)',
  three_d_secure_failed: '3-D Secure fails: `402 three_d_secure_failed`',
};

const outcomeOf = (card: TestCard): string => {
  if (card.captureRefusal) return `authorized; the capture answers \`402 ${card.captureRefusal}\``;
  if (card.refundRefusal) return `the payment succeeds; a refund answers \`402 ${card.refundRefusal}\``;
  if (card.authorizationDays === 0) return 'authorized; an uncaptured authorization lapses at once: the capture answers `400 payment_flow_expired`';
  if (card.extendedAuthorization === false) return 'the payment succeeds; `must_extend` answers `400 extended_authorization_not_available`';
  return OUTCOMES[card.outcome];
};

export const GUIDE_TABLES: Record<string, () => string> = {
  'test-cards': () =>
    [
      '| token | brand | last 4 digits | outcome |',
      '|---|---|---|---|',
      ...TEST_CARDS.map((card) => `| \`${card.token}\` | ${card.brand} | ${card.last4} | ${outcomeOf(card)} |`),
    ].join('\n'),
};
