// What changed between two records (an SDK release against the one before): each fact keyed as the comparison
// with the contract keys it, so a line here and a difference there name the same fact.
import { BOUND_NAMES, type FieldFacts, type LedgerRecord, type TypeRef } from './record.ts';

const typeText = (type: TypeRef): string =>
  type.type === 'array'
    ? `array of ${typeText(type.items)}`
    : type.type === 'model'
      ? type.model
      : type.type === 'string' && type.format
        ? `string (${type.format})`
        : type.type;

/** Every fact of a record as `key → value`. */
export function factsOf(record: LedgerRecord): Map<string, string> {
  const facts = new Map<string, string>();
  const value = (place: string, presence: 'field' | 'query', f: Omit<FieldFacts, 'nullable'> & { nullable?: boolean }): void => {
    facts.set(`${presence} ${place}`, typeText(f.type));
    facts.set(`required ${place}`, String(f.required));
    if (f.nullable !== undefined) facts.set(`nullable ${place}`, String(f.nullable));
    if (f.enum) facts.set(`enum ${place}`, f.enum.join(', '));
    for (const bound of BOUND_NAMES) if (f[bound] !== undefined) facts.set(`bound ${place} ${bound}`, String(f[bound]));
  };
  for (const [operationId, op] of Object.entries(record.operations)) {
    facts.set(`operation ${operationId}`, `${op.method} ${op.path}`);
    for (const [status, s] of Object.entries(op.statuses)) {
      facts.set(`status ${operationId} ${status}`, s.model ?? '');
      for (const title of s.titles) facts.set(`title ${operationId} ${status} ${title}`, '');
    }
    for (const q of op.query) value(`${operationId}?${q.name}`, 'query', q);
  }
  for (const [name, model] of Object.entries(record.models)) {
    if (model.kind === 'enum') {
      facts.set(`model ${name}`, `enum: ${model.values.join(', ')}`);
      continue;
    }
    facts.set(`model ${name}`, model.oneOf ? `one of ${model.oneOf.join(', ')}` : 'object');
    for (const field of model.fields) value(`${name}.${field.name}`, 'field', field);
  }
  return facts;
}

/** `+ key (value)` for a fact the newer record adds, `- key` for one it drops, `~ key: old → new` for a change. */
export function diffRecords(older: LedgerRecord, newer: LedgerRecord): string[] {
  const before = factsOf(older);
  const after = factsOf(newer);
  const lines: string[] = [];
  for (const [key, value] of after) {
    const old = before.get(key);
    if (old === undefined) lines.push(`+ ${key}${value ? ` (${value})` : ''}`);
    else if (old !== value) lines.push(`~ ${key}: ${old} → ${value}`);
  }
  for (const key of before.keys()) if (!after.has(key)) lines.push(`- ${key}`);
  return lines;
}
