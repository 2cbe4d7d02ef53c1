// Everything the sandbox remembers, in its store (storage/): the tables of the objects and the columns their
// lists filter on, what one tenant sees (State), and the side effects shared by several resources (events
// for state changes, transactions for money movements).
import { Collection, FixedCollection } from './collection.ts';
import type { Database } from '../storage/database.ts';
import type { TableSpec } from '../storage/table.ts';
import { KeyValue } from './key-value.ts';
import { type IdMaker, Ids } from './ids.ts';
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
import { testCard, type TestCard } from '../../contract-core/test-cards.ts';
import type { SandboxClock } from './clock.ts';
import type { WebhookDispatcher } from '../webhooks/dispatcher.ts';

/** Processing fee of test payments, as recorded on transactions. */
const FEE_RATE = '3.00';

const table = <T>(name: string, columns: TableSpec<T>['columns'] = {}, indexes: TableSpec<T>['indexes'] = []): TableSpec<T> => ({ name, columns, indexes });

/**
 * Every table, with the filters of its lists as indexes, in order of preference (storage/table.ts): each
 * combination of filters has an index of its own, but for events, where a filter with `resource_id` reads
 * that resource's events only, whatever else it filters by. The lists of the fixed ones (only seeded: the API
 * cannot add to them) filter their few objects in memory.
 */
export const TABLES = {
  customers: table<Customer>('customers'),
  paymentMethods: table<PaymentMethod>('payment_methods', { customer_id: (m) => m.customer_id }, [['customer_id']]),
  paymentMethodConfigurations: table<PaymentMethodConfiguration>('payment_method_configurations'),
  paymentFlows: table<PaymentFlow>('payment_flows', { customer_id: (f) => f.customer_id }, [['customer_id']]),
  setupFlows: table<SetupFlow>('setup_flows'),
  paymentRefunds: table<PaymentRefund>('payment_refunds', { payment_flow_id: (r) => r.payment_flow_id }, [['payment_flow_id']]),
  paymentDisputes: table<PaymentDispute>('payment_disputes'),
  paymentTransactions: table<PaymentTransaction>(
    'payment_transactions',
    { term_id: (t) => t.term_id, type: (t) => t.type, payment_method_type: (t) => t.payment_method_type },
    [
      ['term_id', 'type', 'payment_method_type'],
      ['term_id', 'type'],
      ['term_id', 'payment_method_type'],
      ['type', 'payment_method_type'],
      ['term_id'],
      ['type'],
      ['payment_method_type'],
    ],
  ),
  checkoutSessions: table<CheckoutSession>('checkout_sessions'),
  products: table<Product>('products'),
  prices: table<Price>('prices', { product_id: (p) => p.product_id, lookup_key: (p) => p.lookup_key }, [['product_id'], ['lookup_key']]),
  taxRates: table<TaxRate>('tax_rates', { active: (r) => String(r.active), inclusive: (r) => String(r.inclusive) }, [
    ['active', 'inclusive'],
    ['active'],
    ['inclusive'],
  ]),
  events: table<SandboxEvent>(
    'events',
    {
      resource_id: (e) => (typeof e.data['id'] === 'string' ? e.data['id'] : null),
      object: (e) => (typeof e.data['object'] === 'string' ? e.data['object'] : null),
      type: (e) => e.type,
    },
    [['resource_id'], ['object', 'type'], ['object'], ['type']],
  ),
  balances: table<Balance>('balances'),
  statements: table<Statement>('statements'),
  terms: table<Term>('terms'),
} as const;

/** What the tenants of a sandbox share: where it answers and its webhook delivery. */
export interface Shared {
  /** Scheme, host and port the sandbox answers on (for the URLs it hands out). */
  origin: string;
  /** Webhook delivery and its faults, when configured (sandbox/webhooks/). */
  webhooks: WebhookDispatcher | undefined;
}

/**
 * A deep copy of a JSON value: an event's copy of its object, which later changes to the object do not reach.
 * Strings are shared, not copied (they cannot change), and each object is copied whole (spread), in the
 * shape of the original: a JSON round trip would do neither, for every event.
 */
function snapshot(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(snapshot);
  const copy: Record<string, unknown> = { ...value };
  for (const key in copy) if (typeof copy[key] === 'object' && copy[key] !== null) copy[key] = snapshot(copy[key]);
  return copy;
}

/** A test card kept by its token: the number never reaches the store. */
const BY_TOKEN = { encode: (card: TestCard) => card.token, decode: testCard };

/** What one tenant sees: every key's (shared) or one key's (isolated), sandbox/README.md. */
export class State {
  readonly db: Database;
  readonly tenant: string;
  /** The tenant's time (clock.ts); its handlers read it through `ids.now()`. */
  readonly clock: SandboxClock;
  /** The tenant's IDs and times (ids.ts), on its clock. */
  readonly ids: Ids;
  readonly #shared: Shared;
  /** An isolated tenant's reference, which the URLs of its customer's pages carry (tenants.ts). */
  readonly #ref: string | undefined;
  /** While the seed is made: its events are recorded, not sent (they happened before any endpoint was told). */
  #seeding = false;
  readonly customers: Collection<Customer>;
  readonly paymentMethods: Collection<PaymentMethod, 'customer_id'>;
  readonly paymentMethodConfigurations: FixedCollection<PaymentMethodConfiguration>;
  readonly paymentFlows: Collection<PaymentFlow, 'customer_id'>;
  readonly setupFlows: Collection<SetupFlow>;
  readonly paymentRefunds: Collection<PaymentRefund, 'payment_flow_id'>;
  readonly paymentDisputes: FixedCollection<PaymentDispute>;
  readonly paymentTransactions: Collection<PaymentTransaction, 'term_id' | 'type' | 'payment_method_type'>;
  readonly checkoutSessions: Collection<CheckoutSession>;
  readonly products: Collection<Product>;
  readonly prices: Collection<Price, 'product_id' | 'lookup_key'>;
  readonly taxRates: Collection<TaxRate, 'active' | 'inclusive'>;
  readonly events: Collection<SandboxEvent, 'resource_id' | 'object' | 'type'>;
  readonly balances: FixedCollection<Balance>;
  readonly statements: FixedCollection<Statement>;
  readonly terms: FixedCollection<Term>;

