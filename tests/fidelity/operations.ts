// The field-fidelity check of every operation against the published client @payjp/payjpv2 (its
// `<Op>Data` and `<Op>Responses` types), run by `npm run typecheck`. One block per operation, all alike:
//   OursAccept      their responses and requests are accepted by ours (less our documented tightenings);
//   TheirsAccept    ours are accepted by theirs;
//   None<Findings>  no field is documented on one side only, and our arrays are plain arrays of their items.
// A failing line names the operation and tsc names the field. Exceptions: exceptions.ts; see README.md.
import type * as P from '@payjp/payjpv2';
import type { Findings, None, OursAccept, TheirsAccept } from './checks.ts';
import type { OperationId, Ours, Theirs } from './sides.ts';

// getAllPaymentFlows: GET /v2/payment_flows
type GetAllPaymentFlows = Theirs<P.GetAllPaymentFlowsData, P.GetAllPaymentFlowsResponses>;
interface Checked {
  getAllPaymentFlows: [
    OursAccept<'getAllPaymentFlows', GetAllPaymentFlows>,
    TheirsAccept<'getAllPaymentFlows', GetAllPaymentFlows, Ours<'getAllPaymentFlows'>>,
    None<Findings<'getAllPaymentFlows', GetAllPaymentFlows>>,
  ];
}

// createPaymentFlow: POST /v2/payment_flows
type CreatePaymentFlow = Theirs<P.CreatePaymentFlowData, P.CreatePaymentFlowResponses>;
interface Checked {
  createPaymentFlow: [
    OursAccept<'createPaymentFlow', CreatePaymentFlow>,
    TheirsAccept<'createPaymentFlow', CreatePaymentFlow, Ours<'createPaymentFlow'>>,
    None<Findings<'createPaymentFlow', CreatePaymentFlow>>,
  ];
}

// getPaymentFlow: GET /v2/payment_flows/{payment_flow_id}
type GetPaymentFlow = Theirs<P.GetPaymentFlowData, P.GetPaymentFlowResponses>;
interface Checked {
  getPaymentFlow: [
    OursAccept<'getPaymentFlow', GetPaymentFlow>,
    TheirsAccept<'getPaymentFlow', GetPaymentFlow, Ours<'getPaymentFlow'>>,
    None<Findings<'getPaymentFlow', GetPaymentFlow>>,
  ];
}

// updatePaymentFlow: POST /v2/payment_flows/{payment_flow_id}
type UpdatePaymentFlow = Theirs<P.UpdatePaymentFlowData, P.UpdatePaymentFlowResponses>;
interface Checked {
  updatePaymentFlow: [
    OursAccept<'updatePaymentFlow', UpdatePaymentFlow>,
    TheirsAccept<'updatePaymentFlow', UpdatePaymentFlow, Ours<'updatePaymentFlow'>>,
    None<Findings<'updatePaymentFlow', UpdatePaymentFlow>>,
  ];
}

// cancelPaymentFlow: POST /v2/payment_flows/{payment_flow_id}/cancel
type CancelPaymentFlow = Theirs<P.CancelPaymentFlowData, P.CancelPaymentFlowResponses>;
interface Checked {
  cancelPaymentFlow: [
    OursAccept<'cancelPaymentFlow', CancelPaymentFlow>,
    TheirsAccept<'cancelPaymentFlow', CancelPaymentFlow, Ours<'cancelPaymentFlow'>>,
    None<Findings<'cancelPaymentFlow', CancelPaymentFlow>>,
  ];
}

// capturePaymentFlow: POST /v2/payment_flows/{payment_flow_id}/capture
type CapturePaymentFlow = Theirs<P.CapturePaymentFlowData, P.CapturePaymentFlowResponses>;
interface Checked {
  capturePaymentFlow: [
    OursAccept<'capturePaymentFlow', CapturePaymentFlow>,
    TheirsAccept<'capturePaymentFlow', CapturePaymentFlow, Ours<'capturePaymentFlow'>>,
    None<Findings<'capturePaymentFlow', CapturePaymentFlow>>,
  ];
}

