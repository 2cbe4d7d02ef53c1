// IDs of existing objects on a stateful target, made on demand: a path parameter (`customer_id`) names its
// collection (`/v2/customers`), whose POST creates one from the spec's example, or whose list gives one.
// IDs inside example bodies (`cus_taro_yamada`, `price_4Tn8Wc1Zr6`) are replaced by such IDs, recognised by
// the prefix of the path parameters' examples. An ID that no request can make (an object only PAY.JP creates)
// comes from its list, else from `CONTRACT_ID_<PARAMETER>`; without either the case is a missing precondition.
import type { ContractClient } from './client.ts';
import { type Contract, type Json, type Operation, fillPath } from '../../contract-core/contract.ts';
import { EXAMPLE_OBJECTS } from '../../contract-core/example-objects.ts';
import { MissingPrecondition, setupBody } from './step.ts';

export interface Fixtures {
  idFor(parameter: string): Promise<string>;
  /** An existing object other than `than` for a path parameter: from its list, else made anew. */
  anotherId(parameter: string, than: string): Promise<string>;
  /** Offers an existing object (made by a scenario) for a path parameter. */
  provide(parameter: string, id: string): void;
  /** The example body of an operation with its example IDs replaced by IDs of the target. */
  resolve(value: Json | undefined): Promise<Json | undefined>;
}

const prefixOf = (id: string): string | undefined => /^([a-z]+_)/.exec(id)?.[1];

/** The variable that supplies an existing object for a path parameter: `CONTRACT_ID_CARD_ID` for `card_id`. */
export const ID_VARIABLE_PREFIX = 'CONTRACT_ID_';
export const idVariable = (parameter: string): string => `${ID_VARIABLE_PREFIX}${parameter.toUpperCase()}`;

interface Collection {
  create?: Operation | undefined;
  list?: Operation | undefined;
}

/** For each path parameter of the bundle, the operations that create and list its objects (`/v2/customers`). */
function collectionsOf(contract: Contract): Map<string, Collection> {
  const collections = new Map<string, Collection>();
  for (const op of contract.operations) {
    for (const p of op.parameters) if (p.in === 'path' && !collections.has(p.name)) collections.set(p.name, {});
    const match = /^(.*)\/\{([^}]+)\}$/.exec(op.template);
    if (match) {
      const [, collection, parameter] = match as unknown as [string, string, string];
      const entry = collections.get(parameter)!;
      entry.create ??= contract.operations.find((o) => o.method === 'post' && o.template === collection);
      entry.list ??= contract.operations.find((o) => o.method === 'get' && o.template === collection);
    }
  }
  return collections;
}

/** Whether the suite can make an object for the parameter: a create with an example body (or an override). */
const creatable = (entry: Collection | undefined, override: boolean): entry is Collection & { create: Operation } =>
  entry?.create !== undefined && (override || entry.create.requestBody?.example !== undefined);

/**
 * The path parameters whose objects no request can make, so that on a target with none of them listed the
 * cases need `CONTRACT_ID_<PARAMETER>`: from the bundle, each with its list operation if it has one.
 */
export function idsNoRequestCreates(contract: Contract): { parameter: string; variable: string; list: string | undefined }[] {
  return [...collectionsOf(contract)]
    .filter(([, entry]) => !creatable(entry, false))
    .map(([parameter, entry]) => ({ parameter, variable: idVariable(parameter), list: entry.list?.operationId }));
}

/** The IDs the sandbox seeds for what no request makes, by path parameter (suite.ts provides them to a sandbox). */
export const SANDBOX_SEEDED_IDS: Readonly<Record<string, string>> = { card_id: EXAMPLE_OBJECTS.v1Card };

/** For a parameter the sandbox seeds: how to have the suite take the seeded object. */
const seededBySandbox = (parameter: string): string =>
  SANDBOX_SEEDED_IDS[parameter] === undefined
    ? ''
    : ` (against this package's sandbox: --target sandbox, or CONTRACT_TARGET=sandbox, takes the ${parameter} it seeds, ${SANDBOX_SEEDED_IDS[parameter]})`;

export function createFixtures(contract: Contract, client: ContractClient, overrides: Record<string, () => Promise<Json>> = {}): Fixtures {
  const collections = collectionsOf(contract);
  const byPrefix = new Map<string, string>();
  for (const op of contract.operations) {
    const parameter = /\/\{([^}]+)\}$/.exec(op.template)?.[1];
    const example = op.parameters.find((p) => p.name === parameter)?.example;
    const prefix = typeof example === 'string' ? prefixOf(example) : undefined;
    if (parameter && prefix && !byPrefix.has(prefix)) byPrefix.set(prefix, parameter);
  }
  const made = new Map<string, Promise<string>>();

  async function resolve(value: Json | undefined): Promise<Json | undefined> {
    if (typeof value === 'string') {
      const parameter = byPrefix.get(prefixOf(value) ?? '');
      return parameter && /^[a-z]+_[A-Za-z0-9_]+$/.test(value) ? idFor(parameter) : value;
    }
    if (Array.isArray(value)) return Promise.all(value.map(async (item) => (await resolve(item)) as Json));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([k, v]) => [k, await resolve(v)] as const));
      return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as Json;
    }
    return value;
  }

  async function make(parameter: string): Promise<string> {
    const entry = collections.get(parameter);
    if (creatable(entry, overrides[parameter] !== undefined)) {
      const create = entry.create;
      const body = overrides[parameter] ? await overrides[parameter]() : await resolve(create.requestBody?.example);
      const { response } = await client.send({ method: 'post', path: fillPath(create, {}), body });
      const id = setupBody(`creating a ${parameter} with ${create.label}`, response)['id'];
      if (response.status < 300 && typeof id === 'string') return id;
      throw new Error(`creating a ${parameter} with ${create.label} answered ${response.status}: ${response.text.slice(0, 200)}`);
    }
    if (entry?.list) {
      const { response } = await client.send({ method: 'get', path: fillPath(entry.list, {}), query: { limit: 1 } });
      const first = (setupBody(`listing ${parameter}s with ${entry.list.label}`, response) as { data?: { id?: unknown }[] }).data?.[0]?.id;
      if (response.status === 200 && typeof first === 'string') return first;
      if (response.status !== 200) throw new Error(`no ${parameter} to use: ${entry.list.label} answered ${response.status}`);
      throw new MissingPrecondition(
        `needs an existing ${parameter}: ${entry.list.operationId} lists none and no request creates one; set ${idVariable(parameter)}${seededBySandbox(parameter)}`,
      );
    }
    throw new MissingPrecondition(`needs an existing ${parameter}: no request creates or lists one; set ${idVariable(parameter)}${seededBySandbox(parameter)}`);
  }

  function idFor(parameter: string): Promise<string> {
    let id = made.get(parameter);
    if (!id) {
      id = make(parameter);
      made.set(parameter, id);
    }
    return id;
  }

  async function anotherId(parameter: string, than: string): Promise<string> {
    const list = collections.get(parameter)?.list;
    if (list) {
      const { response } = await client.send({ method: 'get', path: fillPath(list, {}), query: { limit: 10 } });
      const other = (setupBody(`listing ${parameter}s with ${list.label}`, response) as { data?: { id?: unknown }[] }).data?.find(
        (item) => typeof item.id === 'string' && item.id !== than,
      )?.id;
      if (typeof other === 'string') return other;
    }
    const made = await make(parameter);
    if (made === than) throw new Error(`no second ${parameter} to use`);
    return made;
  }

  return { idFor, anotherId, resolve, provide: (parameter, id) => void made.set(parameter, Promise.resolve(id)) };
}
