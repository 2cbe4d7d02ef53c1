// Stateful chains from the spec's own `links`: a generated creation, then a generated sequence of the
// operations its success response links to, each handed the created object's ID, and a read after each write
// that must show the write. The links are the only source: a chain exists for every creation that has them
// (lint contract/links-cover-ids keeps them complete).
import fc from 'fast-check';
import { deref, type Json, type JsonObject, type Operation } from '../../contract-core/contract.ts';
import { valueAt } from '../../contract-core/json-pointer.ts';
import type { SuiteRun } from '../lib/suite.ts';
import { type GeneratedRequest, type GeneratorContext, positiveRequests } from './requests.ts';
import { isObject, stateRuleFields } from './schemas.ts';
import { judgePositive, type Outcome, send } from './exchange.ts';
import { type PropertyRun, propertyId } from './property.ts';
import { successStatus } from '../lib/step.ts';

export interface Link {
  target: Operation;
  /** Path parameter → runtime expression (`$response.body#/id`). */
  parameters: Record<string, string>;
}

/** The links of an operation's success responses, to operations of the bundle. */
export function linksOf(run: SuiteRun, op: Operation): Link[] {
  const item = run.contract.document['paths'] as JsonObject;
  const node = (item[op.template] as JsonObject)[op.method] as JsonObject;
  const responses = isObject(node['responses']) ? node['responses'] : {};
  return Object.entries(responses)
    .filter(([status]) => /^2\d\d$/.test(status))
    .flatMap(([, response]) => Object.values(deref(run.contract.document, response)['links'] ?? {}))
    .flatMap((linkNode) => {
      const link = deref(run.contract.document, linkNode as Json);
      const target = run.contract.operations.find((o) => o.operationId === link['operationId']);
      const parameters = isObject(link['parameters']) ? (link['parameters'] as Record<string, string>) : {};
      return target ? [{ target, parameters }] : [];
    });
}

/** A runtime expression of the subset links here use: `$response.body#/<pointer>`. */
function evaluate(expression: string, body: unknown): string | undefined {
  const match = /^\$response\.body#(\/.*)$/.exec(expression);
  if (!match) return undefined;
  const value = valueAt(body, match[1]!);
  return typeof value === 'string' ? value : undefined;
}

interface ChainStep {
  link: Link;
  request: GeneratedRequest;
}

const is2xx = (status: number | undefined): boolean => status !== undefined && status >= 200 && status < 300;

/** What a read shows of a write: the same object as the write answered, and every top-level value the write sent. */
export function readShowsWrite(sent: Json | undefined, written: unknown, read: unknown): string[] {
  const problems: string[] = [];
  if (isObject(written) && isObject(read) && written['object'] === read['object'] && written['id'] === read['id']) {
    for (const key of new Set([...Object.keys(written), ...Object.keys(read)])) {
      if (JSON.stringify(written[key]) !== JSON.stringify(read[key])) {
        problems.push(`${key}: the write answered ${JSON.stringify(written[key])}, the read after it ${JSON.stringify(read[key])}`);
      }
    }
  }
  if (isObject(sent) && isObject(read)) {
    for (const [key, value] of Object.entries(sent)) {
      if (value !== null && typeof value !== 'object' && key in read && read[key] !== value) {
        problems.push(`${key}: sent ${JSON.stringify(value)}, the read after the write shows ${JSON.stringify(read[key])}`);
      }
    }
  }
  return problems;
}

/** The chain property of a creation: undefined when its success response links nothing. */
export function chainProperty(run: SuiteRun, creator: Operation, context: GeneratorContext): PropertyRun<unknown> | undefined {
  const links = linksOf(run, creator).filter((link) => Object.keys(link.parameters).length > 0);
  if (links.length === 0) return undefined;
  const read = links.find((link) => link.target.method === 'get' && link.target.template === `${creator.template}/{${Object.keys(link.parameters)[0]}}`);
  const stateRules = (op: Operation) => new Set(op.requestBody ? stateRuleFields(context.reader, op.requestBody.schema) : []);
  const steps = fc.array(fc.oneof(...links.map((link) => positiveRequests(link.target, context).map((request): ChainStep => ({ link, request })))), {
    minLength: 1,
    maxLength: 3,
  });
  const arbitrary = fc.record({ create: positiveRequests(creator, context, undefined, true), steps });

  async function check(value: unknown): Promise<Outcome> {
    const { create, steps } = value as { create: GeneratedRequest; steps: ChainStep[] };
    const lines: string[] = [];
    const judged = async (op: Operation, request: GeneratedRequest): Promise<Outcome> => {
      const outcome = await send(run, op, request);
      lines.push(`${outcome.line} → ${outcome.status ?? 'no answer'}`);
      return { ...outcome, failures: [...outcome.failures, ...judgePositive(op, outcome, stateRules(op))] };
    };
    const done = (outcome: Outcome, failures: string[] = []): Outcome => ({
      ...outcome,
      line: lines.join('\n      then '),
      failures: [...outcome.failures, ...failures],
    });
    const created = await judged(creator, create);
    if (!is2xx(created.status) || created.failures.length > 0) return done(created);
    if (read) {
      const after = await readBack(read, created.body);
      if (after) return after;
    }
    for (const { link, request } of steps) {
      const params = { ...request.params };
      for (const [name, expression] of Object.entries(link.parameters)) params[name] = evaluate(expression, created.body) ?? params[name]!;
      const outcome = await judged(link.target, { ...request, params });
      if (outcome.failures.length > 0 || outcome.violations.length > 0 || outcome.infrastructure.length > 0) return done(outcome);
      if (!is2xx(outcome.status) || link.target.method === 'get' || !read) continue;
      const after = await readBack(read, outcome.body, link.target.method === 'delete' ? undefined : request.body, link.target.method === 'delete');
      if (after) return after;
    }
    return done(created);

    /** Reads the created object back: a failure outcome if the read does not show the write. */
    async function readBack(link: Link, written: unknown, sent?: Json, deleted = false): Promise<Outcome | undefined> {
      const params: Record<string, string> = {};
      for (const [name, expression] of Object.entries(link.parameters)) params[name] = evaluate(expression, created.body) ?? '';
      const outcome = await judged(link.target, { params, query: [] });
      if (outcome.failures.length > 0 || outcome.violations.length > 0 || outcome.infrastructure.length > 0) return done(outcome);
      if (deleted) return outcome.status === 404 ? undefined : done(outcome, [`a read after the deletion answered ${outcome.status}, not 404`]);
      if (outcome.status !== successStatus(link.target)) return done(outcome, [`a read after the write answered ${outcome.status}`]);
      const problems = readShowsWrite(sent, written, outcome.body);
      return problems.length > 0
        ? done(
            outcome,
            problems.map((p) => `the read does not show the write: ${p}`),
          )
        : undefined;
    }
  }

  return { id: propertyId(creator, 'chain'), op: creator, kind: 'chain', expectedStatus: successStatus(creator), arbitrary, check };
}
