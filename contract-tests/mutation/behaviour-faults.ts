// Behaviour faults: a server that acts wrongly while every answer keeps the contract's shape. Each is a
// switch of the faulty sandbox (faulty-sandbox.ts: a wrapper of one operation's handler), or a request
// rewritten by the proxy where that models the fault faithfully (a server that ignores the Idempotency-Key
// ≡ the key dropped before it arrives). Each fault says, from the bundle, whether an operation has the
// behaviour: a validation gap needs a documented 422, a broken state guard the code of that guard...
import { createHash } from 'node:crypto';
import type { Contract, Operation } from '../../contract-core/contract.ts';
import { ApiError } from '../../sandbox/resources/errors.ts';
import type { ApiRequest } from '../../sandbox/resources/route.ts';
import { nothingToInvalidate } from '../lib/provoke.ts';
import { onError, type Handle, type RouteIndex, type Wrapper } from './faulty-sandbox.ts';
import type { Rewrite } from './proxy.ts';

export interface BehaviourPlan {
  /** Handler wrappers by operationId (the fault may touch a second operation: a deleted object's GET). */
  wrappers?: Map<string, Wrapper>;
  /** A request rewritten before it reaches the server. */
  rewrite?: Rewrite;
  what: string;
  /** Why the mutant cannot be told from the correct server, when it cannot. */
  equivalent?: string;
}

export interface BehaviourFault {
  fault: string;
  family: string;
  /** Where the fault lives: a switch of the faulty sandbox, or the request-rewriting proxy. */
  how: 'faulty sandbox' | 'request-rewriting proxy';
  plan(contract: Contract, op: Operation): BehaviourPlan | string;
}

/** The codes of state and business rules: a guard that, switched off, lets a request through it must refuse. */
export const GUARD_CODES: ReadonlySet<string> = new Set([
  'invalid_status',
  'already_refunded',
  'refund_exceeds_payment',
  'payment_method_already_attached',
  'payment_method_already_detached',
  'payment_method_unattached',
  'product_has_prices',
  'already_exists_id',
  'detached_payment_method_not_usable',
  'payment_method_not_owned_by_customer',
  'payment_method_customer_mismatch',
  'missing_payment_method',
  'customer_required_for_payment_method',
  'invalid_default_price',
  'payment_method_type_not_allowed',
]);

const PAGE_PARAMS = new Set(['limit', 'starting_after', 'ending_before']);
const pathParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path');
const writes = (op: Operation): boolean => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
/** `/v2/x/{x_id}/capture` → `/v2/x/{x_id}`: the object the operation acts on. */
const objectTemplate = (op: Operation): string | undefined => /^(.*\{[^}]+\})/.exec(op.template)?.[1];
/** `/v2/x/{x_id}` → `/v2/x`: the collection listing it. */
const collectionTemplate = (template: string): string => template.replace(/\/\{[^}]+\}$/, '');
const lastParam = (template: string): string | undefined => /\{([^}]+)\}$/.exec(template)?.[1];
const one = (op: Operation, wrapper: Wrapper, what: string): BehaviourPlan => ({ wrappers: new Map([[op.operationId, wrapper]]), what });
const NO_INVALID_REQUEST =
  'no request can be invalid: neither a body nor query parameters, and path parameters that take any string (provoke.ts), so no 422 is ever answered to change';
/** A fault of the 422: `instead` answers the refused request (the fault has fired by then); equivalent where no request can break a constraint. */
function on422(
  contract: Contract,
  op: Operation,
  what: string,
  instead: (error: ApiError, handle: Handle, request: ApiRequest) => unknown,
): BehaviourPlan | string {
  if (!op.errors.includes('validation_error')) return 'documents no 422';
  const plan = one(
    op,
    (handle, request, fire) =>
      onError(new Set(['validation_error']), (error) => {
        fire();
        return instead(error, handle, request);
      })(() => handle(request)),
    what,
  );
  return ofInvalid(contract, op, plan);
}
/** A fault of the 422: equivalent where no request can break a constraint. */
const ofInvalid = (contract: Contract, op: Operation, plan: BehaviourPlan): BehaviourPlan =>
  nothingToInvalidate(contract.document, op) ? { ...plan, equivalent: NO_INVALID_REQUEST } : plan;
