// Cases about behaviour, not shape, derived from the document like the others, run on a stateful target:
// - a replay: the same write twice under one Idempotency-Key answers the first answer again, marked
//   `Idempotent-Replayed: true` (IdempotencyKey's description), without a second object or a second event;
// - pagination: pages of one object agree with one page of them all (`has_more`, `starting_after`: the
//   list envelope's and the cursor's descriptions);
// - filters: a list filtered by a field of its objects holds exactly the objects with that value.
// The answers they read first are sent by the run's client (not validated: the request under test is).
import { type Operation, fillPath } from '../../../contract-core/contract.ts';
import { newIdempotencyKey, type Exchange } from '../client.ts';
import { Skip, successStatus, type RequestParts, type Run, type Step } from '../step.ts';
import type { CaseContext } from './context.ts';

type Body = Record<string, unknown>;
interface Item {
  id?: unknown;
  type?: unknown;
  data?: unknown;
  [field: string]: unknown;
}

const PAGE_PARAMS = new Set(['limit', 'starting_after', 'ending_before']);
const takesKey = (op: Operation): boolean => op.parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');

async function get(run: Run, path: string, query: Record<string, string | number>): Promise<Body> {
  const { response } = await run.client.send({ method: 'get', path, query });
  if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.text.slice(0, 200)}`);
  return JSON.parse(response.text) as Body;
}
const itemsOf = (page: Body): Item[] => (Array.isArray(page['data']) ? (page['data'] as Item[]) : []);
const listPath = (run: Run, operationId: string): string | undefined => {
  const op = run.contract.operations.find((o) => o.operationId === operationId);
  return op ? fillPath(op, {}) : undefined;
};

/** The events whose resource is `id` (none when the target lists no events). */
async function eventsOf(run: Run, id: unknown): Promise<Item[]> {
  const path = listPath(run, 'getAllEvents');
  return typeof id === 'string' && path ? itemsOf(await get(run, path, { resource_id: id, limit: 100 })) : [];
}

/** New events of one request that record the same change twice (two of one type). */
function repeatedEvents(events: readonly Item[]): string[] {
  const out: string[] = [];
  events.forEach((event, i) => {
    const twin = events.slice(i + 1).find((other) => other.type === event.type);
    if (twin) out.push(`one request created events ${String(event.id)} and ${String(twin.id)}, both ${String(event.type)}`);
  });
  return out;
}

/** What a behaviour case is made of: its request from the success's, and its check of the answer. */
interface Behaviour extends Omit<Step, 'operation' | 'expectedStatus' | 'needsState' | 'request' | 'check'> {
  /** The status the request under test must answer: the success's unless said. */
  expectedStatus?: number;
  request(run: Run, success: RequestParts): Promise<RequestParts>;
  check(body: unknown, exchange: Exchange): string[];
}

/**
 * A case run for real on a stateful target. On a stateless one it is the success's request, in shape only,
 * and not checked: there is nothing to compare.
 */
function onState(ctx: CaseContext, behaviour: Behaviour): Step {
  let live = false;
  return {
    ...behaviour,
    operation: ctx.op,
    expectedStatus: behaviour.expectedStatus ?? successStatus(ctx.op),
    needsState: true,
    request: async (run) => {
      live = run.target.stateful;
      const success = await ctx.successRequest(run);
      return live ? behaviour.request(run, success) : success;
    },
    check: (body, exchange) => (live ? behaviour.check(body, exchange) : []),
  };
}

export function behaviourCases(ctx: CaseContext): Step[] {
  const { op } = ctx;
  const steps: Step[] = [];
  if (takesKey(op)) {
    let first: { status: number; body: Body } | undefined;
    let events: Item[] = [];
    steps.push(
      onState(ctx, {
        name: 'replay: same key, same request',
        note: 'a stateless mock keeps no idempotency keys',
        expects: {
          rule: 'a replay answers the first answer with Idempotent-Replayed: true, and makes no second object; a request makes no event twice',
          evidence: {
            source: 'inferred',
            reason:
              'IdempotencyKey\'s description: "the first response is replayed (with Idempotent-Replayed: true)"; the header is our reading of how the replay is marked, PAY.JP publishes the replay',
          },
        },
        request: async (run, parts) => {
          const key = newIdempotencyKey();
          const params = parts.params ?? {};
          // The events of the object the path names, before: those the request creates are the others after.
          const before = new Set((await eventsOf(run, Object.values(params).at(-1))).map((e) => e.id));
          try {
            const { response } = await run.client.send({
              method: op.method,
              path: fillPath(op, params),
              headers: { ...parts.headers, 'idempotency-key': key },
              ...(parts.body !== undefined ? { body: parts.body } : {}),
            });
            if (response.status >= 300) throw new Error(`the first request under the key answered ${response.status}: ${response.text.slice(0, 200)}`);
            first = { status: response.status, body: JSON.parse(response.text) as Body };
            events = (await eventsOf(run, first.body['id'])).filter((e) => !before.has(e.id));
          } finally {
            await parts.after?.();
          }
          return { params, headers: { ...parts.headers, 'idempotency-key': key }, ...(parts.body !== undefined ? { body: parts.body } : {}) };
        },
        check: (body, exchange) => {
          const problems = [...repeatedEvents(events)];
          if (exchange.response.headers.get('idempotent-replayed') !== 'true')
            problems.push(`the replay has no Idempotent-Replayed: true (got ${JSON.stringify(exchange.response.headers.get('idempotent-replayed'))})`);
          const id = (body as Body | undefined)?.['id'];
          if (first && id !== first.body['id']) problems.push(`the replay answered another object (${String(id)}, first ${String(first.body['id'])})`);
          return problems;
        },
      }),
    );
  }
  if (op.method === 'delete' && !takesKey(op) && op.errors.includes('not_found')) {
    // A delete takes no key, so it has no replay case to read its events: it is sent once by the case, its
    // events read, and the request under test deletes the same object again.
    let events: Item[] = [];
    steps.push(
      onState(ctx, {
        name: 'delete twice: the first makes no event twice, the second answers 404',
        expectedStatus: 404,
        expectedCode: 'not_found',
        note: 'a stateless mock keeps no objects',
        expects: {
          rule: 'a request makes no event twice',
          evidence: { source: 'inferred', reason: 'Event.type: one event records one thing that happened; PAY.JP publishes no rule on how many' },
        },
        request: async (run, parts) => {
          const params = parts.params ?? {};
          const id = Object.values(params).at(-1);
          const before = new Set((await eventsOf(run, id)).map((e) => e.id));
          try {
            const { response } = await run.client.send({ method: op.method, path: fillPath(op, params), ...(parts.headers ? { headers: parts.headers } : {}) });
            if (response.status >= 300) throw new Error(`the first delete answered ${response.status}: ${response.text.slice(0, 200)}`);
            events = (await eventsOf(run, id)).filter((e) => !before.has(e.id));
          } finally {
            await parts.after?.();
          }
          return { params, ...(parts.headers ? { headers: parts.headers } : {}) };
        },
        check: () => repeatedEvents(events),
      }),
    );
  }
  if (op.isList && op.errors.includes('resource_missing')) {
    let whole: Body = {};
    let firstPage: Body = {};
    steps.push(
      onState(ctx, {
        name: 'pagination: pages of one agree with the whole list',
        note: 'a stateless mock answers fixed examples',
        request: async (run, parts) => {
          const path = fillPath(op, parts.params ?? {});
          whole = await get(run, path, { limit: 100 });
          firstPage = await get(run, path, { limit: 1 });
          const cursor = itemsOf(firstPage)[0]?.id;
          if (typeof cursor !== 'string') return { ...parts, query: { limit: 1 } };
          return { ...parts, query: { limit: 1, starting_after: cursor } };
        },
        check: (body) => {
          const all = itemsOf(whole);
          const next = itemsOf((body ?? {}) as Body);
          const problems: string[] = [];
          const complete = whole['has_more'] === false;
          if (all.length < 100 && whole['has_more'] !== false) problems.push(`has_more is ${String(whole['has_more'])} on a page of ${all.length} < limit 100`);
          if (complete && firstPage['has_more'] !== all.length > 1)
            problems.push(`the first page of 1 says has_more ${String(firstPage['has_more'])}, with ${all.length} objects in all`);
          if (itemsOf(firstPage)[0]?.id !== all[0]?.id)
            problems.push(`the first page of 1 begins with ${String(itemsOf(firstPage)[0]?.id)}, the whole list with ${String(all[0]?.id)}`);
          if (all.length === 1 && next.length > 0)
            problems.push(`the page after the only object ${String(all[0]?.id)} holds ${next.map((i) => String(i.id)).join(', ')}`);
          if (all.length >= 2) {
            if (next[0]?.id !== all[1]?.id) problems.push(`the page after ${String(all[0]?.id)} begins with ${String(next[0]?.id)}, not ${String(all[1]?.id)}`);
            if (complete && (body as Body)['has_more'] !== all.length > 2)
              problems.push(`the second page of 1 says has_more ${String((body as Body)['has_more'])}, with ${all.length} objects in all`);
          }
          return problems;
        },
      }),
    );
  }
  const filters = op.isList ? op.parameters.filter((p) => p.in === 'query' && !PAGE_PARAMS.has(p.name)) : [];
  if (filters.length > 0) {
    let expected: string[] = [];
    let shown = '';
    let holds: (item: Item) => boolean = () => true;
    steps.push(
      onState(ctx, {
        name: 'filter: only and all the objects with the value',
        note: 'a stateless mock answers fixed examples',
        request: async (run, parts) => {
          const all = itemsOf(await get(run, fillPath(op, parts.params ?? {}), { limit: 100 }));
          // A filter on a field of the objects (its name, or its `x-filter`), of a value that some objects
          // match and others not (it shows).
          for (const parameter of filters) {
            const { field, match } = parameter.filter ?? { field: parameter.name, match: 'equals' as const };
            const values = [
              ...new Set(all.map((item) => item[field]).filter((v): v is string | boolean => typeof v === 'string' || typeof v === 'boolean')),
            ].sort();
            if (values.length === 0) continue;
            // A range filter at the newest or oldest value: every other value falls outside it.
            const value = match === 'at-or-after' ? values.at(-1)! : values[0]!;
            holds = (item) => {
              const mine = item[field];
              if (match === 'at-or-after') return typeof mine === 'string' && Date.parse(mine) >= Date.parse(String(value));
              if (match === 'at-or-before') return typeof mine === 'string' && Date.parse(mine) <= Date.parse(String(value));
              return mine === value;
            };
            expected = all.filter(holds).map((item) => String(item.id));
            if (expected.length === all.length) continue; // every object matches: the filter would not show
            shown = `${parameter.name}=${value}`;
            return { ...parts, query: { limit: 100, [parameter.name]: String(value) } };
          }
          throw new Skip(`no filter (${filters.map((p) => p.name).join(', ')}) tells the objects apart by a field`);
        },
        check: (body) => {
          // The newest 100 filtered hold every match among the newest 100 of all.
          const got = itemsOf((body ?? {}) as Body);
          const others = got.filter((item) => !holds(item)).map((item) => String(item.id));
          const missing = expected.filter((id) => !got.some((item) => item.id === id));
          return [
            ...(others.length > 0
              ? [`filtered by ${shown}, the list holds ${others.length} objects that do not match (${others.slice(0, 3).join(', ')})`]
              : []),
            ...(missing.length > 0 ? [`filtered by ${shown}, the list lacks ${missing.slice(0, 3).join(', ')}`] : []),
          ];
        },
      }),
    );
  }
  return steps;
}