// confirmPaymentFlow: POST /v2/payment_flows/{payment_flow_id}/confirm
type ConfirmPaymentFlow = Theirs<P.ConfirmPaymentFlowData, P.ConfirmPaymentFlowResponses>;
interface Checked {
  confirmPaymentFlow: [
    OursAccept<'confirmPaymentFlow', ConfirmPaymentFlow>,
    TheirsAccept<'confirmPaymentFlow', ConfirmPaymentFlow, Ours<'confirmPaymentFlow'>>,
    None<Findings<'confirmPaymentFlow', ConfirmPaymentFlow>>,
  ];
}

// getPaymentFlowRefunds: GET /v2/payment_flows/{payment_flow_id}/refunds
type GetPaymentFlowRefunds = Theirs<P.GetPaymentFlowRefundsData, P.GetPaymentFlowRefundsResponses>;
interface Checked {
  getPaymentFlowRefunds: [
    OursAccept<'getPaymentFlowRefunds', GetPaymentFlowRefunds>,
    TheirsAccept<'getPaymentFlowRefunds', GetPaymentFlowRefunds, Ours<'getPaymentFlowRefunds'>>,
    None<Findings<'getPaymentFlowRefunds', GetPaymentFlowRefunds>>,
  ];
}

// getAllPaymentRefunds: GET /v2/payment_refunds
type GetAllPaymentRefunds = Theirs<P.GetAllPaymentRefundsData, P.GetAllPaymentRefundsResponses>;
interface Checked {
  getAllPaymentRefunds: [
    OursAccept<'getAllPaymentRefunds', GetAllPaymentRefunds>,
    TheirsAccept<'getAllPaymentRefunds', GetAllPaymentRefunds, Ours<'getAllPaymentRefunds'>>,
    None<Findings<'getAllPaymentRefunds', GetAllPaymentRefunds>>,
  ];
}

// createPaymentRefund: POST /v2/payment_refunds
type CreatePaymentRefund = Theirs<P.CreatePaymentRefundData, P.CreatePaymentRefundResponses>;
interface Checked {
  createPaymentRefund: [
    OursAccept<'createPaymentRefund', CreatePaymentRefund>,
    TheirsAccept<'createPaymentRefund', CreatePaymentRefund, Ours<'createPaymentRefund'>>,
    None<Findings<'createPaymentRefund', CreatePaymentRefund>>,
  ];
}

// getPaymentRefund: GET /v2/payment_refunds/{payment_refund_id}
type GetPaymentRefund = Theirs<P.GetPaymentRefundData, P.GetPaymentRefundResponses>;
interface Checked {
  getPaymentRefund: [
    OursAccept<'getPaymentRefund', GetPaymentRefund>,
    TheirsAccept<'getPaymentRefund', GetPaymentRefund, Ours<'getPaymentRefund'>>,
    None<Findings<'getPaymentRefund', GetPaymentRefund>>,
  ];
}

// updatePaymentRefund: POST /v2/payment_refunds/{payment_refund_id}
type UpdatePaymentRefund = Theirs<P.UpdatePaymentRefundData, P.UpdatePaymentRefundResponses>;
interface Checked {
  updatePaymentRefund: [
    OursAccept<'updatePaymentRefund', UpdatePaymentRefund>,
    TheirsAccept<'updatePaymentRefund', UpdatePaymentRefund, Ours<'updatePaymentRefund'>>,
    None<Findings<'updatePaymentRefund', UpdatePaymentRefund>>,
  ];
}

// getAllPaymentDisputes: GET /v2/payment_disputes
type GetAllPaymentDisputes = Theirs<P.GetAllPaymentDisputesData, P.GetAllPaymentDisputesResponses>;
interface Checked {
  getAllPaymentDisputes: [
    OursAccept<'getAllPaymentDisputes', GetAllPaymentDisputes>,
    TheirsAccept<'getAllPaymentDisputes', GetAllPaymentDisputes, Ours<'getAllPaymentDisputes'>>,
    None<Findings<'getAllPaymentDisputes', GetAllPaymentDisputes>>,
  ];
}

// getPaymentDispute: GET /v2/payment_disputes/{payment_dispute_id}
type GetPaymentDispute = Theirs<P.GetPaymentDisputeData, P.GetPaymentDisputeResponses>;
interface Checked {
  getPaymentDispute: [
    OursAccept<'getPaymentDispute', GetPaymentDispute>,
    TheirsAccept<'getPaymentDispute', GetPaymentDispute, Ours<'getPaymentDispute'>>,
    None<Findings<'getPaymentDispute', GetPaymentDispute>>,
  ];
}

