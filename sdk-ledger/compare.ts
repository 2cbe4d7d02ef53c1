// The contract held against a ledger record, fact by fact: each fact the SDK states is in the contract, or
// listed as a deviation with its reason (deviations/<generation>.yaml), or reported as a difference. A
// deviation that matches no difference is stale, and reported too.
import { type Contract, deref, type JsonObject, type Operation } from '../contract-core/contract.ts';
import { describeShape, propertyShape, type Shape, shapeOf } from './contract-shape.ts';
import { BOUND_NAMES, type FieldFacts, type Lang, type LedgerRecord, type TypeRef } from './record.ts';

export const FACT_KINDS = ['operation', 'status', 'title', 'query', 'field', 'required', 'nullable', 'enum', 'bound', 'model', 'claim'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** One fact of the record, checked: `key` names it (`status createPaymentRefund 402`), `message` says what differs. */
export interface Checked {
  kind: FactKind;
  key: string;
  ok: boolean;
  message: string;
}

/** The catalog's status and title of each code (generated/error-catalog.ts's ERROR_CATALOG). */
export type Catalog = Readonly<Record<string, { readonly status: number; readonly title: string }>>;

/**
 * Why the contract does not follow a fact: the SDK's generator states what the API does not do; PAY.JP's own
 * words (its published documents, or the SDK's descriptions) contradict its types; our own inference, whose
 * `why` gives the reason (graded as the contract grades an inferred rule); or, on an older generation's list
 * only, the contract did not follow the fact then (it was behind, or already follows a newer generation).
 */
export const REASONS = ['generator-artefact', 'pay-jp-words', 'our-inference', 'not-followed'] as const;
export type Reason = (typeof REASONS)[number];

/** A fact, or a family of facts (`*` matches any text), the contract deliberately does not follow. */
export interface Deviation {
  facts: string;
  reason: Reason;
  why: string;
}

export interface Comparison {
  generation: string;
  matched: Checked[];
  deviated: { fact: Checked; deviation: Deviation }[];
  differences: Checked[];
  stale: Deviation[];
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

function describeType(type: TypeRef): string {
  switch (type.type) {
    case 'string':
      return type.format ? `string (${type.format})` : 'string';
    case 'array':
      return `array of ${describeType(type.items)}`;
    case 'model':
      return type.model;
    default:
      return type.type;
  }
}

/** Two patterns alike but for the order of their character classes' members (`[-_0-9A-Za-z]`, `[A-Za-z0-9_-]`). */
export function samePattern(a: string, b: string): boolean {
  const normal = (pattern: string): string =>
    pattern.replace(/\[(\^?)((?:\\.|[^\]\\])+)\]/g, (_, negated: string, members: string) => {
      const parts = members.match(/\\.-\\.|\\.-.|.-\\.|[^\\]-[^\\]|\\.|./g) ?? [];
      // A leading or trailing '-' is the character itself: it sorts like any member.
      return `[${negated}${[...parts].sort().join('\u0000')}]`;
    });
  return normal(a) === normal(b);
}

/** The contract's discriminator of a schema, if it has one: its property and mapping (value → `$ref`). */
function contractMapping(document: JsonObject, node: JsonObject): { property: string; mapping: Record<string, string> } | undefined {
  const discriminator = deref(document, node)['discriminator'];
  if (!isObject(discriminator) || !isObject(discriminator['mapping']) || typeof discriminator['propertyName'] !== 'string') return undefined;
  return { property: discriminator['propertyName'], mapping: Object.fromEntries(Object.entries(discriminator['mapping']).map(([k, v]) => [k, String(v)])) };
}

/** The schema an answer of `status` carries (its JSON or problem body). */
function answerSchema(operation: Operation, status: string): JsonObject | undefined {
  const media = operation.responses.get(status)?.content;
  return media ? [...media.values()][0]?.schema : undefined;
}

export function checkRecord(record: LedgerRecord, contract: Contract, catalog: Catalog): Checked[] {
  const doc = contract.document;
  const versions = new Map(record.sources.map((s) => [s.lang, `${s.lang} ${s.tag.replace(/^v/, '')}`]));
  const by = (langs: Lang[]): string => langs.map((l) => versions.get(l) ?? l).join(' and ');
  const checked = new Map<string, Checked>();
  const add = (kind: FactKind, key: string, ok: boolean, message: string): void => {
    const prev = checked.get(key);
    if (!prev || (prev.ok && !ok)) checked.set(key, { kind, key, ok, message });
    else if (!ok && !prev.message.includes(message)) prev.message += `; ${message}`;
  };
  const enumValues = (type: TypeRef): string[] | undefined => {
    if (type.type === 'array') return enumValues(type.items);
    const model = type.type === 'model' ? record.models[type.model] : undefined;
    return model?.kind === 'enum' ? model.values : undefined;
  };
  const typeMatches = (type: TypeRef, shape: Shape): boolean => {
    const has = (t: string): boolean => shape.types.has(t) || (shape.types.size === 0 && (shape.enum ?? []).some((v) => typeof v === t));
    switch (type.type) {
      case 'string':
        return has('string') && (type.format === undefined || shape.format === type.format);
      case 'any':
        return true;
      case 'array':
        return has('array') && shape.items !== undefined && typeMatches(type.items, shapeOf(doc, shape.items));
      case 'model':
        return record.models[type.model]?.kind === 'enum' ? has('string') : has('object');
      default:
        return has(type.type);
    }
  };

  // A value's facts (a field or a query parameter) against the contract's shape of it.
  const checkValue = (place: string, presence: 'field' | 'query', facts: FieldFacts, from: string, shape: Shape | undefined, required: boolean): void => {
    const stated = `${describeType(facts.type)}, ${facts.required ? 'required' : 'optional'}${facts.nullable ? ', nullable' : ''}`;
    if (!shape) {
      add(
        presence,
        `${presence} ${place}`,
        false,
        `${place}: ${presence === 'query' ? 'query parameter' : 'field'} ${stated} documented by ${from}, absent from the contract`,
      );
      return;
    }
    add(
      presence,
      `${presence} ${place}`,
      typeMatches(facts.type, shape),
      `${place}: type ${describeType(facts.type)} documented by ${from}, the contract says ${describeShape(shape)}`,
    );
    add(
      'required',
      `required ${place}`,
      facts.required === required,
      `${place}: ${facts.required ? 'required' : 'optional'} by ${from}, ${required ? 'required' : 'optional'} in the contract`,
    );
    if (presence === 'field') {
      add(
        'nullable',
        `nullable ${place}`,
        facts.nullable === shape.nullable,
        `${place}: ${facts.nullable ? 'nullable' : 'not nullable'} by ${from}, ${shape.nullable ? 'nullable' : 'not nullable'} in the contract`,
      );
    }
    const values = facts.enum ?? enumValues(facts.type);
    if (values) {
      const theirs = (facts.type.type === 'array' && shape.items ? shapeOf(doc, shape.items) : shape).enum ?? [];
      const missing = values.filter((v) => !theirs.includes(v));
      const extra = theirs.filter((v) => !values.includes(String(v)));
      const parts = [
        ...(missing.length
          ? [`enum value${missing.length > 1 ? 's' : ''} ${missing.map((v) => `'${v}'`).join(', ')} documented by ${from}, absent from the contract`]
          : []),
        ...(extra.length ? [`the contract's ${extra.map((v) => `'${v}'`).join(', ')} absent from ${from}`] : []),
      ];
      add('enum', `enum ${place}`, parts.length === 0, `${place}: ${parts.join('; ')}`);
    }
    for (const bound of BOUND_NAMES) {
      const value = facts[bound];
      if (value === undefined) continue;
      const ours = shape.bounds[bound];
      const same = bound === 'pattern' ? typeof ours === 'string' && samePattern(ours, String(value)) : ours === value;
      add(
        'bound',
        `bound ${place} ${bound}`,
        same,
        `${place}: ${bound} ${value} documented by ${from}, ${ours === undefined ? 'absent from the contract' : `the contract says ${ours}`}`,
      );
    }
  };

  // Each SDK model with a schema of the contract it is held against; a union's variant, against the schema for
  // its discriminator value, leaves the value (already matched to the mapping) out of its enum check.
  const queue: { model: string; node: JsonObject; via: string; discriminator?: string }[] = [];
  const operations = new Map(contract.operations.map((o) => [o.operationId, o]));
  const documented = new Set(Object.values(record.operations).flatMap((op) => Object.keys(op.statuses)));
  for (const [operationId, op] of Object.entries(record.operations)) {
    const ours = operations.get(operationId);
    const from = by(op.from);
    const theirs = `${op.method} ${op.path}`;
    const oursText = ours ? `${ours.method.toUpperCase()} ${ours.template}` : undefined;
    add(
      'operation',
      `operation ${operationId}`,
      oursText === theirs,
      `${operationId}: ${theirs} documented by ${from}, ${oursText ? `${oursText} in the contract` : 'absent from the contract'}`,
    );
    if (!ours) continue;
    for (const [status, facts] of Object.entries(op.statuses)) {
      const answer = answerSchema(ours, status);
      add(
        'status',
        `status ${operationId} ${status}`,
        ours.responses.has(status),
        `${operationId}: status ${status} documented by ${by(facts.from)}, absent from the contract`,
      );
      if (facts.model && answer) queue.push({ model: facts.model, node: answer, via: `${operationId} ${status}` });
      else if (facts.model && ours.responses.has(status)) {
        add(
          'model',
          `model ${facts.model} at ${operationId} ${status}`,
          false,
          `${operationId}: status ${status} answers ${facts.model} by ${by(facts.from)}, no body in the contract`,
        );
      }
      for (const title of facts.titles) {
        const codes = ours.errors.filter((code) => catalog[code]?.status === Number(status) && catalog[code]?.title === title);
        add(
          'title',
          `title ${operationId} ${status} ${title}`,
          codes.length > 0,
          `${operationId}: ${status} '${title}' documented by ${by(facts.titlesFrom)}, no code of the contract's x-errors has this title and status`,
        );
      }
    }
    // A code the contract says the client names (evidence `client`) at a status the SDKs document must be named
    // there, unless no language of the record gives that status's titles on this operation (a newer PHP's status).
    for (const code of ours.errors) {
      const entry = catalog[code];
      if (!entry || ours.errorEvidence[code]?.source !== 'client' || !documented.has(String(entry.status))) continue;
      const stated = op.statuses[String(entry.status)];
      if (stated && stated.titlesFrom.length === 0) continue;
      if (!stated?.titles.includes(entry.title)) {
        add(
          'claim',
          `claim ${operationId} ${entry.status} ${entry.title}`,
          false,
          `${operationId}: the contract's ${code} (${entry.status} '${entry.title}') says the client names it, ${from} ${op.from.length > 1 ? 'do' : 'does'} not`,
        );
      }
    }
    for (const q of op.query) {
      const param = ours.parameters.find((p) => p.in === 'query' && p.name === q.name);
      checkValue(`${operationId}?${q.name}`, 'query', { ...q, nullable: false }, by(q.from), param && shapeOf(doc, param.schema), param?.required ?? false);
    }
    for (const param of ours.parameters.filter((p) => p.in === 'query' && !op.query.some((q) => q.name === p.name))) {
      add('query', `query ${operationId}?${param.name}`, false, `${operationId}?${param.name}: query parameter in the contract, absent from ${from}`);
    }
    if (op.requestModel && ours.requestBody) queue.push({ model: op.requestModel, node: ours.requestBody.schema, via: `${operationId} request` });
    else if (op.requestModel)
      add(
        'model',
        `model ${op.requestModel} at ${operationId} request`,
        false,
        `${operationId}: a ${op.requestModel} body by ${from}, no JSON body in the contract`,
      );
  }

  const sources = by(record.sources.map((s) => s.lang));
  for (const ours of contract.operations.filter((o) => !(o.operationId in record.operations))) {
    add(
      'operation',
      `operation ${ours.operationId}`,
      false,
      `${ours.operationId}: ${ours.method.toUpperCase()} ${ours.template} in the contract, absent from ${sources}`,
    );
  }

  const reached = new Set<string>();
  const seen = new Set<string>();
  while (queue.length > 0) {
    const { model, node, via, discriminator } = queue.shift()!;
    const facts = record.models[model];
    if (facts?.kind !== 'object') continue;
    const shape = shapeOf(doc, node);
    const pair = `${model}|${shape.name ?? via}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    reached.add(model);
    const from = by(facts.from);
    if (facts.oneOf) {
      // Each variant against the contract's schema for its discriminator value(s), or the whole schema without one.
      const contractDiscriminator = contractMapping(doc, node);
      const property = facts.discriminator ?? contractDiscriminator?.property;
      for (const variant of facts.oneOf) {
        const model = record.models[variant];
        const values = (model?.kind === 'object' && model.fields.find((f) => f.name === property)?.enum) || [];
        if (!contractDiscriminator || values.length === 0) {
          queue.push({ model: variant, node, via: `${via} ${variant}` });
          continue;
        }
        const unmapped = values.filter((v) => contractDiscriminator.mapping[v] === undefined);
        const place = `${variant}.${property}`;
        add(
          'enum',
          `enum ${place}`,
          unmapped.length === 0,
          `${place}: ${unmapped.map((v) => `'${v}'`).join(', ')} documented by ${by(model!.from)}, no schema of the contract's discriminator`,
        );
        for (const v of values.filter((v) => contractDiscriminator.mapping[v] !== undefined)) {
          queue.push({ model: variant, node: { $ref: contractDiscriminator.mapping[v]! }, via: `${via} ${variant}`, discriminator: property! });
        }
      }
      continue;
    }
    for (const field of facts.fields) {
      const schemas = shape.properties.get(field.name);
      const place = `${model}.${field.name}`;
      const fieldShape = schemas && propertyShape(doc, schemas);
      const stated = field.name === discriminator ? (({ enum: _, ...rest }) => rest)(field) : field;
      checkValue(place, 'field', stated, from, fieldShape, shape.required.has(field.name));
      if (!schemas || !fieldShape) continue;
      const inner = field.type.type === 'array' ? field.type.items : field.type;
      const innerNode = field.type.type === 'array' ? fieldShape.items : schemas.length === 1 ? schemas[0] : { allOf: schemas };
      if (inner.type === 'model' && isObject(innerNode)) queue.push({ model: inner.model, node: innerNode, via: `${via} ${field.name}` });
    }
    for (const name of shape.properties.keys()) {
      if (!facts.fields.some((f) => f.name === name)) {
        add('field', `field ${model}.${name}`, false, `${model}.${name}: field of the contract${shape.name ? `'s ${shape.name}` : ''}, absent from ${from}`);
      }
    }
  }
  // A model no operation or model of the record uses states nothing the comparison could reach (a model used by a
  // field the contract lacks is that field's difference).
  const used = new Set<string>();
  const use = (type: TypeRef): void => {
    if (type.type === 'array') use(type.items);
    else if (type.type === 'model') used.add(type.model);
  };
  for (const op of Object.values(record.operations)) {
    if (op.requestModel) used.add(op.requestModel);
    for (const status of Object.values(op.statuses)) if (status.model) used.add(status.model);
    for (const q of op.query) use(q.type);
  }
  for (const model of Object.values(record.models)) {
    if (model.kind !== 'object') continue;
    for (const field of model.fields) use(field.type);
    for (const variant of model.oneOf ?? []) used.add(variant);
  }
  for (const [name, facts] of Object.entries(record.models)) {
    if (facts.kind === 'object' && !reached.has(name) && !used.has(name))
      add('model', `model ${name}`, false, `${name}: model documented by ${by(facts.from)}, used by no operation`);
  }
  return [...checked.values()];
}

