// GET / POST /sandbox/clock and `sandbox.clock` of startSandbox: a tenant's test clock told or moved on, and
// what falls due as it moves fired at once, as real time would have: open checkout sessions past
// `expires_at` expire (with their `checkout.session.expired` events, dated at the expiry), authorizations
// held for capture lapse (`expired_at`), webhook retries and delayed deliveries due by then are sent.
import { ClockRefusal, DAY_MS } from '../state/clock.ts';
import { validationError } from './errors.ts';
import { expireDueSessions } from './checkout-sessions.ts';
import { lapseDueAuthorizations } from './payment-flows.ts';
import type { Database } from '../storage/database.ts';
import type { Tenants } from '../state/tenants.ts';
import { object, optional, parse, string } from './validate.ts';

/** How a clock moves: on by a duration (`2h`), or to a time (RFC 3339), exactly one of the two. */
export interface ClockMove {
  advance?: string;
  to?: string;
}

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: DAY_MS } as const;
/** A duration as `POST /sandbox/clock` takes it: whole units, `90s`, `2h`, `7d`, `1500ms`. */
const DURATION = /^(\d{1,12})(ms|s|m|h|d)$/;

/** A duration (`2h`) in ms, or a 422 naming `field`. */
export function durationMs(text: string, field = 'advance'): number {
  const match = DURATION.exec(text);
  if (!match) throw validationError([{ field, message: 'Input should be a duration: a whole number and a unit of ms, s, m, h or d (e.g. 2h)' }]);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
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
    try {
      if (move.advance !== undefined) clock.advance(durationMs(move.advance));
      else clock.moveTo(Date.parse(move.to!));
    } catch (error) {
      if (error instanceof ClockRefusal) throw validationError([{ field: error.field, message: error.message }]);
      throw error;
    }
    return { clock, fired: { checkout_sessions_expired: expireDueSessions(state), payment_flows_expired: lapseDueAuthorizations(state) } };
  });
  const webhook_deliveries = tenants.webhooks?.fireDue(clock) ?? 0;
  return { ...clockView(tenants, tenant), fired: { ...fired, webhook_deliveries } };
}