const withQuery = (request: ApiRequest, edit: (query: URLSearchParams) => void): ApiRequest => {
  const query = new URLSearchParams(request.query);
  edit(query);
  return { ...request, query };
};
/** The field a validation error names, as the top-level key of a body or a query parameter. */
const topOf = (field: string): string => field.split(/[.[]/)[0] ?? field;

/** The first object of a collection's list, or undefined. */
function firstOf(routes: RouteIndex, template: string, request: ApiRequest): string | undefined {
  const list = routes.get(template);
  if (!list) return undefined;
  const page = list.handle({ ...request, params: {}, query: new URLSearchParams('limit=1'), path: template, body: undefined }) as { data?: { id?: string }[] };
  return page.data?.[0]?.id;
}

/** Runs `handle` with the state's `emit` replaced (a method of the state, restored after: handlers are synchronous). */
function emitting(request: ApiRequest, emit: (original: Emit) => Emit, handle: () => unknown): unknown {
  const state = request.state as unknown as { emit: Emit };
  const original = state.emit.bind(state);
  state.emit = emit(original);
  try {
    return handle();
  } finally {
    delete (state as { emit?: unknown }).emit;
  }
}

/** A pagination fault: the wrapper of every list operation's handler. */
const listFault = (fault: string, what: string, wrapper: Wrapper): BehaviourFault => ({
  fault,
  family: 'pagination lies',
  how: 'faulty sandbox',
  plan: (_, op) => (op.isList ? one(op, wrapper, what) : 'not a list'),
});

type Emit = (type: string, resource: { id: string; object: string }) => unknown;
/** A fault of every write's events: the state's `emit` replaced by `emit(original)` (each call fires the fault). */
function eventFault(fault: string, what: string, emit: (original: Emit) => Emit): BehaviourFault {
  return {
    fault,
    family: 'event not created, or twice',
    how: 'faulty sandbox',
    plan: (_, op) =>
      op.method === 'get'
        ? 'a read changes nothing'
        : one(
            op,
            (handle, request, fire) =>
              emitting(
                request,
                (original) => {
                  const faulty = emit(original);
                  return (type, resource) => {
                    fire();
                    return faulty(type, resource);
                  };
                },
                () => handle(request),
              ),
            what,
          ),
  };
}

const digest = (body: Buffer | undefined): string =>
  createHash('sha256')
    .update(body ?? Buffer.alloc(0))
    .digest('hex');
const KEY_SHAPE = /^[A-Za-z0-9_-]{1,255}$/;

export const BEHAVIOUR_FAULTS: BehaviourFault[] = [
  {
    fault: 'validation-gap',
    family: 'validation gap',
    how: 'faulty sandbox',
    plan: (contract, op) =>
      on422(contract, op, 'an invalid request carried out without the invalid fields (2xx)', (error, handle, request) => {
        // A lenient server: the fields it would have refused are dropped, the rest carried out (2xx).
        const named = new Set((error.errors ?? []).map((e) => topOf(e.field)));
        const body = typeof request.body === 'object' && request.body !== null ? { ...(request.body as Record<string, unknown>) } : request.body;
        for (const field of named) if (typeof body === 'object' && body !== null) delete (body as Record<string, unknown>)[field];
        return handle({ ...withQuery(request, (q) => named.forEach((f) => q.delete(f))), body });
      }),
  },
  {
    fault: 'invalid-500',
    family: '500 on invalid input',
    how: 'faulty sandbox',
    plan: (contract, op) =>
      on422(contract, op, 'an invalid request answered 500', () => {
        throw new ApiError('internal_server_error');
      }),
  },
  {
    fault: 'null-body-as-empty',
    family: 'request body misread',
    how: 'request-rewriting proxy',
    plan: (_, op) =>
      op.requestBody?.required
        ? {
            // A server that reads the JSON `null` as an empty object where a body is required (the class
            // generation found, issue 27): the validator then judges `{}` instead of refusing `null`.
            rewrite: (request) => (request.body?.toString('utf8').trim() === 'null' ? { ...request, body: Buffer.from('{}') } : undefined),
            what: 'a body of JSON null read as {}',
          }
        : 'no required body',
  },
  {
    fault: 'idempotency-replay-duplicates',
    family: 'idempotency off',
    how: 'request-rewriting proxy',
    plan: (_, op) =>
      writes(op)
        ? {
            // A server that checks the key's shape but stores nothing under it: a replay is carried out again.
            rewrite: (request) => {
              const key = request.headers['idempotency-key'];
              if (key === undefined || !KEY_SHAPE.test(key)) return undefined;
              const { 'idempotency-key': _dropped, ...headers } = request.headers;
              return { ...request, headers };
            },
            what: 'every well-formed Idempotency-Key ignored: a replay carried out again',
          }
        : 'takes no Idempotency-Key',
  },
  {
    fault: 'idempotency-conflict-accepted',
    family: 'idempotency off',
    how: 'request-rewriting proxy',
    plan: (_, op) => {
      if (!writes(op)) return 'takes no Idempotency-Key';
      const seen = new Map<string, string>();
      return {
        // Replays work; another request under a used key is carried out as a new one instead of refused.
        rewrite: (request) => {
          const key = request.headers['idempotency-key'];
          if (key === undefined) return undefined;
          const mine = `${request.method} ${request.url.split('?')[0]} ${digest(request.body)}`;
          const first = seen.get(key);
          if (first === undefined) seen.set(key, mine);
          if (first === undefined || first === mine) return undefined;
          const { 'idempotency-key': _dropped, ...headers } = request.headers;
          return { ...request, headers };
        },
        what: 'another request under a used key carried out, not refused 409',
      };
    },
  },
  ...[...GUARD_CODES].map(
    (code): BehaviourFault => ({
      fault: `guard-off-${code}`,
      family: 'state machine broken',
      how: 'faulty sandbox',
      plan: (_, op) => {
        if (!op.errors.includes(code)) return `does not answer ${code}`;
        const object = objectTemplate(op);
        // A create has no object to answer with; the wrapper can only carry out a refusal of its amount, capped.
        if (!object && !(code === 'refund_exceeds_payment' && op.requestBody?.properties.includes('amount')))
          return 'a create refused by its own check, not of its amount: no object to answer with (the wrapper cannot carry out the create past the handler)';
        return one(
          op,
          (handle, request, fire, routes) =>
            onError(new Set([code]), (error) => {
              // The guard's refusal becomes a success: the object the path names, as it is; without one, the
              // handler again without the amount (a refund capped instead of refused).
              const get = object ? routes.get(object) : undefined;
              if (get) {
                fire();
                return get.handle({ ...request, body: undefined, path: object! });
              }
              const body = request.body as Record<string, unknown> | undefined;
              if (!body || typeof body['amount'] !== 'number') throw error;
              const { amount: _capped, ...lenient } = body;
              fire();
              return handle({ ...request, body: lenient });
            })(() => handle(request)),
          `${code} not enforced: the request answered 2xx`,
        );
      },
    }),
  ),
  listFault('list-has-more-wrong', 'has_more the opposite of the truth', (handle, request, fire) => {
    const page = handle(request) as { has_more: boolean; data: unknown[] };
    fire();
    return { ...page, has_more: !page.has_more };
  }),
  listFault('list-cursor-ignored', 'a known cursor ignored: the first page again', (handle, request, fire) => {
    const page = handle(request); // the cursor is still checked (an unknown one is refused)
    if (!request.query.has('starting_after') && !request.query.has('ending_before')) return page;
    fire();
    return handle(
      withQuery(request, (q) => {
        q.delete('starting_after');
        q.delete('ending_before');
      }),
    );
  }),
  listFault('list-item-twice', 'the page after a cursor begins with the cursor object (an item on two pages)', (handle, request, fire) => {
    const page = handle(request) as { has_more: boolean; data: { id: string }[] };
    const cursor = request.query.get('starting_after');
    if (cursor === null) return page;
    // Off by one: the page after the cursor starts with the cursor's own object.
    const whole = handle(withQuery(request, (q) => (q.delete('starting_after'), q.set('limit', '100')))) as { data: { id: string }[] };
    const at = whole.data.findIndex((item) => item.id === cursor);
    if (at < 0) return page;
    fire();
    return { ...page, data: whole.data.slice(at, at + page.data.length + (page.data.length === 0 ? 1 : 0)) };
  }),
  {
    fault: 'list-filter-ignored',
    family: 'list filter ignored',
    how: 'faulty sandbox',
    plan: (_, op) => {
      const filters = op.parameters.filter((p) => p.in === 'query' && !PAGE_PARAMS.has(p.name)).map((p) => p.name);
      if (!op.isList || filters.length === 0) return 'no filter';
      return one(
        op,
        (handle, request, fire) => {
          if (!filters.some((f) => request.query.has(f))) return handle(request);
          handle(request); // the filter's value is still checked
          fire();
          return handle(withQuery(request, (q) => filters.forEach((f) => q.delete(f))));
        },
        `the filters ${filters.join(', ')} checked, then ignored`,
      );
    },
  },
  {
    fault: 'deleted-still-found',
    family: 'deleted object still found',
    how: 'faulty sandbox',
    plan: (contract, op) => {
      if (op.method !== 'delete') return 'not a delete';
      const read = contract.operations.find((other) => other.method === 'get' && other.template === op.template);
      if (!read) return 'no GET of the deleted object';
      const gone = new Map<string, unknown>();
      const param = lastParam(op.template);
      return {
        wrappers: new Map<string, Wrapper>([
          [
            op.operationId,
            (handle, request, _fire, routes) => {
              const before = routes.get(op.template)?.handle({ ...request, body: undefined });
              const answer = handle(request);
              if (param && request.params[param]) gone.set(request.params[param], before);
              return answer;
            },
          ],
          [
            read.operationId,
            (handle, request, fire) =>
              onError(new Set(['not_found']), (error) => {
                const kept = param ? gone.get(request.params[param] ?? '') : undefined;
                if (kept === undefined) throw error;
                fire();
                return kept;
              })(() => handle(request)),
          ],
        ]),
        what: `a deleted object still answered by ${read.operationId}`,
      };
    },
  },
  eventFault('event-missing', 'the events of a change never created', () => (type, resource) => ({ object: 'event', type, data: resource })),
  eventFault('event-twice', 'every event of a change created twice', (original) => (type, resource) => {
    original(type, resource);
    return original(type, resource);
  }),
  {
    fault: 'not-found-when-exists',
    family: '404 where the object exists, or the reverse',
    how: 'faulty sandbox',
    plan: (_, op) =>
      pathParams(op).length > 0 && op.errors.includes('not_found')
        ? one(
            op,
            (handle, request, fire, routes) => {
              // The object exists (its GET answers: else the real 404), and nothing is carried out.
              const object = objectTemplate(op);
              const get = object ? routes.get(object) : undefined;
              if (get) get.handle({ ...request, body: undefined, path: object! });
              else handle(request);
              fire();
              throw new ApiError('not_found', `No such object: ${Object.values(request.params).at(-1) ?? ''}`);
            },
            'an existing object answered 404',
          )
        : 'no path ID',
  },
  {
    fault: 'found-when-missing',
    family: '404 where the object exists, or the reverse',
    how: 'faulty sandbox',
    plan: (contract, op) => {
      const object = objectTemplate(op);
      const param = object ? lastParam(object) : undefined;
      if (!object || !param || !op.errors.includes('not_found')) return 'no path ID';
      const collection = collectionTemplate(object);
      if (!contract.operations.some((other) => other.isList && other.template === collection)) return `no list at ${collection} to take another object from`;
      return one(
        op,
        (handle, request, fire, routes) =>
          onError(new Set(['not_found']), (error) => {
            // An unknown ID answered with another object: the first of the collection's list.
            const other = firstOf(routes, collectionTemplate(object), request);
            if (!other || other === request.params[param]) throw error;
            fire();
            return handle({ ...request, params: { ...request.params, [param]: other } });
          })(() => handle(request)),
        'an unknown ID answered with another object (2xx)',
      );
    },
  },
];
