// Webhook delivery: each event the sandbox creates is queued for every endpoint subscribed to its type and
// POSTed after the API request that caused it has been answered. Per endpoint, deliveries leave in order,
// `concurrency` at a time; a non-2xx answer, a timeout or a refused connection is retried on the schedule
// (contract-core/webhook-delivery.ts, our inference) and the delivery is marked failed after the last try.
// `pending_webhooks` on the event counts the endpoints that have not acknowledged it. Faults (a seeded draw
// per event and per delivery): lost events, dropped, duplicated, delayed and reordered deliveries.
import { shownUrl } from '../../contract-core/secret-url.ts';
import { random } from '../../contract-core/random.ts';
import type { SandboxClock } from '../state/clock.ts';
import type { SandboxEvent } from '../state/model.ts';
import { isoSecond } from '../state/ids.ts';
import { type DeliveryRecord, DeliveryLog } from './log.ts';
import type { DeliverySettings, ResolvedEndpoint } from './options.ts';
import { post } from './post.ts';

/** How long a delivery drawn for reordering waits for the next one to overtake it, at most (ms). */
const REORDER_HOLD_MS = 500;
/** Events whose deliveries the log keeps, at most. */
const LOGGED_EVENTS = 10_000;
/** Lost events the summary lists, newest first (all are counted). */
const REMEMBERED_LOST = 1_000;
/** XORed into the sandbox's seed: the webhook faults draw from a stream of their own. */
const STREAM = 0x5eb400c5;

/** One event for one endpoint: acknowledged once, whichever of its deliveries (a duplicate too) gets a 2xx. */
interface Subscription {
  event: SandboxEvent;
  /** Whose event it is: its deliveries are that tenant's log. */
  tenant: string;
  /** The clock of the event's tenant: its deliveries are dated, and their retries fall due, on its time. */
  clock: SandboxClock;
  /** The event's size as JSON (characters), counted against the queue's bound for each delivery of it. */
  chars: number;
  acknowledged: boolean;
  /** Writes the event's new `pending_webhooks` back to the store. */
  save(event: SandboxEvent): void;
}

interface Job {
  record: DeliveryRecord;
  queue: EndpointQueue;
  subscription: Subscription;
}

interface EndpointQueue {
  endpoint: ResolvedEndpoint;
  ready: Job[];
  inFlight: number;
  pumping: boolean;
  held: { job: Job; timer: NodeJS.Timeout } | undefined;
}

export interface LostEvent {
  id: string;
  type: string;
  resource_id: unknown;
}

export class WebhookDispatcher {
  readonly settings: DeliverySettings;
  readonly log = new DeliveryLog(LOGGED_EVENTS);
  readonly #queues: EndpointQueue[];
  readonly #draw: () => number;
  /** Deliveries waiting for a time (a retry, a delay): when they fall due on their clock, and what then. */
  readonly #timers = new Map<NodeJS.Timeout, { clock: SandboxClock; due: number; then: () => void }>();
  readonly #closing = new AbortController();
  /** Deliveries waiting (ready, delayed, held, between retries) or in flight, and the characters of their events. */
  #active = 0;
  #activeChars = 0;
  /** Deliveries recorded so far (dropped and refused ones too): their IDs are `whdl_1`, `whdl_2`…. */
  #delivered = 0;
  /** Lost events by tenant: how many, and the newest. */
  readonly #lost = new Map<string, { count: number; newest: LostEvent[] }>();
  /** The notes of a delivery refused because the queue is full, by count or by size (one string each, however many). */
  readonly #queueFull: string;
  readonly #queueHeavy: string;

  constructor(settings: DeliverySettings, seed: number | undefined) {
    this.settings = settings;
    this.#queues = settings.endpoints.map((endpoint) => ({ endpoint, ready: [], inFlight: 0, pumping: false, held: undefined }));
    this.#draw = random((seed ?? Date.now()) ^ STREAM);
    this.#queueFull = `not sent: ${settings.maxQueued} deliveries were already waiting`;
    this.#queueHeavy = `not sent: the deliveries waiting already held ${settings.maxQueuedChars} characters of events`;
  }