// getAllPaymentTransactions: GET /v2/payment_transactions
type GetAllPaymentTransactions = Theirs<P.GetAllPaymentTransactionsData, P.GetAllPaymentTransactionsResponses>;
interface Checked {
  getAllPaymentTransactions: [
    OursAccept<'getAllPaymentTransactions', GetAllPaymentTransactions>,
    TheirsAccept<'getAllPaymentTransactions', GetAllPaymentTransactions, Ours<'getAllPaymentTransactions'>>,
    None<Findings<'getAllPaymentTransactions', GetAllPaymentTransactions>>,
  ];
}

// getPaymentTransaction: GET /v2/payment_transactions/{payment_transaction_id}
type GetPaymentTransaction = Theirs<P.GetPaymentTransactionData, P.GetPaymentTransactionResponses>;
interface Checked {
  getPaymentTransaction: [
    OursAccept<'getPaymentTransaction', GetPaymentTransaction>,
    TheirsAccept<'getPaymentTransaction', GetPaymentTransaction, Ours<'getPaymentTransaction'>>,
    None<Findings<'getPaymentTransaction', GetPaymentTransaction>>,
  ];
}

// getAllPaymentMethods: GET /v2/payment_methods
type GetAllPaymentMethods = Theirs<P.GetAllPaymentMethodsData, P.GetAllPaymentMethodsResponses>;
interface Checked {
  getAllPaymentMethods: [
    OursAccept<'getAllPaymentMethods', GetAllPaymentMethods>,
    TheirsAccept<'getAllPaymentMethods', GetAllPaymentMethods, Ours<'getAllPaymentMethods'>>,
    None<Findings<'getAllPaymentMethods', GetAllPaymentMethods>>,
  ];
}

// createPaymentMethod: POST /v2/payment_methods
type CreatePaymentMethod = Theirs<P.CreatePaymentMethodData, P.CreatePaymentMethodResponses>;
interface Checked {
  createPaymentMethod: [
    OursAccept<'createPaymentMethod', CreatePaymentMethod>,
    TheirsAccept<'createPaymentMethod', CreatePaymentMethod, Ours<'createPaymentMethod'>>,
    None<Findings<'createPaymentMethod', CreatePaymentMethod>>,
  ];
}

// getPaymentMethod: GET /v2/payment_methods/{payment_method_id}
type GetPaymentMethod = Theirs<P.GetPaymentMethodData, P.GetPaymentMethodResponses>;
interface Checked {
  getPaymentMethod: [
    OursAccept<'getPaymentMethod', GetPaymentMethod>,
    TheirsAccept<'getPaymentMethod', GetPaymentMethod, Ours<'getPaymentMethod'>>,
    None<Findings<'getPaymentMethod', GetPaymentMethod>>,
  ];
}

// updatePaymentMethod: POST /v2/payment_methods/{payment_method_id}
type UpdatePaymentMethod = Theirs<P.UpdatePaymentMethodData, P.UpdatePaymentMethodResponses>;
interface Checked {
  updatePaymentMethod: [
    OursAccept<'updatePaymentMethod', UpdatePaymentMethod>,
    TheirsAccept<'updatePaymentMethod', UpdatePaymentMethod, Ours<'updatePaymentMethod'>>,
    None<Findings<'updatePaymentMethod', UpdatePaymentMethod>>,
  ];
}

// getPaymentMethodByCard: GET /v2/payment_methods/cards/{card_id}
type GetPaymentMethodByCard = Theirs<P.GetPaymentMethodByCardData, P.GetPaymentMethodByCardResponses>;
interface Checked {
  getPaymentMethodByCard: [
    OursAccept<'getPaymentMethodByCard', GetPaymentMethodByCard>,
    TheirsAccept<'getPaymentMethodByCard', GetPaymentMethodByCard, Ours<'getPaymentMethodByCard'>>,
    None<Findings<'getPaymentMethodByCard', GetPaymentMethodByCard>>,
  ];
}

// attachPaymentMethod: POST /v2/payment_methods/{payment_method_id}/attach
type AttachPaymentMethod = Theirs<P.AttachPaymentMethodData, P.AttachPaymentMethodResponses>;
interface Checked {
  attachPaymentMethod: [
    OursAccept<'attachPaymentMethod', AttachPaymentMethod>,
    TheirsAccept<'attachPaymentMethod', AttachPaymentMethod, Ours<'attachPaymentMethod'>>,
    None<Findings<'attachPaymentMethod', AttachPaymentMethod>>,
  ];
}

