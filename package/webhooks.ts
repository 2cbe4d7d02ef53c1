// payjp-v2-contract/webhooks: for a merchant's webhook receiver and its tests. verifyWebhook checks a delivery
// (the token, then the payload against the spec) and types the event; checkReceiver sends a running receiver
// what PAY.JP may send it and reports its answers; trigger makes a running sandbox emit an event.
export { type IncomingWebhook, type VerifiedWebhook, WebhookRejected, verifyWebhook } from '../webhooks/verify.ts';
export { type CheckResult, type ReceiverCheckOptions, type ReceiverReport, checkReceiver, formatReport } from '../webhooks/receiver-check.ts';
export { TRIGGER_TYPES, type TriggerOptions, type Triggered, trigger } from '../webhooks/trigger.ts';
export type { Event, WebhookEvent, WebhookType } from '../webhooks/spec.ts';