  /**
   * Called by State for each event about to be recorded; false when the event is lost (never created, as in
   * PAY.JP's incident). Sets `pending_webhooks` and queues the deliveries, which start after this turn;
   * `save` writes the event back when an acknowledgement changes it.
   */
  created(event: SandboxEvent, tenant: string, clock: SandboxClock, save: (event: SandboxEvent) => void): boolean {
    if (this.#roll(this.settings.lostEventRate)) {
      let lost = this.#lost.get(tenant);
      if (!lost) this.#lost.set(tenant, (lost = { count: 0, newest: [] }));
      lost.count += 1;
      lost.newest.push({ id: event.id, type: event.type, resource_id: event.data['id'] });
      if (lost.newest.length > REMEMBERED_LOST) lost.newest.shift();
      return false;
    }
    let subscribed = 0;
    let chars: number | undefined;
    for (const queue of this.#queues) {
      if (queue.endpoint.types && !queue.endpoint.types.has(event.type)) continue;
      subscribed += 1;
      chars ??= JSON.stringify(event).length;
      const subscription: Subscription = { event, tenant, clock, chars, acknowledged: false, save };
      if (this.#roll(this.settings.dropRate)) {
        this.#record(queue, subscription, null, 'dropped', 'dropped by the sandbox (drop rate): never sent, never retried');
        continue;
      }
      this.#start(queue, subscription, null);
      if (this.#roll(this.settings.duplicateRate)) this.#start(queue, subscription, 'duplicate');
    }
    event.pending_webhooks = subscribed;
    return true;
  }

  /** What is configured and what is going on (the lost events: the tenant's), for GET /sandbox/webhooks. */
  summary(tenant: string) {
    const { endpoints, timeoutMs, retryDelaysMs, concurrency, maxQueued, maxQueuedChars, ...faults } = this.settings;
    return {
      // The query string may hold a secret of the receiver's: shown as `?…`.
      endpoints: endpoints.map((endpoint) => ({ url: shownUrl(endpoint.url), types: endpoint.types ? [...endpoint.types] : null })),
      timeout_ms: timeoutMs,
      retry_delays_ms: retryDelaysMs,
      concurrency,
      max_queued: maxQueued,
      faults: {
        duplicate_rate: faults.duplicateRate,
        delay_ms: faults.delayMs,
        reorder_rate: faults.reorderRate,
        drop_rate: faults.dropRate,
        lost_event_rate: faults.lostEventRate,
      },
      active_deliveries: this.#active,
      max_queued_chars: maxQueuedChars,
      active_chars: this.#activeChars,
      lost_events: { count: this.#lost.get(tenant)?.count ?? 0, newest: this.#lost.get(tenant)?.newest.toReversed() ?? [] },
    };
  }

  /** Endpoints registered while running, by ID, and how many ever were. */
  readonly #ids = new Map<string, ResolvedEndpoint>();
  #registered = 0;

  /**
   * An endpoint registered while the sandbox runs (sandbox/http/webhook-endpoints.ts): it gets the events created
   * from now on, under the same timing and faults. Answers its ID, for removeEndpoint.
   */
  addEndpoint(endpoint: ResolvedEndpoint): string {
    this.#registered += 1;
    const id = `whep_${this.#registered}`;
    // The settings' list is this dispatcher's own (resolveWebhookOptions makes a new one each time): the summary lists it.
    (this.settings.endpoints as ResolvedEndpoint[]).push(endpoint);
    this.#queues.push({ endpoint, ready: [], inFlight: 0, pumping: false, held: undefined });
    this.#ids.set(id, endpoint);
    return id;
  }

  /** No new event goes to the registered endpoint (deliveries under way finish); false when no endpoint has that ID. */
  removeEndpoint(id: string): boolean {
    const endpoint = this.#ids.get(id);
    if (!endpoint) return false;
    this.#ids.delete(id);
    const endpoints = this.settings.endpoints as ResolvedEndpoint[];
    endpoints.splice(endpoints.indexOf(endpoint), 1);
    this.#queues.splice(
      this.#queues.findIndex((queue) => queue.endpoint === endpoint),
      1,
    );
    return true;
  }

  /** Stops every timer and aborts the attempts in flight. */
  close(): void {
    this.#closing.abort();
    for (const timer of this.#timers.keys()) clearTimeout(timer);
    this.#timers.clear();
    for (const queue of this.#queues) if (queue.held) clearTimeout(queue.held.timer);
  }

  #roll(rate: number): boolean {
    return rate > 0 && this.#draw() < rate;
  }

  #record(
    queue: EndpointQueue,
    subscription: Subscription,
    injected: DeliveryRecord['injected'],
    status: DeliveryRecord['status'],
    note: string | null,
  ): DeliveryRecord {
    const { event, tenant } = subscription;
    this.#delivered += 1;
    return this.log.add(
      {
        id: `whdl_${this.#delivered}`,
        event_id: event.id,
        event_type: event.type,
        endpoint: shownUrl(queue.endpoint.url),
        injected,
        status,
        attempts: [],
        next_attempt_at: null,
        note,
      },
      tenant,
    );
  }

  #start(queue: EndpointQueue, subscription: Subscription, injected: DeliveryRecord['injected']): void {
    if (this.#active >= this.settings.maxQueued || this.#activeChars + subscription.chars > this.settings.maxQueuedChars) {
      this.#record(queue, subscription, injected, 'failed', this.#active >= this.settings.maxQueued ? this.#queueFull : this.#queueHeavy);
      return;
    }
    this.#active += 1;
    this.#activeChars += subscription.chars;
    const job: Job = { record: this.#record(queue, subscription, injected, 'pending', null), queue, subscription };
    const delay = this.settings.delayMs > 0 ? this.#draw() * this.settings.delayMs : 0;
    const reorder = this.#roll(this.settings.reorderRate);
    if (delay > 0) this.#later(job, delay, () => this.#enqueue(job, reorder));
    else this.#enqueue(job, reorder);
  }

  /**
   * Sends now what has fallen due on `clock` (a test clock moved on, resources/time-travel.ts) rather than when its
   * timer would have: the number of deliveries so released.
   */
  fireDue(clock: SandboxClock): number {
    const at = clock.now();
    const due = [...this.#timers].filter(([, wait]) => wait.clock === clock && wait.due <= at).sort(([, a], [, b]) => a.due - b.due);
    for (const [timer, wait] of due) {
      clearTimeout(timer);
      this.#timers.delete(timer);
      wait.then();
    }
    return due.length;
  }

  #later(job: Job, ms: number, then: () => void): void {
    const { clock } = job.subscription;
    const due = clock.now() + ms;
    job.record.next_attempt_at = new Date(due).toISOString();
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      then();
    }, ms);
    this.#timers.set(timer, { clock, due, then });
  }

  /** Into the endpoint's line; one drawn for reordering waits there until the next one has gone ahead. */
  #enqueue(job: Job, reorder: boolean): void {
    const { queue } = job;
    const held = queue.held;
    if (held) {
      clearTimeout(held.timer);
      queue.held = undefined;
      queue.ready.push(job, held.job);
    } else if (reorder) {
      const timer = setTimeout(() => {
        queue.held = undefined;
        queue.ready.push(job);
        this.#pump(queue);
      }, REORDER_HOLD_MS);
      queue.held = { job, timer };
      return;
    } else queue.ready.push(job);
    this.#pump(queue);
  }

  /**
   * Starts what the endpoint's concurrency allows, on a later turn: never inside the API request's own. A
   * busy endpoint schedules nothing (its attempt in flight pumps when it ends), so that a slow endpoint does
   * not add an immediate to every request's turn.
   */
  #pump(queue: EndpointQueue): void {
    if (queue.pumping || queue.inFlight >= this.settings.concurrency) return;
    queue.pumping = true;
    setImmediate(() => {
      queue.pumping = false;
      while (queue.inFlight < this.settings.concurrency && queue.ready.length > 0 && !this.#closing.signal.aborted) void this.#attempt(queue.ready.shift()!);
    });
  }

  async #attempt(job: Job): Promise<void> {
    const { queue, record, subscription } = job;
    const { url, token } = queue.endpoint;
    queue.inFlight += 1;
    record.next_attempt_at = null;
    const sentAt = new Date(subscription.clock.now()).toISOString();
    const started = performance.now();
    const outcome = await post(url, token, JSON.stringify(subscription.event), this.settings.timeoutMs, this.#closing.signal);
    queue.inFlight -= 1;
    if (this.#closing.signal.aborted) return;
    const number = record.attempts.length + 1;
    const status = 'status' in outcome ? outcome.status : null;
    record.attempts.push({
      number,
      sent_at: sentAt,
      duration_ms: Math.round(performance.now() - started),
      http_status: status,
      error: 'error' in outcome ? outcome.error : status !== null && (status < 200 || status > 299) ? `answered ${status}` : null,
    });
    const retryIn = this.settings.retryDelaysMs[number - 1];
    if (status !== null && status >= 200 && status <= 299) {
      record.status = 'succeeded';
      this.#acknowledge(subscription);
      this.#done(subscription);
    } else if (retryIn !== undefined) this.#later(job, retryIn, () => this.#enqueue(job, false));
    else {
      record.status = 'failed';
      record.note = `no 2xx answer in ${number} attempts`;
      this.#done(subscription);
    }
    this.#pump(queue);
  }

  /** A delivery has ended: it leaves the queue's count and size. */
  #done(subscription: Subscription): void {
    this.#active -= 1;
    this.#activeChars -= subscription.chars;
  }

  #acknowledge(subscription: Subscription): void {
    if (subscription.acknowledged) return;
    subscription.acknowledged = true;
    subscription.event.pending_webhooks -= 1;
    subscription.event.updated_at = isoSecond(new Date(subscription.clock.now()));
    subscription.save(subscription.event);
  }
}