// detachPaymentMethod: POST /v2/payment_methods/{payment_method_id}/detach
type DetachPaymentMethod = Theirs<P.DetachPaymentMethodData, P.DetachPaymentMethodResponses>;
interface Checked {
  detachPaymentMethod: [
    OursAccept<'detachPaymentMethod', DetachPaymentMethod>,
    TheirsAccept<'detachPaymentMethod', DetachPaymentMethod, Ours<'detachPaymentMethod'>>,
    None<Findings<'detachPaymentMethod', DetachPaymentMethod>>,
  ];
}

// getAllPaymentMethodConfigurations: GET /v2/payment_method_configurations
type GetAllPaymentMethodConfigurations = Theirs<P.GetAllPaymentMethodConfigurationsData, P.GetAllPaymentMethodConfigurationsResponses>;
interface Checked {
  getAllPaymentMethodConfigurations: [
    OursAccept<'getAllPaymentMethodConfigurations', GetAllPaymentMethodConfigurations>,
    TheirsAccept<'getAllPaymentMethodConfigurations', GetAllPaymentMethodConfigurations, Ours<'getAllPaymentMethodConfigurations'>>,
    None<Findings<'getAllPaymentMethodConfigurations', GetAllPaymentMethodConfigurations>>,
  ];
}

// getPaymentMethodConfiguration: GET /v2/payment_method_configurations/{payment_method_configuration_id}
type GetPaymentMethodConfiguration = Theirs<P.GetPaymentMethodConfigurationData, P.GetPaymentMethodConfigurationResponses>;
interface Checked {
  getPaymentMethodConfiguration: [
    OursAccept<'getPaymentMethodConfiguration', GetPaymentMethodConfiguration>,
    TheirsAccept<'getPaymentMethodConfiguration', GetPaymentMethodConfiguration, Ours<'getPaymentMethodConfiguration'>>,
    None<Findings<'getPaymentMethodConfiguration', GetPaymentMethodConfiguration>>,
  ];
}

// updatePaymentMethodConfiguration: POST /v2/payment_method_configurations/{payment_method_configuration_id}
type UpdatePaymentMethodConfiguration = Theirs<P.UpdatePaymentMethodConfigurationData, P.UpdatePaymentMethodConfigurationResponses>;
interface Checked {
  updatePaymentMethodConfiguration: [
    OursAccept<'updatePaymentMethodConfiguration', UpdatePaymentMethodConfiguration>,
    TheirsAccept<'updatePaymentMethodConfiguration', UpdatePaymentMethodConfiguration, Ours<'updatePaymentMethodConfiguration'>>,
    None<Findings<'updatePaymentMethodConfiguration', UpdatePaymentMethodConfiguration>>,
  ];
}

// getAllSetupFlows: GET /v2/setup_flows
type GetAllSetupFlows = Theirs<P.GetAllSetupFlowsData, P.GetAllSetupFlowsResponses>;
interface Checked {
  getAllSetupFlows: [
    OursAccept<'getAllSetupFlows', GetAllSetupFlows>,
    TheirsAccept<'getAllSetupFlows', GetAllSetupFlows, Ours<'getAllSetupFlows'>>,
    None<Findings<'getAllSetupFlows', GetAllSetupFlows>>,
  ];
}

// createSetupFlow: POST /v2/setup_flows
type CreateSetupFlow = Theirs<P.CreateSetupFlowData, P.CreateSetupFlowResponses>;
interface Checked {
  createSetupFlow: [
    OursAccept<'createSetupFlow', CreateSetupFlow>,
    TheirsAccept<'createSetupFlow', CreateSetupFlow, Ours<'createSetupFlow'>>,
    None<Findings<'createSetupFlow', CreateSetupFlow>>,
  ];
}

// getSetupFlow: GET /v2/setup_flows/{setup_flow_id}
type GetSetupFlow = Theirs<P.GetSetupFlowData, P.GetSetupFlowResponses>;
interface Checked {
  getSetupFlow: [
    OursAccept<'getSetupFlow', GetSetupFlow>,
    TheirsAccept<'getSetupFlow', GetSetupFlow, Ours<'getSetupFlow'>>,
    None<Findings<'getSetupFlow', GetSetupFlow>>,
  ];
}

