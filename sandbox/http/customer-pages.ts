// The customer's side, which real PAY.JP runs in the browser: 3-D Secure and PayPay approval pages, the
// hosted checkout page, card entry for a setup flow, and report downloads. Plain GET pages under
// /sandbox/, without API key, that move the objects on as a customer would (see sandbox/README.md). Each
// is a unit of the store, answered once its writes are committed. With isolated keys a page acts on the
// objects of the tenant its URL names (`/tenants/<ref>/sandbox/…`, the URLs the API hands out), else on the
// one tenant holding the ID. Also routes the sandbox's own pages (webhook deliveries, status).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_CATALOG } from '../../generated/error-catalog.ts';
import { ApiError } from '../resources/errors.ts';
import { cardFromToken, completeCheckout, completeSetup } from '../resources/hosted-pages.ts';
import { completeAction } from '../resources/payment-flows.ts';
import { type State, TABLES } from '../state/state.ts';
import type { Database } from '../storage/database.ts';
import { SeveralHolders, type Tenants } from '../state/tenants.ts';
import { assign } from '../resources/common.ts';
import { statusPage } from './status.ts';
import { webhookPage } from './webhook-pages.ts';

/** A page's answer: text (plain unless said), or a redirect (303) when the page has somewhere to send the customer. */
interface Page {
  status: number;
  text: string;
  redirect?: string | null;
  type?: string;
}

function write(res: ServerResponse, { status, text, redirect, type = 'text/plain; charset=utf-8' }: Page): void {
  if (redirect) {
    res.writeHead(303, { location: redirect, 'content-type': type });
    return void res.end(`${text}\n`);
  }
  res.writeHead(status, { 'content-type': type });
  res.end(`${text}\n`);
}

export async function handleBrowser(
  db: Database,
  tenants: Tenants,
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  query: URLSearchParams,
  tenant: string | undefined,
): Promise<void> {
  const [, , kind = '', id = ''] = path.split('/');
  if (req.method !== 'GET') return write(res, { status: 405, text: 'Only GET is served here.' });
  if (kind === 'status') return statusPage(db, tenants, res);
  if (kind === 'webhooks') {
    const owner = tenant ?? (tenants.isolated ? undefined : tenants.tenantOf(''));
    const scope = owner === undefined ? undefined : { tenant: owner, event: (eventId: string) => db.unit(() => tenants.state(owner).events.get(eventId)) };
    return webhookPage(tenants.webhooks, scope, res, id, query);
  }
  const answer = db.unit(() => browse(tenants, kind, id, path, query, tenant));
  await db.committed();
  write(res, answer);
}

function browse(tenants: Tenants, kind: string, id: string, path: string, query: URLSearchParams, tenant: string | undefined): Page {
  const token = query.get('token') ?? 'tok_visa';
  try {
    switch (kind) {
      case 'three_d_secure':
      case 'paypay': {
        const state = tenants.holding(TABLES.paymentFlows, id, tenant);
        const flow = state && completeAction(state, id, query.get('result') !== 'failure');
        if (!flow) return { status: 404, text: `No payment flow waiting for the customer: ${id}` };
        return { status: 200, text: `Payment flow ${flow.id} is now ${flow.status}.`, redirect: flow.return_url };
      }
      case 'checkout':
        return checkout(tenants.holding(TABLES.checkoutSessions, id, tenant), id, token);
      case 'setup':
        return setup(tenants.holding(TABLES.setupFlows, id, tenant), id, token);
      case 'downloads':
        return { status: 200, text: `id,livemode\n${id.replace(/\.pdf$/, '')},false`, type: 'text/csv; charset=utf-8' };
      default:
        return { status: 404, text: `Nothing here: ${path}` };
    }
  } catch (error) {
    if (error instanceof SeveralHolders)
      return {
        status: 404,
        text: `Several keys hold ${id} (a seeded ID): open the URL the API handed out, which names your key's objects (/tenants/<ref>/sandbox/…; GET /sandbox/tenant with the key gives it).`,
      };
    if (error instanceof ApiError) return { status: 402, text: `${error.code}: ${error.message}` };
    // A sandbox bug: answered, as the API's handlers are, rather than crashing the server.
    console.error('sandbox: unexpected error', error);
    return { status: 500, text: ERROR_CATALOG.internal_server_error.detail };
  }
}

/** The customer pays (mode payment) or saves a card (mode setup) with the card of `token`. */
function checkout(state: State | undefined, id: string, token: string): Page {
  const session = state?.checkoutSessions.get(id);
  if (!state || session?.status !== 'open') return { status: 404, text: `No open checkout session: ${id}` };
  completeCheckout(state, session, token);
  return { status: 200, text: `Checkout session ${session.id} is complete.`, redirect: session.success_url };
}

/** The customer enters the card of `token` for a setup flow; a failing test card leaves the flow waiting. */
function setup(state: State | undefined, id: string, token: string): Page {
  const flow = state?.setupFlows.get(id);
  if (!state || !flow || (flow.status !== 'requires_payment_method' && flow.status !== 'requires_confirmation'))
    return { status: 404, text: `No setup flow waiting for a card: ${id}` };
  const method = cardFromToken(state, token, null);
  const outcome = state.cardOf.get(method.id)?.outcome;
  if (outcome === 'card_declined' || outcome === 'processing_error' || outcome === 'three_d_secure_failed') {
    assign(state, flow, { last_setup_error: { code: outcome, payment_method_id: method.id } });
    state.emit('setup_flow.setup_failed', flow);
    return { status: 402, text: `Setup flow ${flow.id} failed: ${outcome}.` };
  }
  completeSetup(state, flow, method);
  return { status: 200, text: `Setup flow ${flow.id} succeeded with ${method.id}.`, redirect: flow.return_url };
}
