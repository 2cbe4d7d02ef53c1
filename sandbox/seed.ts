// What a fresh sandbox holds: the account's records that the API only reads (terms, statements,
// balances, disputes, a payment method configuration) and a customer with a saved card and a few
// payments to hang them on. Seeded IDs are fixed (…_seed_…) so that tests and docs can name them.
import type { Balance, PaymentFlow, PaymentMethod, Statement, Term } from './model.ts';
import { call } from './routes.ts';
import type { State } from './state.ts';
import { timestamp } from './store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The card saved with API v1 that the seeded customer holds: v1 cards are never listed, so tests name it. */
export const SEEDED_CARD_ID = 'car_seed_visa';

/** Start of the half-month (1st or 16th, UTC) `back` half-months before the one containing `now`. */
function halfMonthStart(now: Date, back: number): Date {
  const index = now.getUTCFullYear() * 24 + now.getUTCMonth() * 2 + (now.getUTCDate() >= 16 ? 1 : 0) - back;
  return new Date(Date.UTC(Math.floor(index / 24), Math.floor((index % 24) / 2), index % 2 === 0 ? 1 : 16));
}

export function seed(state: State, now = new Date()): void {
  const terms: Term[] = [2, 1, 0].map((back, i) => ({
    object: 'term',
    id: `tm_seed_${i + 1}`,
    livemode: false,
    start_at: timestamp(halfMonthStart(now, back)),
    end_at: timestamp(halfMonthStart(now, back - 1)),
    closed: back > 0,
  }));
  terms.forEach((term) => state.terms.add(term));

  const balances: Balance[] = [
    { id: 'ba_seed_1', state: 'transfer' as const, closed: true, term: terms[0]!, due: 10 },
    { id: 'ba_seed_2', state: 'collecting' as const, closed: false, term: terms[1]!, due: 25 },
  ].map(({ id, state: balanceState, closed, term, due }) => ({
    object: 'balance',
    id,
    livemode: false,
    state: balanceState,
    statements: [],
    closed,
    closed_date: closed ? term.end_at : null,
    due_date: timestamp(new Date(Date.parse(term.end_at!) + due * DAY_MS)),
    net: 0,
    bank_info: {
      bank_code: '0001',
      bank_branch_code: '001',
      bank_account_type: '普通',
      bank_account_number: '1234567',
      bank_account_holder_name: 'ｶ)ﾃｽﾄｼｮｳｶｲ',
      bank_account_status: closed ? 'success' : 'pending',
    },
    created_at: term.start_at,
    updated_at: term.end_at!,
  }));
  balances.forEach((balance, i) => {
    const term = terms[i]!;
    const gross = 125_000 + i * 48_300;
    const fee = -Math.round(gross * 0.03);
    const sales: Statement = {
      object: 'statement',
      id: `st_seed_sales_${i + 1}`,
      livemode: false,
      title: null,
      type: 'sales',
      term,
      balance_id: balance.id,
      items: [
        { subject: 'gross_sales', name: null, amount: gross, tax_rate: null },
        { subject: 'fee', name: null, amount: fee, tax_rate: '10.00' },
      ],
      net: gross + fee,
      created_at: term.end_at!,
      updated_at: term.end_at!,
    };
    balance.statements.push(sales);
    balance.net = sales.net;
    state.statements.add(sales);
    state.balances.add(balance);
  });
  const planFee: Statement = {
    object: 'statement',
    id: 'st_seed_service_fee',
    livemode: false,
    title: 'Pro plan',
    type: 'service_fee',
    term: null,
    balance_id: 'ba_seed_2',
    items: [{ subject: 'proplan', name: 'Pro plan', amount: -10_000, tax_rate: '10.00' }],
    net: -10_000,
    created_at: terms[2]!.start_at,
    updated_at: terms[2]!.start_at,
  };
  state.statements.add(planFee);
  const collecting = state.balances.get('ba_seed_2')!;
  collecting.statements.push(planFee);
  collecting.net += planFee.net;

  state.paymentMethodConfigurations.add({
    object: 'payment_method_configuration',
    id: 'pmc_seed_default',
    livemode: false,
    active: true,
    name: 'Default',
    card: { available: true, display_preference: { preference: 'on', value: 'on' } },
    paypay: { available: true, display_preference: { preference: 'none', value: 'on' } },
  });

  // A customer with a card saved in API v1 (SEEDED_CARD_ID), and three payments of theirs.
  call(state, 'createCustomer', { id: 'cus_seed_yamada', email: 'taro.yamada@example.jp', description: '山田 太郎' });
  const card = call<PaymentMethod>(state, 'createPaymentMethod', {
    type: 'card',
    customer_id: 'cus_seed_yamada',
    card: { number: 'tok_visa', exp_month: 12, exp_year: now.getUTCFullYear() + 4, cvc: '123' },
    billing_details: { name: 'TARO YAMADA', email: 'taro.yamada@example.jp' },
  });
  state.paymentMethodByCardId.set(SEEDED_CARD_ID, card.id);
  call(state, 'updateCustomer', { default_payment_method_id: card.id }, { customer_id: 'cus_seed_yamada' });
  const flows = [3_980, 12_800, 5_500].map((amount) =>
    call<PaymentFlow>(state, 'createPaymentFlow', {
      amount,
      currency: 'jpy',
      customer_id: 'cus_seed_yamada',
      payment_method_id: card.id,
      confirm: true,
    }),
  );
  flows.slice(0, 2).forEach((flow, i) => {
    const created = timestamp();
    state.paymentDisputes.add({
      object: 'payment_dispute',
      id: `dp_seed_${i + 1}`,
      livemode: false,
      payment_flow_id: flow.id,
      amount: flow.amount,
      currency: 'jpy',
      status: i === 0 ? 'needs_response' : 'lost',
      reason: i === 0 ? 'product_not_received' : 'fraudulent',
      due_by: i === 0 ? timestamp(new Date(now.getTime() + 14 * DAY_MS)) : null,
      payment_method_type: 'card',
      metadata: {},
      created_at: created,
      updated_at: created,
    });
    if (i === 1) state.recordTransaction('chargeback', `dp_seed_${i + 1}`, -flow.amount, 'card');
  });
}