// updateSetupFlow: POST /v2/setup_flows/{setup_flow_id}
type UpdateSetupFlow = Theirs<P.UpdateSetupFlowData, P.UpdateSetupFlowResponses>;
interface Checked {
  updateSetupFlow: [
    OursAccept<'updateSetupFlow', UpdateSetupFlow>,
    TheirsAccept<'updateSetupFlow', UpdateSetupFlow, Ours<'updateSetupFlow'>>,
    None<Findings<'updateSetupFlow', UpdateSetupFlow>>,
  ];
}

// cancelSetupFlow: POST /v2/setup_flows/{setup_flow_id}/cancel
type CancelSetupFlow = Theirs<P.CancelSetupFlowData, P.CancelSetupFlowResponses>;
interface Checked {
  cancelSetupFlow: [
    OursAccept<'cancelSetupFlow', CancelSetupFlow>,
    TheirsAccept<'cancelSetupFlow', CancelSetupFlow, Ours<'cancelSetupFlow'>>,
    None<Findings<'cancelSetupFlow', CancelSetupFlow>>,
  ];
}

// getAllCheckoutSessions: GET /v2/checkout/sessions
type GetAllCheckoutSessions = Theirs<P.GetAllCheckoutSessionsData, P.GetAllCheckoutSessionsResponses>;
interface Checked {
  getAllCheckoutSessions: [
    OursAccept<'getAllCheckoutSessions', GetAllCheckoutSessions>,
    TheirsAccept<'getAllCheckoutSessions', GetAllCheckoutSessions, Ours<'getAllCheckoutSessions'>>,
    None<Findings<'getAllCheckoutSessions', GetAllCheckoutSessions>>,
  ];
}

// createCheckoutSession: POST /v2/checkout/sessions
type CreateCheckoutSession = Theirs<P.CreateCheckoutSessionData, P.CreateCheckoutSessionResponses>;
interface Checked {
  createCheckoutSession: [
    OursAccept<'createCheckoutSession', CreateCheckoutSession>,
    TheirsAccept<'createCheckoutSession', CreateCheckoutSession, Ours<'createCheckoutSession'>>,
    None<Findings<'createCheckoutSession', CreateCheckoutSession>>,
  ];
}

// getCheckoutSession: GET /v2/checkout/sessions/{checkout_session_id}
type GetCheckoutSession = Theirs<P.GetCheckoutSessionData, P.GetCheckoutSessionResponses>;
interface Checked {
  getCheckoutSession: [
    OursAccept<'getCheckoutSession', GetCheckoutSession>,
    TheirsAccept<'getCheckoutSession', GetCheckoutSession, Ours<'getCheckoutSession'>>,
    None<Findings<'getCheckoutSession', GetCheckoutSession>>,
  ];
}

// updateCheckoutSession: POST /v2/checkout/sessions/{checkout_session_id}
type UpdateCheckoutSession = Theirs<P.UpdateCheckoutSessionData, P.UpdateCheckoutSessionResponses>;
interface Checked {
  updateCheckoutSession: [
    OursAccept<'updateCheckoutSession', UpdateCheckoutSession>,
    TheirsAccept<'updateCheckoutSession', UpdateCheckoutSession, Ours<'updateCheckoutSession'>>,
    None<Findings<'updateCheckoutSession', UpdateCheckoutSession>>,
  ];
}

// getAllCheckoutSessionLineItems: GET /v2/checkout/sessions/{checkout_session_id}/line_items
type GetAllCheckoutSessionLineItems = Theirs<P.GetAllCheckoutSessionLineItemsData, P.GetAllCheckoutSessionLineItemsResponses>;
interface Checked {
  getAllCheckoutSessionLineItems: [
    OursAccept<'getAllCheckoutSessionLineItems', GetAllCheckoutSessionLineItems>,
    TheirsAccept<'getAllCheckoutSessionLineItems', GetAllCheckoutSessionLineItems, Ours<'getAllCheckoutSessionLineItems'>>,
    None<Findings<'getAllCheckoutSessionLineItems', GetAllCheckoutSessionLineItems>>,
  ];
}