/** A deviation's `facts` as a pattern: `*` matches any text, everything else itself. */
const matcher = (facts: string): RegExp =>
  new RegExp(
    `^${facts
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

export function compare(record: LedgerRecord, contract: Contract, catalog: Catalog, deviations: Deviation[]): Comparison {
  const patterns = deviations.map((deviation) => ({ deviation, pattern: matcher(deviation.facts) }));
  const comparison: Comparison = { generation: record.generation, matched: [], deviated: [], differences: [], stale: [] };
  const used = new Set<Deviation>();
  for (const fact of checkRecord(record, contract, catalog)) {
    if (fact.ok) {
      comparison.matched.push(fact);
      continue;
    }
    const found = patterns.find(({ pattern }) => pattern.test(fact.key));
    if (found) {
      used.add(found.deviation);
      comparison.deviated.push({ fact, deviation: found.deviation });
    } else comparison.differences.push(fact);
  }
  comparison.stale = deviations.filter((d) => !used.has(d));
  return comparison;
}

/** Facts matched, deviations by reason: the counts README.md shows. */
export function counts(comparison: Comparison): { matched: number; deviations: Record<Reason, number>; differences: number; stale: number } {
  const deviations = Object.fromEntries(REASONS.map((r) => [r, comparison.deviated.filter((d) => d.deviation.reason === r).length])) as Record<Reason, number>;
  return { matched: comparison.matched.length, deviations, differences: comparison.differences.length, stale: comparison.stale.length };
}

/** The comparison as a reader wants it: the counts, then each difference and stale deviation on its own line. */
export function report(comparison: Comparison): string {
  const c = counts(comparison);
  const lines = [
    `the contract against SDK ${comparison.generation}: ${c.matched} facts matched, ` +
      `${REASONS.map((r) => `${c.deviations[r]} deviations (${r})`).join(', ')}, ${c.differences} differences, ${c.stale} stale deviations`,
    ...comparison.differences.map((d) => `  ${d.message}   [${d.key}]`),
    ...comparison.stale.map((d) => `  stale deviation '${d.facts}' (${d.reason}): the contract no longer differs there`),
  ];
  return lines.join('\n');
}
