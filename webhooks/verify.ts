// For a merchant's receiver (and its tests): checks an incoming webhook request, its token first, then its
// payload against the spec (the event type's schema, or the Event schema for a type the spec does not
// document), and returns the typed event. A request that fails is refused with the status to answer.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { type Event, type WebhookEvent, loadWebhooks } from './spec.ts';

export interface IncomingWebhook {
  /** The request's headers: a Fetch `Headers` or Node's `req.headers`. */
  headers: Headers | Record<string, string | readonly string[] | undefined>;
  /** The body as received (text or bytes), or already parsed from JSON. */
  body: unknown;
}

/** A documented event (narrow it by `type`), or one of a type the spec does not list: acknowledge and ignore it. */
export type VerifiedWebhook = { known: true; event: WebhookEvent } | { known: false; event: Event };

/** The request is not a webhook to act on; answer `status` (401: the token; 400: the payload). */
export class WebhookRejected extends Error {
  readonly status: 400 | 401;
  readonly problems: readonly string[];

  constructor(status: 400 | 401, message: string, problems: readonly string[] = []) {
    super(problems.length === 0 ? message : `${message}: ${problems.join('; ')}`);
    this.name = 'WebhookRejected';
    this.status = status;
    this.problems = problems;
  }
}

const webhooks = loadWebhooks();

function headerValues(headers: IncomingWebhook['headers'], name: string): readonly string[] {
  if (headers instanceof Headers) {
    const value = headers.get(name);
    return value === null ? [] : [value];
  }
  const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return entry === undefined ? [] : typeof entry === 'string' ? [entry] : entry;
}

/** Compares digests, whose length is fixed, so that the time taken says nothing about the token. */
const sameToken = (given: string, expected: string): boolean =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

function parse(body: unknown): unknown {
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) return body;
  try {
    const text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new WebhookRejected(400, 'The body is not JSON', [(error as Error).message]);
  }
}

const describe = (errors: readonly ErrorObject[] | null | undefined): string[] =>
  (errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? error.keyword}`);

/**
 * Checks `X-Payjp-Webhook-Token` against `token` (your account's webhook token), then the payload against
 * the spec. Throws WebhookRejected (answer its `status`); returns the event, typed by its `type`.
 */
export function verifyWebhook(request: IncomingWebhook, options: { token: string }): VerifiedWebhook {
  if (typeof options.token !== 'string' || options.token === '') throw new TypeError('verifyWebhook: give the webhook token of your account as options.token');
  const given = headerValues(request.headers, webhooks.tokenHeader);
  if (given.length !== 1 || !sameToken(given[0]!, options.token))
    throw new WebhookRejected(401, given.length === 0 ? `No ${webhooks.tokenHeader} header` : `The ${webhooks.tokenHeader} header is not your webhook token`);
  const payload = parse(request.body);
  const type = typeof payload === 'object' && payload !== null ? (payload as { type?: unknown }).type : undefined;
  const spec = typeof type === 'string' ? webhooks.byType.get(type) : undefined;
  const validate = spec?.validate ?? webhooks.validateEvent;
  if (!validate(payload))
    throw new WebhookRejected(400, `The payload is not ${spec ? `a ${spec.type} event` : 'an event'} as the spec describes it`, describe(validate.errors));
  return spec ? { known: true, event: payload as WebhookEvent } : { known: false, event: payload as Event };
}