// getAllProducts: GET /v2/products
type GetAllProducts = Theirs<P.GetAllProductsData, P.GetAllProductsResponses>;
interface Checked {
  getAllProducts: [
    OursAccept<'getAllProducts', GetAllProducts>,
    TheirsAccept<'getAllProducts', GetAllProducts, Ours<'getAllProducts'>>,
    None<Findings<'getAllProducts', GetAllProducts>>,
  ];
}

// createProduct: POST /v2/products
type CreateProduct = Theirs<P.CreateProductData, P.CreateProductResponses>;
interface Checked {
  createProduct: [
    OursAccept<'createProduct', CreateProduct>,
    TheirsAccept<'createProduct', CreateProduct, Ours<'createProduct'>>,
    None<Findings<'createProduct', CreateProduct>>,
  ];
}

// getProduct: GET /v2/products/{product_id}
type GetProduct = Theirs<P.GetProductData, P.GetProductResponses>;
interface Checked {
  getProduct: [OursAccept<'getProduct', GetProduct>, TheirsAccept<'getProduct', GetProduct, Ours<'getProduct'>>, None<Findings<'getProduct', GetProduct>>];
}

// updateProduct: POST /v2/products/{product_id}
type UpdateProduct = Theirs<P.UpdateProductData, P.UpdateProductResponses>;
interface Checked {
  updateProduct: [
    OursAccept<'updateProduct', UpdateProduct>,
    TheirsAccept<'updateProduct', UpdateProduct, Ours<'updateProduct'>>,
    None<Findings<'updateProduct', UpdateProduct>>,
  ];
}

// deleteProduct: DELETE /v2/products/{product_id}
type DeleteProduct = Theirs<P.DeleteProductData, P.DeleteProductResponses>;
interface Checked {
  deleteProduct: [
    OursAccept<'deleteProduct', DeleteProduct>,
    TheirsAccept<'deleteProduct', DeleteProduct, Ours<'deleteProduct'>>,
    None<Findings<'deleteProduct', DeleteProduct>>,
  ];
}

// getAllPrices: GET /v2/prices
type GetAllPrices = Theirs<P.GetAllPricesData, P.GetAllPricesResponses>;
interface Checked {
  getAllPrices: [
    OursAccept<'getAllPrices', GetAllPrices>,
    TheirsAccept<'getAllPrices', GetAllPrices, Ours<'getAllPrices'>>,
    None<Findings<'getAllPrices', GetAllPrices>>,
  ];
}

// createPrice: POST /v2/prices
type CreatePrice = Theirs<P.CreatePriceData, P.CreatePriceResponses>;
interface Checked {
  createPrice: [
    OursAccept<'createPrice', CreatePrice>,
    TheirsAccept<'createPrice', CreatePrice, Ours<'createPrice'>>,
    None<Findings<'createPrice', CreatePrice>>,
  ];
}

// getPrice: GET /v2/prices/{price_id}
type GetPrice = Theirs<P.GetPriceData, P.GetPriceResponses>;
interface Checked {
  getPrice: [OursAccept<'getPrice', GetPrice>, TheirsAccept<'getPrice', GetPrice, Ours<'getPrice'>>, None<Findings<'getPrice', GetPrice>>];
}

// updatePrice: POST /v2/prices/{price_id}
type UpdatePrice = Theirs<P.UpdatePriceData, P.UpdatePriceResponses>;
interface Checked {
  updatePrice: [
    OursAccept<'updatePrice', UpdatePrice>,
    TheirsAccept<'updatePrice', UpdatePrice, Ours<'updatePrice'>>,
    None<Findings<'updatePrice', UpdatePrice>>,
  ];
}

// getAllTaxRates: GET /v2/tax_rates
type GetAllTaxRates = Theirs<P.GetAllTaxRatesData, P.GetAllTaxRatesResponses>;
interface Checked {
  getAllTaxRates: [
    OursAccept<'getAllTaxRates', GetAllTaxRates>,
    TheirsAccept<'getAllTaxRates', GetAllTaxRates, Ours<'getAllTaxRates'>>,
    None<Findings<'getAllTaxRates', GetAllTaxRates>>,
  ];
}

