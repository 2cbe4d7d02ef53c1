// The delivery log: every delivery of every event (attempts, status, duration, next try), kept for the
// newest events only, so that a long-running sandbox does not grow without bound.

export interface AttemptRecord {
  number: number;
  sent_at: string;
  duration_ms: number;
  /** The endpoint's status, or null when it gave none (timeout, refused connection). */
  http_status: number | null;
  error: string | null;
}

export interface DeliveryRecord {
  id: string;
  event_id: string;
  event_type: string;
  endpoint: string;
  /** `duplicate`: a second delivery of the event the sandbox added (SANDBOX_WEBHOOK_DUPLICATE_RATE). */
  injected: 'duplicate' | null;
  /** pending: tried again later; succeeded: acknowledged with 2xx; failed: given up; dropped: never sent (a fault). */
  status: 'pending' | 'succeeded' | 'failed' | 'dropped';
  attempts: AttemptRecord[];
  next_attempt_at: string | null;
  /** Why a delivery failed or was dropped without an attempt. */
  note: string | null;
}

/** One event's deliveries, and the tenant whose event it is (its log is that key's: never shown to another). */
interface Logged {
  tenant: string;
  records: DeliveryRecord[];
}

/**
 * The deliveries of the newest events: two generations of `maxEvents / 2` events each; when the newer one is
 * full, the older one is forgotten whole. Nothing is deleted one by one (a Map's deleted entries are walked
 * again by later lookups of its first key, and retained records cost collections: measured on the bench).
 * Events are told apart by tenant too: seeded IDs are the same in every tenant of isolated keys.
 */
export class DeliveryLog {
  #current = new Map<string, Logged>();
  #previous = new Map<string, Logged>();
  readonly #generation: number;

  constructor(maxEvents: number) {
    this.#generation = Math.max(1, Math.floor(maxEvents / 2));
  }

  add(record: DeliveryRecord, tenant: string): DeliveryRecord {
    const key = `${tenant}/${record.event_id}`;
    let logged = this.#current.get(key) ?? this.#previous.get(key);
    if (!logged) {
      if (this.#current.size >= this.#generation) {
        this.#previous = this.#current;
        this.#current = new Map();
      }
      logged = { tenant, records: [] };
      this.#current.set(key, logged);
    }
    logged.records.push(record);
    return record;
  }

  /** The deliveries of one event of the tenant, in the order they were made. */
  of(eventId: string, tenant: string): readonly DeliveryRecord[] {
    const key = `${tenant}/${eventId}`;
    return (this.#current.get(key) ?? this.#previous.get(key))?.records ?? [];
  }

  /** The tenant's `limit` newest deliveries, newest first. */
  recent(limit: number, tenant: string): DeliveryRecord[] {
    const out: DeliveryRecord[] = [];
    const events = [...this.#previous.values(), ...this.#current.values()];
    for (let i = events.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const { tenant: owner, records } = events[i]!;
      if (owner !== tenant) continue;
      for (let j = records.length - 1; j >= 0 && out.length < limit; j -= 1) out.push(records[j]!);
    }
    return out;
  }
}
