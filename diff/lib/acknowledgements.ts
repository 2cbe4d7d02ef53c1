// openapi/breaking-changes.yaml: breaking changes since the last release, each reviewed and accepted by name.
// An entry names one finding exactly (check, operation, pointer, and subject when the finding has one) and says
// why; an entry that matches nothing is an error, so that the list never outlives what it excuses.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import { ROOT } from '../../scripts/lib/paths.ts';
import type { Change } from './finding.ts';

export const ACKNOWLEDGEMENTS_FILE = 'openapi/breaking-changes.yaml';

export interface Acknowledgement {
  check: string;
  operation: string | null;
  pointer: string;
  subject?: string;
  reason: string;
  /** `openapi/breaking-changes.yaml:12` */
  source: string;
}

const FIELDS = ['check', 'operation', 'pointer', 'subject', 'reason'];

/** The acknowledgements of a checkout (none when it has no file). */
export function loadAcknowledgements(root = ROOT): Acknowledgement[] {
  const file = join(root, ACKNOWLEDGEMENTS_FILE);
  if (!existsSync(file)) return [];
  const label = ACKNOWLEDGEMENTS_FILE;
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined): string => `${label}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) throw new Error(`${label}:${doc.errors[0]!.linePos?.[0]?.line ?? 1}: ${doc.errors[0]!.message}`);
  const list = isMap(doc.contents) ? doc.contents.get('acknowledged', true) : undefined;
  if (!isSeq(list)) throw new Error(`${at(doc.contents)}: expected a list under \`acknowledged\` (\`acknowledged: []\` when empty)`);
  return list.items.map((item) => {
    const where = at(item as Node);
    if (!isMap(item)) throw new Error(`${where}: an acknowledgement is a map of ${FIELDS.join(', ')}`);
    const entry = item.toJSON() as Record<string, unknown>;
    const unknown = Object.keys(entry).find((key) => !FIELDS.includes(key));
    if (unknown) throw new Error(`${where}: unknown field '${unknown}' (known: ${FIELDS.join(', ')})`);
    const text = (name: string, optional = false): string | undefined => {
      const value = entry[name];
      if (value === undefined && optional) return undefined;
      if (typeof value !== 'string' || value.trim() === '') throw new Error(`${where}: '${name}' must be a non-empty string`);
      return value;
    };
    const operation = entry['operation'] === null || entry['operation'] === undefined ? null : text('operation')!;
    const subject = text('subject', true);
    return { check: text('check')!, operation, pointer: text('pointer')!, ...(subject ? { subject } : {}), reason: text('reason')!, source: where };
  });
}

export const matches = (ack: Acknowledgement, change: Change): boolean =>
  ack.check === change.check && ack.operation === change.operation && ack.pointer === change.pointer && ack.subject === change.subject;

/** The entry to paste into openapi/breaking-changes.yaml to acknowledge a change. */
export function acknowledgementFor(change: Change): string {
  const quote = (value: string): string => JSON.stringify(value);
  return [
    `- check: ${change.check}`,
    `  operation: ${change.operation === null ? 'null' : quote(change.operation)}`,
    `  pointer: ${quote(change.pointer)}`,
    ...(change.subject ? [`  subject: ${quote(change.subject)}`] : []),
    '  reason: "<why this break is accepted, and who reviewed it>"',
  ].join('\n');
}
