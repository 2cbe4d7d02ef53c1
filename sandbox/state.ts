// Everything the sandbox remembers, in memory, plus the side effects shared by several resources
// (events for state changes, transactions for money movements).
import { Collection, newId, timestamp } from './store.ts';
import type {
  Balance,
  CheckoutSession,
  Customer,
  LineItem,
  PaymentDispute,
  PaymentFlow,
  PaymentMethod,
  PaymentMethodConfiguration,
  PaymentMethodType,
  PaymentRefund,
  PaymentTransaction,
  Price,
  Product,
  SandboxEvent,
  SetupFlow,
  Statement,
  TaxRate,
  Term,
} from './model.ts';
import type { TestCard } from '../contract-core/test-cards.ts';
import type { WebhookDispatcher } from './webhooks/dispatcher.ts';

/** Processing fee of test payments, as recorded on transactions. */
const FEE_RATE = '3.00';

export class State {
  /** Scheme, host and port the sandbox answers on (for the URLs it hands out). */
  origin = 'http://127.0.0.1';
  readonly customers = new Collection<Customer>();
  readonly paymentMethods = new Collection<PaymentMethod>();
  readonly paymentMethodConfigurations = new Collection<PaymentMethodConfiguration>();
  readonly paymentFlows = new Collection<PaymentFlow>();
  readonly setupFlows = new Collection<SetupFlow>();
  readonly paymentRefunds = new Collection<PaymentRefund>();
  readonly paymentDisputes = new Collection<PaymentDispute>();
  readonly paymentTransactions = new Collection<PaymentTransaction>();
  readonly checkoutSessions = new Collection<CheckoutSession>();
  readonly products = new Collection<Product>();
  readonly prices = new Collection<Price>();
  readonly taxRates = new Collection<TaxRate>();
  readonly events = new Collection<SandboxEvent>();
  readonly balances = new Collection<Balance>();
  readonly statements = new Collection<Statement>();
  readonly terms = new Collection<Term>();

  /** What is not in the public objects. */
  readonly cardOf = new Map<string, TestCard>(); // payment method ID → its test card
  readonly paymentMethodByCardId = new Map<string, string>(); // card ID (car_…) → payment method ID
  readonly refundedAmount = new Map<string, number>(); // payment flow ID → refunded so far
  readonly lineItemsOf = new Map<string, LineItem[]>(); // checkout session ID → its line items
  /** Webhook delivery and its faults, when configured (sandbox/webhooks/). */
  webhooks: WebhookDispatcher | undefined;

  /** Records an event with a snapshot of the object as it is now, and hands it to webhook delivery. */
  emit(type: string, resource: { id: string; object: string }): SandboxEvent {
    const now = timestamp();
    const event: SandboxEvent = {
      object: 'event',
      id: newId('evnt_'),
      livemode: false,
      type,
      pending_webhooks: 0,
      data: JSON.parse(JSON.stringify(resource)) as Record<string, unknown>,
      created_at: now,
      updated_at: now,
    };
    // A lost event (the lost-event fault) is never created: not recorded, not listed, not sent.
    return this.webhooks && !this.webhooks.created(event) ? event : this.events.add(event);
  }

  /** The open term (the newest one not closed); payments and refunds are booked into it. */
  currentTerm(): Term | undefined {
    return this.terms.values().findLast((term) => !term.closed);
  }

  /** Books a money movement: a payment (positive) or a refund (negative). */
  recordTransaction(type: PaymentTransaction['type'], resourceId: string, amount: number, methodType: PaymentMethodType): PaymentTransaction {
    const now = timestamp();
    const fee = Math.round((Math.abs(amount) * Number(FEE_RATE)) / 100) * Math.sign(amount);
    return this.paymentTransactions.add({
      object: 'payment_transaction',
      id: newId('ptx_'),
      livemode: false,
      resource_id: resourceId,
      amount,
      currency: 'jpy',
      fee_rate: FEE_RATE,
      fee,
      type,
      payment_method_type: methodType,
      term_id: this.currentTerm()?.id ?? '',
      created_at: now,
      updated_at: now,
    });
  }
}