  /** What is not in the public objects. */
  readonly cardOf: KeyValue<TestCard>; // payment method ID → its test card
  readonly paymentMethodByCardId: KeyValue<string>; // card ID (car_…) → payment method ID
  readonly refundedAmount: KeyValue<number>; // payment flow ID → refunded so far
  readonly lineItemsOf: KeyValue<LineItem[]>; // checkout session ID → its line items
  readonly authorizationEndsAt: KeyValue<string>; // payment flow ID → when its uncaptured authorization lapses

  constructor(db: Database, tenant: string, shared: Shared, clock: SandboxClock, maker: IdMaker, ref?: string) {
    this.db = db;
    this.clock = clock;
    this.ids = new Ids(maker, clock);
    this.tenant = tenant;
    this.#shared = shared;
    this.#ref = ref;
    const of = <T extends { id: string }, C extends string>(spec: TableSpec<T>) => new Collection<T, C>(db, spec, tenant);
    const fixed = <T extends { id: string }>(spec: TableSpec<T>) => new FixedCollection<T>(db, spec, tenant);
    this.customers = of(TABLES.customers);
    this.paymentMethods = of(TABLES.paymentMethods);
    this.paymentMethodConfigurations = fixed(TABLES.paymentMethodConfigurations);
    this.paymentFlows = of(TABLES.paymentFlows);
    this.setupFlows = of(TABLES.setupFlows);
    this.paymentRefunds = of(TABLES.paymentRefunds);
    this.paymentDisputes = fixed(TABLES.paymentDisputes);
    this.paymentTransactions = of(TABLES.paymentTransactions);
    this.checkoutSessions = of(TABLES.checkoutSessions);
    this.products = of(TABLES.products);
    this.prices = of(TABLES.prices);
    this.taxRates = of(TABLES.taxRates);
    this.events = of(TABLES.events);
    this.balances = fixed(TABLES.balances);
    this.statements = fixed(TABLES.statements);
    this.terms = fixed(TABLES.terms);
    this.cardOf = new KeyValue(db, tenant, 'card_of', BY_TOKEN);
    this.paymentMethodByCardId = new KeyValue(db, tenant, 'payment_method_by_card_id');
    this.refundedAmount = new KeyValue(db, tenant, 'refunded_amount');
    this.lineItemsOf = new KeyValue(db, tenant, 'line_items_of');
    this.authorizationEndsAt = new KeyValue(db, tenant, 'authorization_ends_at');
  }

  /**
   * What the URLs this tenant's objects hand out begin with (`<origin>/sandbox/checkout/…`): the sandbox's
   * origin, followed by `/tenants/<ref>` for an isolated tenant, so that its customer's pages know whose
   * objects they act on without a key.
   */
  get origin(): string {
    return this.#ref === undefined ? this.#shared.origin : `${this.#shared.origin}/tenants/${this.#ref}`;
  }

  get webhooks(): WebhookDispatcher | undefined {
    return this.#shared.webhooks;
  }

  /** Makes the seed, on the tenant's clock: its events are recorded and never handed to webhook delivery. */
  seedWith(seed: (state: State) => void): void {
    this.#seeding = true;
    try {
      seed(this);
    } finally {
      this.#seeding = false;
    }
  }

  /** Records an event with a snapshot of the object as it is now, and hands it to webhook delivery. */
  emit(type: string, resource: { id: string; object: string }): SandboxEvent {
    const now = this.ids.timestamp();
    const event: SandboxEvent = {
      object: 'event',
      id: this.ids.next('evnt_'),
      livemode: false,
      type,
      pending_webhooks: 0,
      data: snapshot(resource) as SandboxEvent['data'],
      created_at: now,
      updated_at: now,
    };
    // A lost event (the lost-event fault) is never created: not recorded, not listed, not sent. An endpoint's
    // acknowledgement, later, writes the event's pending_webhooks back in a unit of its own.
    const webhooks = this.#seeding ? undefined : this.webhooks;
    if (webhooks && !webhooks.created(event, this.tenant, this.clock, (acknowledged) => this.db.unit(() => this.#rewrite(acknowledged)))) return event;
    return this.events.add(event);
  }

  #rewrite(event: SandboxEvent): void {
    const stored = this.events.get(event.id);
    if (stored) Object.assign(stored, { pending_webhooks: event.pending_webhooks, updated_at: event.updated_at });
  }

  /** The open term (the newest one not closed); payments and refunds are booked into it. */
  currentTerm(): Term | undefined {
    return this.terms.values().findLast((term) => !term.closed);
  }

  /** Books a money movement: a payment (positive) or a refund (negative). */
  recordTransaction(type: PaymentTransaction['type'], resourceId: string, amount: number, methodType: PaymentMethodType): PaymentTransaction {
    const now = this.ids.timestamp();
    const fee = Math.round((Math.abs(amount) * Number(FEE_RATE)) / 100) * Math.sign(amount);
    return this.paymentTransactions.add({
      object: 'payment_transaction',
      id: this.ids.next('ptx_'),
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
