// The sandbox's objects (model.ts) against the contract's schemas (generated/api.d.ts), at the type level
// only: `npm run typecheck` fails when the two drift apart, while nothing the sandbox runs reads the spec
// (this module is imported by nothing; its types are erased). Each object must satisfy its schema (every
// field the schema requires, each of a type the schema allows: the sandbox may be narrower, `livemode:
// false`) and have no field the schema does not know. The drifts at the end must fail the same checks: were a
// check to let one through, its `@ts-expect-error` would be unused, itself an error of the typecheck.
import type { components } from '../../generated/api.d.ts';
import type * as Model from './model.ts';

type Schemas = components['schemas'];

/** The fields of `M` its schema `S` does not have (never, when every field is the contract's). */
type Unknown<M, S> = Exclude<keyof M, S extends unknown ? keyof S : never>;
/** `true`, or the names of the fields the contract does not know, which the error then prints. */
type OnlyContractFields<M, S> = [Unknown<M, S>] extends [never] ? true : { fieldsNotInTheContract: Unknown<M, S> };

/** Each object of the model and its schema in the contract. */
export interface ModelSchemas {
  Customer: [Model.Customer, Schemas['Customer']];
  PaymentMethod: [Model.PaymentMethod, Schemas['PaymentMethodCard'] | Schemas['PaymentMethodPayPay'] | Schemas['PaymentMethodApplePay']];
  PaymentFlow: [Model.PaymentFlow, Schemas['PaymentFlow']];
  SetupFlow: [Model.SetupFlow, Schemas['SetupFlow']];
  PaymentRefund: [Model.PaymentRefund, Schemas['PaymentRefund']];
  PaymentDispute: [Model.PaymentDispute, Schemas['PaymentDispute']];
  PaymentTransaction: [Model.PaymentTransaction, Schemas['PaymentTransaction']];
  Product: [Model.Product, Schemas['Product']];
  Price: [Model.Price, Schemas['Price']];
  TaxRate: [Model.TaxRate, Schemas['TaxRate']];
  LineItem: [Model.LineItem, Schemas['CheckoutSessionLineItem']];
  CheckoutSession: [Model.CheckoutSession, Schemas['CheckoutSession']];
  SandboxEvent: [Model.SandboxEvent, Schemas['Event']];
  Term: [Model.Term, Schemas['Term']];
  StatementItem: [Model.StatementItem, Schemas['StatementItem']];
  Statement: [Model.Statement, Schemas['Statement']];
  Balance: [Model.Balance, Schemas['Balance']];
  PaymentMethodConfiguration: [Model.PaymentMethodConfiguration, Schemas['PaymentMethodConfiguration']];
}

type Example<K extends keyof ModelSchemas> = ModelSchemas[K][0];

// An object of each kind, as the sandbox types it, satisfies the contract's schema: TypeScript names the field
// that does not fit.
export const FITS = {
  Customer: {} as Example<'Customer'> satisfies Schemas['Customer'],
  // A payment method's type decides its schema; the model keeps `card` optional ("Cards and Apple Pay only").
  CardPaymentMethod: {} as Example<'PaymentMethod'> & { type: 'card'; card: Model.CardDetails } satisfies Schemas['PaymentMethodCard'],
  PayPayPaymentMethod: {} as Omit<Example<'PaymentMethod'>, 'card'> & { type: 'paypay' } satisfies Schemas['PaymentMethodPayPay'],
  ApplePayPaymentMethod: {} as Example<'PaymentMethod'> & { type: 'apple_pay'; card: Model.CardDetails } satisfies Schemas['PaymentMethodApplePay'],
  PaymentFlow: {} as Example<'PaymentFlow'> satisfies Schemas['PaymentFlow'],
  SetupFlow: {} as Example<'SetupFlow'> satisfies Schemas['SetupFlow'],
  PaymentRefund: {} as Example<'PaymentRefund'> satisfies Schemas['PaymentRefund'],
  PaymentDispute: {} as Example<'PaymentDispute'> satisfies Schemas['PaymentDispute'],
  PaymentTransaction: {} as Example<'PaymentTransaction'> satisfies Schemas['PaymentTransaction'],
  Product: {} as Example<'Product'> satisfies Schemas['Product'],
  Price: {} as Example<'Price'> satisfies Schemas['Price'],
  TaxRate: {} as Example<'TaxRate'> satisfies Schemas['TaxRate'],
  LineItem: {} as Example<'LineItem'> satisfies Schemas['CheckoutSessionLineItem'],
  CheckoutSession: {} as Example<'CheckoutSession'> satisfies Schemas['CheckoutSession'],
  SandboxEvent: {} as Example<'SandboxEvent'> satisfies Schemas['Event'],
  Term: {} as Example<'Term'> satisfies Schemas['Term'],
  StatementItem: {} as Example<'StatementItem'> satisfies Schemas['StatementItem'],
  Statement: {} as Example<'Statement'> satisfies Schemas['Statement'],
  Balance: {} as Example<'Balance'> satisfies Schemas['Balance'],
  PaymentMethodConfiguration: {} as Example<'PaymentMethodConfiguration'> satisfies Schemas['PaymentMethodConfiguration'],
};

// And it has no field the contract does not know.
export const ONLY_CONTRACT_FIELDS = {
  Customer: true,
  PaymentMethod: true,
  PaymentFlow: true,
  SetupFlow: true,
  PaymentRefund: true,
  PaymentDispute: true,
  PaymentTransaction: true,
  Product: true,
  Price: true,
  TaxRate: true,
  LineItem: true,
  CheckoutSession: true,
  SandboxEvent: true,
  Term: true,
  StatementItem: true,
  Statement: true,
  Balance: true,
  PaymentMethodConfiguration: true,
} as const satisfies { [K in keyof ModelSchemas]: OnlyContractFields<ModelSchemas[K][0], ModelSchemas[K][1]> };

// Drifts the checks catch (each `@ts-expect-error` fails the typecheck when its line stops being an error).
type Drifted = {
  renamed: Omit<Model.Customer, 'email'> & { e_mail: string | null };
  widened: Omit<Model.PaymentRefund, 'status'> & { status: string };
  unknownField: Model.Customer & { nickname: string };
};
export const DRIFTS = {
  // @ts-expect-error a field renamed: the contract's `email` is missing
  renamed: {} as Drifted['renamed'] satisfies Schemas['Customer'],
  // @ts-expect-error an enum widened to any string
  widened: {} as Drifted['widened'] satisfies Schemas['PaymentRefund'],
  // @ts-expect-error a field the contract does not know
  unknownField: true as const satisfies OnlyContractFields<Drifted['unknownField'], Schemas['Customer']>,
};