// createTaxRate: POST /v2/tax_rates
type CreateTaxRate = Theirs<P.CreateTaxRateData, P.CreateTaxRateResponses>;
interface Checked {
  createTaxRate: [
    OursAccept<'createTaxRate', CreateTaxRate>,
    TheirsAccept<'createTaxRate', CreateTaxRate, Ours<'createTaxRate'>>,
    None<Findings<'createTaxRate', CreateTaxRate>>,
  ];
}

// getTaxRate: GET /v2/tax_rates/{tax_rate_id}
type GetTaxRate = Theirs<P.GetTaxRateData, P.GetTaxRateResponses>;
interface Checked {
  getTaxRate: [OursAccept<'getTaxRate', GetTaxRate>, TheirsAccept<'getTaxRate', GetTaxRate, Ours<'getTaxRate'>>, None<Findings<'getTaxRate', GetTaxRate>>];
}

// updateTaxRate: POST /v2/tax_rates/{tax_rate_id}
type UpdateTaxRate = Theirs<P.UpdateTaxRateData, P.UpdateTaxRateResponses>;
interface Checked {
  updateTaxRate: [
    OursAccept<'updateTaxRate', UpdateTaxRate>,
    TheirsAccept<'updateTaxRate', UpdateTaxRate, Ours<'updateTaxRate'>>,
    None<Findings<'updateTaxRate', UpdateTaxRate>>,
  ];
}

// getAllCustomers: GET /v2/customers
type GetAllCustomers = Theirs<P.GetAllCustomersData, P.GetAllCustomersResponses>;
interface Checked {
  getAllCustomers: [
    OursAccept<'getAllCustomers', GetAllCustomers>,
    TheirsAccept<'getAllCustomers', GetAllCustomers, Ours<'getAllCustomers'>>,
    None<Findings<'getAllCustomers', GetAllCustomers>>,
  ];
}

// createCustomer: POST /v2/customers
type CreateCustomer = Theirs<P.CreateCustomerData, P.CreateCustomerResponses>;
interface Checked {
  createCustomer: [
    OursAccept<'createCustomer', CreateCustomer>,
    TheirsAccept<'createCustomer', CreateCustomer, Ours<'createCustomer'>>,
    None<Findings<'createCustomer', CreateCustomer>>,
  ];
}

// getCustomer: GET /v2/customers/{customer_id}
type GetCustomer = Theirs<P.GetCustomerData, P.GetCustomerResponses>;
interface Checked {
  getCustomer: [
    OursAccept<'getCustomer', GetCustomer>,
    TheirsAccept<'getCustomer', GetCustomer, Ours<'getCustomer'>>,
    None<Findings<'getCustomer', GetCustomer>>,
  ];
}

// updateCustomer: POST /v2/customers/{customer_id}
type UpdateCustomer = Theirs<P.UpdateCustomerData, P.UpdateCustomerResponses>;
interface Checked {
  updateCustomer: [
    OursAccept<'updateCustomer', UpdateCustomer>,
    TheirsAccept<'updateCustomer', UpdateCustomer, Ours<'updateCustomer'>>,
    None<Findings<'updateCustomer', UpdateCustomer>>,
  ];
}

// deleteCustomer: DELETE /v2/customers/{customer_id}
type DeleteCustomer = Theirs<P.DeleteCustomerData, P.DeleteCustomerResponses>;
interface Checked {
  deleteCustomer: [
    OursAccept<'deleteCustomer', DeleteCustomer>,
    TheirsAccept<'deleteCustomer', DeleteCustomer, Ours<'deleteCustomer'>>,
    None<Findings<'deleteCustomer', DeleteCustomer>>,
  ];
}

// getCustomerPaymentMethods: GET /v2/customers/{customer_id}/payment_methods
type GetCustomerPaymentMethods = Theirs<P.GetCustomerPaymentMethodsData, P.GetCustomerPaymentMethodsResponses>;
interface Checked {
  getCustomerPaymentMethods: [
    OursAccept<'getCustomerPaymentMethods', GetCustomerPaymentMethods>,
    TheirsAccept<'getCustomerPaymentMethods', GetCustomerPaymentMethods, Ours<'getCustomerPaymentMethods'>>,
    None<Findings<'getCustomerPaymentMethods', GetCustomerPaymentMethods>>,
  ];
}

