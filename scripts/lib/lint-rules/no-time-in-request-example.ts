// contract/no-time-in-request-example.
import { requestExampleRule } from './request-examples.ts';

const RFC3339_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}/;

/**
 * Request bodies' examples hold no literal times: a tool that sends the example (our runner, Dredd, Prism,
 * Specmatic) would send a time that goes stale; `expires_at` of a checkout session did, on 2026-11-24.
 */
export default requestExampleRule(
  (value) => (typeof value === 'string' && RFC3339_TIME.test(value) ? value : undefined),
  (time, where) =>
    `a request example holds the literal time ${time} at ${where}: it goes stale; leave the field out of the example (clients compute times from now)`,
);
