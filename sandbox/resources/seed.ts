// What a fresh sandbox holds: the account's records that the API only reads (terms, statements,
// balances, disputes, a payment method configuration), and every object the spec's examples name, each in
// the state its example needs (contract-core/example-objects.ts lists them; the lint holds the spec's
// examples to that list), so that an example request sent to a fresh sandbox gets the answer it is named
// after. Seeded IDs are fixed so that tests, docs and the spec can name them.
import { EXAMPLE_OBJECTS as X } from '../../contract-core/example-objects.ts';
import { completeCheckout, completeSetup } from './hosted-pages.ts';
import type { Balance, CheckoutSession, PaymentFlow, PaymentMethod, SetupFlow, Statement, Term } from '../state/model.ts';
import { call } from './routes.ts';
import type { State } from '../state/state.ts';
import { isoSecond } from '../state/ids.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Start of the half-month (1st or 16th, UTC) `back` half-months before the one containing `now`. */
function halfMonthStart(now: Date, back: number): Date {
  const index = now.getUTCFullYear() * 24 + now.getUTCMonth() * 2 + (now.getUTCDate() >= 16 ? 1 : 0) - back;
  return new Date(Date.UTC(Math.floor(index / 24), Math.floor((index % 24) / 2), index % 2 === 0 ? 1 : 16));
}

