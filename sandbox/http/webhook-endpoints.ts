// Webhook endpoints registered while the sandbox runs, for a receiver whose port is known only once a test has
// started it (the sandbox itself started earlier, in a test runner's global setup):
//   POST   /sandbox/webhooks/endpoints        {"url": …, "token"?: …, "types"?: […]}  → 201 {"id": "whep_1", …}
//   DELETE /sandbox/webhooks/endpoints/whep_1                                         → 200
// with a secret test key, as POST /sandbox/reset takes; or from code, the handle's addWebhookEndpoint and
// removeWebhookEndpoint. The URL goes through the rule of every tool that sends a secret (https, or http to
// this machine: contract-core/secret-url.ts), then the checks of the `webhooks` option. The endpoint gets
// the events created from then on, with the timing and faults the sandbox was started with.
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { authenticate } from '../../contract-core/credentials.ts';
import { readBodyBytes } from '../../contract-core/request-body.ts';
import { secretUrl, shownUrl } from '../../contract-core/secret-url.ts';
import type { Shared } from '../state/state.ts';
import { WebhookDispatcher } from '../webhooks/dispatcher.ts';
import { type WebhookEndpoint, type WebhookOptions, resolveWebhookOptions } from '../webhooks/options.ts';
import { json } from './webhook-pages.ts';

export const ENDPOINTS_PATH = '/sandbox/webhooks/endpoints';

export interface EndpointRegistry {
  /** Registers the endpoint, or throws an Error naming what is wrong with it; answers its ID. */
  add(endpoint: WebhookEndpoint): string;
  /** False when no registered endpoint has that ID. */
  remove(id: string): boolean;
}

/** Registration against the sandbox's delivery, which starts with the first endpoint when none was configured. */
export function endpointRegistry(shared: Shared, options: WebhookOptions | undefined, seed: number | undefined): EndpointRegistry {
  return {
    add(endpoint) {
      if (typeof endpoint?.url !== 'string') throw new Error('url is required: the http(s) URL of your receiver');
      if (endpoint.token !== undefined && typeof endpoint.token !== 'string') throw new Error('token must be a string');
      if (endpoint.types !== undefined && !Array.isArray(endpoint.types)) throw new Error('types must be a list of event types (leave it out for every event)');
      secretUrl(endpoint.url, 'url', 'the webhook token');
      let resolved: ReturnType<typeof resolveWebhookOptions>;
      try {
        resolved = resolveWebhookOptions({ ...options, endpoints: [endpoint] });
      } catch (error) {
        throw new Error((error as Error).message.replace(/^sandbox: (webhooks\.endpoints\[0\]\.|webhooks\.)/, ''));
      }
      shared.webhooks ??= new WebhookDispatcher({ ...resolved, endpoints: [] }, seed);
      return shared.webhooks.addEndpoint(resolved.endpoints[0]!);
    },
    remove: (id) => shared.webhooks?.removeEndpoint(id) ?? false,
  };
}

/** The sandbox's request listener, with the two registration routes in front of it. */
export function withEndpointRoutes(app: RequestListener, registry: EndpointRegistry): RequestListener {
  return (req, res) => {
    const url = req.url ?? '';
    if (url !== ENDPOINTS_PATH && !url.startsWith(`${ENDPOINTS_PATH}/`)) return app(req, res);
    route(req, res, registry, url.slice(ENDPOINTS_PATH.length + 1)).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { error: `sandbox: ${(error as Error).message}` });
    });
  };
}

async function route(req: IncomingMessage, res: ServerResponse, registry: EndpointRegistry, id: string): Promise<void> {
  const bytes = await readBodyBytes(req);
  const credentials = authenticate(req.headersDistinct['authorization']);
  if (!credentials.ok || credentials.publishable)
    return json(res, 401, {
      error: credentials.ok ? 'A publishable key cannot register webhook endpoints: use a secret key (sk_test_…).' : credentials.detail,
    });
  if (req.method === 'DELETE' && id !== '') {
    if (!registry.remove(id)) return json(res, 404, { error: `No registered webhook endpoint ${id}.` });
    return json(res, 200, { id, deleted: true });
  }
  if (req.method !== 'POST' || id !== '')
    return json(res, 405, { error: `POST ${ENDPOINTS_PATH} registers an endpoint; DELETE ${ENDPOINTS_PATH}/<id> removes one.` });
  let endpoint: WebhookEndpoint;
  try {
    if (bytes === 'too-large') throw new Error('the body is too large');
    endpoint = JSON.parse(bytes.toString('utf8')) as WebhookEndpoint;
    if (endpoint === null || typeof endpoint !== 'object' || Array.isArray(endpoint)) throw new Error('the body must be a JSON object');
  } catch (error) {
    return json(res, 400, { error: `Send {"url": …, "token": …, "types"?: […]} as JSON: ${(error as Error).message}` });
  }
  try {
    const registered = registry.add(endpoint);
    json(res, 201, { id: registered, url: shownUrl(endpoint.url), types: endpoint.types ?? null });
  } catch (error) {
    json(res, 400, { error: (error as Error).message });
  }
}
