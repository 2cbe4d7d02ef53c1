// The delivery log: every delivery of every event (attempts, status, duration, next try), kept for the
// newest `maxEvents` events so that a long-running sandbox does not grow without bound.

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

export class DeliveryLog {
  readonly #byEvent = new Map<string, DeliveryRecord[]>();
  /** Event IDs oldest first from `#oldest` on: the order to forget them in. */
  #order: string[] = [];
  #oldest = 0;
  readonly #maxEvents: number;

  constructor(maxEvents: number) {
    this.#maxEvents = maxEvents;
  }

  add(record: DeliveryRecord): DeliveryRecord {
    let records = this.#byEvent.get(record.event_id);
    if (!records) {
      records = [];
      this.#byEvent.set(record.event_id, records);
      this.#order.push(record.event_id);
      // Not the Map's first key: after many deletions, reaching it walks every deleted entry (measured).
      if (this.#byEvent.size > this.#maxEvents) this.#byEvent.delete(this.#order[this.#oldest++]!);
      if (this.#oldest >= this.#maxEvents) {
        this.#order = this.#order.slice(this.#oldest);
        this.#oldest = 0;
      }
    }
    records.push(record);
    return record;
  }

  /** The deliveries of one event, in the order they were made. */
  of(eventId: string): readonly DeliveryRecord[] {
    return this.#byEvent.get(eventId) ?? [];
  }

  /** The `limit` newest deliveries, newest first. */
  recent(limit: number): DeliveryRecord[] {
    const out: DeliveryRecord[] = [];
    const events = [...this.#byEvent.values()];
    for (let i = events.length - 1; i >= 0 && out.length < limit; i -= 1) {
      const records = events[i]!;
      for (let j = records.length - 1; j >= 0 && out.length < limit; j -= 1) out.push(records[j]!);
    }
    return out;
  }
}