// getAllEvents: GET /v2/events
type GetAllEvents = Theirs<P.GetAllEventsData, P.GetAllEventsResponses>;
interface Checked {
  getAllEvents: [
    OursAccept<'getAllEvents', GetAllEvents>,
    TheirsAccept<'getAllEvents', GetAllEvents, Ours<'getAllEvents'>>,
    None<Findings<'getAllEvents', GetAllEvents>>,
  ];
}

// getEvent: GET /v2/events/{event_id}
type GetEvent = Theirs<P.GetEventData, P.GetEventResponses>;
interface Checked {
  getEvent: [OursAccept<'getEvent', GetEvent>, TheirsAccept<'getEvent', GetEvent, Ours<'getEvent'>>, None<Findings<'getEvent', GetEvent>>];
}

// getAllBalances: GET /v2/balances
type GetAllBalances = Theirs<P.GetAllBalancesData, P.GetAllBalancesResponses>;
interface Checked {
  getAllBalances: [
    OursAccept<'getAllBalances', GetAllBalances>,
    TheirsAccept<'getAllBalances', GetAllBalances, Ours<'getAllBalances'>>,
    None<Findings<'getAllBalances', GetAllBalances>>,
  ];
}

// getBalance: GET /v2/balances/{balance_id}
type GetBalance = Theirs<P.GetBalanceData, P.GetBalanceResponses>;
interface Checked {
  getBalance: [OursAccept<'getBalance', GetBalance>, TheirsAccept<'getBalance', GetBalance, Ours<'getBalance'>>, None<Findings<'getBalance', GetBalance>>];
}

// createBalanceUrl: POST /v2/balances/{balance_id}/balance_urls
type CreateBalanceUrl = Theirs<P.CreateBalanceUrlData, P.CreateBalanceUrlResponses>;
interface Checked {
  createBalanceUrl: [
    OursAccept<'createBalanceUrl', CreateBalanceUrl>,
    TheirsAccept<'createBalanceUrl', CreateBalanceUrl, Ours<'createBalanceUrl'>>,
    None<Findings<'createBalanceUrl', CreateBalanceUrl>>,
  ];
}

// getAllStatements: GET /v2/statements
type GetAllStatements = Theirs<P.GetAllStatementsData, P.GetAllStatementsResponses>;
interface Checked {
  getAllStatements: [
    OursAccept<'getAllStatements', GetAllStatements>,
    TheirsAccept<'getAllStatements', GetAllStatements, Ours<'getAllStatements'>>,
    None<Findings<'getAllStatements', GetAllStatements>>,
  ];
}

// getStatement: GET /v2/statements/{statement_id}
type GetStatement = Theirs<P.GetStatementData, P.GetStatementResponses>;
interface Checked {
  getStatement: [
    OursAccept<'getStatement', GetStatement>,
    TheirsAccept<'getStatement', GetStatement, Ours<'getStatement'>>,
    None<Findings<'getStatement', GetStatement>>,
  ];
}

// createStatementUrl: POST /v2/statements/{statement_id}/statement_urls
type CreateStatementUrl = Theirs<P.CreateStatementUrlData, P.CreateStatementUrlResponses>;
interface Checked {
  createStatementUrl: [
    OursAccept<'createStatementUrl', CreateStatementUrl>,
    TheirsAccept<'createStatementUrl', CreateStatementUrl, Ours<'createStatementUrl'>>,
    None<Findings<'createStatementUrl', CreateStatementUrl>>,
  ];
}

// getAllTerms: GET /v2/terms
type GetAllTerms = Theirs<P.GetAllTermsData, P.GetAllTermsResponses>;
interface Checked {
  getAllTerms: [
    OursAccept<'getAllTerms', GetAllTerms>,
    TheirsAccept<'getAllTerms', GetAllTerms, Ours<'getAllTerms'>>,
    None<Findings<'getAllTerms', GetAllTerms>>,
  ];
}

// getTerm: GET /v2/terms/{term_id}
type GetTerm = Theirs<P.GetTermData, P.GetTermResponses>;
interface Checked {
  getTerm: [OursAccept<'getTerm', GetTerm>, TheirsAccept<'getTerm', GetTerm, Ours<'getTerm'>>, None<Findings<'getTerm', GetTerm>>];
}

/** Every operation of our bundle has its block above, and every block is an operation of our bundle. */
type Within<A extends B, B> = A;
export type EveryOperationChecked = [Within<keyof Checked, OperationId>, Within<OperationId, keyof Checked>];