export function seed(state: State, now = new Date(state.ids.now())): void {
  const terms: Term[] = [X.firstTerm, X.secondTerm, X.openTerm].map((id, i) => ({
    object: 'term',
    id,
    livemode: false,
    start_at: isoSecond(halfMonthStart(now, 2 - i)),
    end_at: isoSecond(halfMonthStart(now, 1 - i)),
    closed: i < 2,
  }));
  terms.forEach((term) => state.terms.add(term));

  const balances: Balance[] = [
    { id: X.closedBalance, state: 'transfer' as const, closed: true, term: terms[0]!, due: 10 },
    { id: X.balance, state: 'collecting' as const, closed: false, term: terms[1]!, due: 25 },
  ].map(({ id, state: balanceState, closed, term, due }) => ({
    object: 'balance',
    id,
    livemode: false,
    state: balanceState,
    statements: [],
    closed,
    closed_date: closed ? term.end_at : null,
    due_date: isoSecond(new Date(Date.parse(term.end_at!) + due * DAY_MS)),
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
      id: [X.firstStatement, X.statement][i]!,
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
    id: 'st_8Hp3Rv6Kc1',
    livemode: false,
    title: 'Pro plan',
    type: 'service_fee',
    term: null,
    balance_id: X.balance,
    items: [{ subject: 'proplan', name: 'Pro plan', amount: -10_000, tax_rate: '10.00' }],
    net: -10_000,
    created_at: terms[2]!.start_at,
    updated_at: terms[2]!.start_at,
  };
  state.statements.add(planFee);
  const collecting = state.balances.get(X.balance)!;
  collecting.statements.push(planFee);
  collecting.net += planFee.net;

  state.paymentMethodConfigurations.add({
    object: 'payment_method_configuration',
    id: X.paymentMethodConfiguration,
    livemode: false,
    active: true,
    name: 'Default',
    card: { available: true, display_preference: { preference: 'on', value: 'on' } },
    paypay: { available: true, display_preference: { preference: 'none', value: 'on' } },
    apple_pay: { available: true, display_preference: { preference: 'none', value: 'on' } },
  });

  seedExampleObjects(state, now);
}

/** The objects of the spec's examples (contract-core/example-objects.ts), each in the state its example needs. */
function seedExampleObjects(state: State, now: Date): void {
  const customer = (id: string, email: string, description: string, metadata: Record<string, string> = {}) =>
    call(state, 'createCustomer', { id, email, description, metadata });
  customer(X.customer, 'taro.yamada@example.jp', '山田 太郎 (会員番号 10293)', { member_id: '10293' });
  customer(X.secondCustomer, 'hanako.suzuki@example.jp', '鈴木 花子');
  customer(X.customerToDelete, 'jiro.sato@example.jp', '佐藤 次郎 (退会)');

  const expiry = { exp_month: 12, exp_year: now.getUTCFullYear() + 4, cvc: '123' };
  const card = (id: string | undefined, token: string, customerId: string | undefined, name: string, email: string) =>
    state.ids.withIds(id ? [id] : [], () =>
      call<PaymentMethod>(state, 'createPaymentMethod', {
        type: 'card',
        card: { number: token, ...expiry },
        billing_details: { name, email },
        ...(customerId ? { customer_id: customerId } : {}),
      }),
    );
  card(X.card, 'tok_visa', X.customer, 'TARO YAMADA', 'taro.yamada@example.jp');
  state.paymentMethodByCardId.set(X.v1Card, X.card);
  call(state, 'updateCustomer', { default_payment_method_id: X.card }, { customer_id: X.customer });
  card(X.secondCard, 'tok_mastercard', X.secondCustomer, 'HANAKO SUZUKI', 'hanako.suzuki@example.jp');
  card(X.expiringCard, 'tok_authorization_expired', X.secondCustomer, 'HANAKO SUZUKI', 'hanako.suzuki@example.jp');
  state.ids.withIds([X.applePay], () => call(state, 'createPaymentMethod', { type: 'apple_pay', token: 'tok_visa', customer_id: X.secondCustomer }));
  state.ids.withIds([X.paypay], () =>
    call(state, 'createPaymentMethod', { type: 'paypay', billing_details: { name: '鈴木 花子', email: 'hanako.suzuki@example.jp' } }),
  );
  card(X.unattachedCard, 'tok_visa', undefined, 'TARO YAMADA', 'taro.yamada@example.jp');
  card(X.cardToDetach, 'tok_jcb', X.customer, 'TARO YAMADA', 'taro.yamada@example.jp');

  const flow = (id: string | undefined, body: Record<string, unknown>) =>
    state.ids.withIds(id ? [id] : [], () => call<PaymentFlow>(state, 'createPaymentFlow', { currency: 'jpy', customer_id: X.customer, ...body }));
  const byCard = { payment_method_id: X.card };
  const confirm = (id: string) => call<PaymentFlow>(state, 'confirmPaymentFlow', {}, { payment_flow_id: id });

  // Paid: one disputed (needs a response), one whose dispute was lost (with its chargeback).
  [flow(X.disputedFlow, { amount: 9_800, ...byCard, confirm: true }), flow(undefined, { amount: 12_800, ...byCard, confirm: true })].forEach((paid, i) => {
    const created = state.ids.timestamp();
    const id = [X.dispute, X.lostDispute][i]!;
    state.paymentDisputes.add({
      object: 'payment_dispute',
      id,
      livemode: false,
      payment_flow_id: paid.id,
      amount: paid.amount,
      currency: 'jpy',
      status: i === 0 ? 'needs_response' : 'lost',
      reason: i === 0 ? 'product_not_received' : 'fraudulent',
      due_by: i === 0 ? isoSecond(new Date(now.getTime() + 14 * DAY_MS)) : null,
      payment_method_type: 'card',
      metadata: {},
      created_at: created,
      updated_at: created,
    });
    if (i === 1) state.recordTransaction('chargeback', id, -paid.amount, 'card');
  });
  // Paid and partly refunded: its payment transaction and payment_flow.succeeded event are the examples'.
  flow(X.paymentFlow, { amount: 5_000, ...byCard, description: '注文 A-10293', metadata: { order_id: 'A-10293' } });
  state.ids.withIds([X.transaction, X.event], () => confirm(X.paymentFlow));
  state.ids.withIds([X.refund], () =>
    call(state, 'createPaymentRefund', { payment_flow_id: X.paymentFlow, amount: 1_500, reason: 'requested_by_customer', metadata: { ticket: 'CS-2274' } }),
  );
  flow(X.refundedFlow, { amount: 3_000, ...byCard, confirm: true });
  call(state, 'createPaymentRefund', { payment_flow_id: X.refundedFlow });
  // Waiting for the operation of its example.
  flow(X.flowToUpdate, { amount: 5_000, ...byCard });
  flow(X.flowToCancel, { amount: 3_300, customer_id: X.secondCustomer, payment_method_id: X.secondCard, capture_method: 'manual', confirm: true });
  flow(X.flowToCapture, { amount: 10_000, ...byCard, capture_method: 'manual', confirm: true });
  flow(X.flowToConfirm, { amount: 5_000 });
  flow(X.flowToConfirmWith3ds, { amount: 24_200, customer_id: X.secondCustomer, payment_method_id: X.secondCard });
  flow(X.flowToConfirmForCapture, { amount: 10_000, ...byCard });
  // Authorized with a card whose authorization lapses at once: expired_at is set when it is first read.
  flow(X.expiredFlow, { amount: 4_000, customer_id: X.secondCustomer, payment_method_id: X.expiringCard, capture_method: 'manual', confirm: true });

  const setupFlow = (id: string, customerId: string) =>
    state.ids.withIds([id], () => call<SetupFlow>(state, 'createSetupFlow', { customer_id: customerId, usage: 'off_session' }));
  const saved = setupFlow(X.setupFlow, X.customer);
  completeSetup(state, saved, card(undefined, 'tok_visa', undefined, 'TARO YAMADA', 'taro.yamada@example.jp'));
  setupFlow(X.pendingSetupFlow, X.customer);
  setupFlow(X.setupFlowToCancel, X.secondCustomer);
  call(state, 'cancelSetupFlow', {}, { setup_flow_id: setupFlow(X.canceledSetupFlow, X.secondCustomer).id });

  state.ids.withIds([X.taxRate], () =>
    call(state, 'createTaxRate', { display_name: '消費税 (軽減税率)', inclusive: true, percentage: 8, country: 'JP', description: '食品 (軽減税率対象)' }),
  );
  call(state, 'createProduct', { id: X.product, name: 'コーヒー豆 エチオピア 200g', unit_label: '袋' });
  call(state, 'createPrice', {
    id: X.price,
    product_id: X.product,
    unit_amount: 1_620,
    currency: 'jpy',
    nickname: '通常価格 (税込)',
    lookup_key: 'coffee-ethiopia-200g',
  });
  call(state, 'updateProduct', { default_price_id: X.price }, { product_id: X.product });
  call(state, 'createProduct', { id: X.productToDelete, name: 'コーヒー豆 グアテマラ 200g', unit_label: '袋' });

  const session = (id: string) =>
    state.ids.withIds([id], () =>
      call<CheckoutSession>(state, 'createCheckoutSession', {
        mode: 'payment',
        customer_id: X.customer,
        line_items: [{ price_id: X.price, quantity: 2, tax_rates: [X.taxRate] }],
        success_url: 'https://shop.example.jp/checkout/complete',
        cancel_url: 'https://shop.example.jp/cart',
      }),
    );
  session(X.checkoutSession);
  completeCheckout(state, session(X.completeCheckoutSession), 'tok_visa');
}
