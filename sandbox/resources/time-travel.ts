// GET / POST /sandbox/clock and `sandbox.clock` of startSandbox: a tenant's test clock told or moved on, and
// what falls due as it moves fired at once, as real time would have: open checkout sessions past
// `expires_at` expire (with their `checkout.session.expired` events, dated at the expiry), authorizations
// held for capture lapse (`expired_at`), webhook retries and delayed deliveries due by then are sent.
import { durationMs } from './clock.ts';
import { validationError } from './http/problem.ts';
import { expireDueSessions } from './resources/checkout-sessions.ts';
import { lapseDueAuthorizations } from './resources/payment-flows.ts';
import type { Database } from './storage/database.ts';
import { during } from './store.ts';
import type { Tenants } from './tenants.ts';
import { object, optional, parse, string } from './validate.ts';

/** How a clock moves: on by a duration (`2h`), or to a time (RFC 3339), exactly one of the two. */
export interface ClockMove {
  advance?: string;
  to?: string;
}

const moveBody = object({ advance: optional(string()), to: optional(string({ format: 'date-time' })) });

/** The clock as answered: its time, how far tests moved it on, and (after a move) what fell due. */
export interface ClockView {
  object: 'sandbox.clock';
  /** `all` (keys share the objects, and so the clock) or `key` (isolated keys: this key's clock). */
  scope: 'all' | 'key';
  now: string;
  offset_ms: number;
  fired?: { checkout_sessions_expired: number; payment_flows_expired: number; webhook_deliveries: number };
}

export function clockView(tenants: Tenants, tenant: string): ClockView {
  const clock = tenants.clockOf(tenant);
  return { object: 'sandbox.clock', scope: tenants.isolated ? 'key' : 'all', now: new Date(clock.now()).toISOString(), offset_ms: clock.offsetMs };
}

/** Moves the tenant's clock as `body` says (422 `validation_error` naming the field otherwise), then fires what fell due. */
export function moveClock(db: Database, tenants: Tenants, tenant: string, body: unknown): ClockView {
  const move = parse(moveBody, body ?? {});
  if ((move.advance === undefined) === (move.to === undefined))
    throw validationError([
      { field: move.advance === undefined ? 'advance' : 'to', message: 'Give advance (a duration such as 2h) or to (a date-time), exactly one' },
    ]);
  // The tenant's objects first: its clock is made with them (tenants.ts), and kept as long as they are.
  const { fired, clock } = db.unit(() => {
    const state = tenants.state(tenant);
    const { clock } = state;
    return during(clock, () => {
      if (move.advance !== undefined) clock.advance(durationMs(move.advance));
      else clock.moveTo(Date.parse(move.to!));
      return { clock, fired: { checkout_sessions_expired: expireDueSessions(state), payment_flows_expired: lapseDueAuthorizations(state) } };
    });
  });
  const webhook_deliveries = tenants.webhooks?.fireDue(clock) ?? 0;
  return { ...clockView(tenants, tenant), fired: { ...fired, webhook_deliveries } };
}
