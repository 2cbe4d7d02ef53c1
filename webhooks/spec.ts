// The webhooks of the contract, read from the bundle (generated/openapi.json): for each documented event
// type its payload schema (compiled with ajv, once per bundle), its examples, and the header that carries the webhook token;
// plus the types of the events (generated/api.d.ts).
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { BUNDLE_FILE as BUNDLE } from '../contract-core/files.ts';
import { compiledSchemas } from '../contract-core/compiled-schemas.ts';
import type { components, webhooks } from '../generated/api.d.ts';

export type WebhookType = keyof webhooks;
type PayloadOf<T> = T extends { post: { requestBody: { content: { 'application/json': infer Payload } } } } ? Payload : never;
/** A documented event: its `type` tells which, and `data` has that type's resource. */
export type WebhookEvent = { [T in WebhookType]: PayloadOf<webhooks[T]> }[WebhookType];
/** Any event, of a documented type or not. */
export type Event = components['schemas']['Event'];

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface WebhookSpec {
  type: WebhookType;
  validate: ValidateFunction;
  /** The spec's examples of the payload, by name. */
  examples: Record<string, Node>;
}

export interface Webhooks {
  byType: ReadonlyMap<string, WebhookSpec>;
  /** Any event (the Event schema), for types the spec does not document. */
  validateEvent: ValidateFunction;
  /** The header of the webhook token, lower case, as the spec names it. */
  tokenHeader: string;
}

/** `#/a/b` inside the bundle, followed until a non-reference. */
function resolve(document: Node, node: unknown): Node {
  let current = node;
  for (let hops = 0; isNode(current) && typeof current['$ref'] === 'string'; hops += 1) {
    const ref = current['$ref'];
    if (hops > 20 || !ref.startsWith('#/')) throw new Error(`${BUNDLE}: cannot follow ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((at, key) => (isNode(at) ? at[key] : undefined), document);
  }
  if (!isNode(current)) throw new Error(`${BUNDLE}: a reference leads to nothing`);
  return current;
}

let loaded: Webhooks | undefined;

/**
 * The webhooks of the committed bundle, once per process; their schemas compiled once per bundle
 * (contract-core/compiled-schemas.ts: the package ships them, else node_modules/.cache, or `cacheDir`).
 */
export function loadWebhooks(options: { cacheDir?: string } = {}): Webhooks {
  return (loaded ??= readWebhooks(JSON.parse(readFileSync(BUNDLE, 'utf8')) as Node, options.cacheDir));
}

/** Any event's schema, for a type the spec does not document. */
const EVENT_SCHEMA = { $ref: '#/components/schemas/Event' };

function readWebhooks(document: Node, cacheDir: string | undefined): Webhooks {
  const found: { type: WebhookType; schema: unknown; examples: Record<string, Node> }[] = [];
  const headers = new Set<string>();
  for (const [type, item] of Object.entries(isNode(document['webhooks']) ? document['webhooks'] : {})) {
    const where = `${BUNDLE}: webhook ${type}`;
    const post = resolve(document, resolve(document, item)['post']);
    const media = resolve(document, post['requestBody'])['content'];
    const json = isNode(media) ? media['application/json'] : undefined;
    if (!isNode(json)) throw new Error(`${where} has no application/json request body`);
    for (const parameter of Array.isArray(post['parameters']) ? post['parameters'] : []) {
      const resolved = resolve(document, parameter);
      if (resolved['in'] === 'header' && typeof resolved['name'] === 'string') headers.add(resolved['name'].toLowerCase());
    }
    const examples = Object.fromEntries(
      Object.entries(isNode(json['examples']) ? json['examples'] : {}).map(([name, example]) => [name, resolve(document, resolve(document, example)['value'])]),
    );
    found.push({ type: type as WebhookType, schema: json['schema'], examples });
  }
  if (found.length === 0) throw new Error(`${BUNDLE}: no webhooks`);
  if (headers.size !== 1) throw new Error(`${BUNDLE}: the webhooks should name one header (the webhook token), not ${[...headers].join(', ') || 'none'}`);
  const { validators } = compiledSchemas(document, [...found.map(({ schema }) => JSON.stringify(schema)), JSON.stringify(EVENT_SCHEMA)], {
    verbose: false,
    ...(cacheDir === undefined ? {} : { dirs: [cacheDir] }),
    nameOf: (index) => (index < found.length ? `${BUNDLE}: webhook ${found[index]!.type}` : `${BUNDLE}: the Event schema`),
  });
  const byType = new Map(found.map(({ type, examples }, index) => [type, { type, validate: validators[index]!, examples }]));
  return { byType, validateEvent: validators[found.length]!, tokenHeader: [...headers][0]! };
}
