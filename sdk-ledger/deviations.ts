// The deviation lists (deviations/<generation>.yaml): the facts of a record the contract deliberately does not
// follow, each with its reason. Read strictly: a malformed entry is an error naming the file and the entry.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { type Deviation, REASONS, type Reason } from './compare.ts';

export const deviationsFile = (generation: string): string => fileURLToPath(new URL(`./deviations/${generation}.yaml`, import.meta.url));

export function parseDeviations(text: string, file: string): Deviation[] {
  const list: unknown = parse(text) ?? [];
  if (!Array.isArray(list)) throw new Error(`${file}: expected a list of deviations`);
  return list.map((entry: unknown, i): Deviation => {
    const at = `${file}: deviation ${i + 1}`;
    if (typeof entry !== 'object' || entry === null) throw new Error(`${at}: expected { facts, reason, why }`);
    const { facts, reason, why, ...rest } = entry as Record<string, unknown>;
    if (Object.keys(rest).length > 0) throw new Error(`${at}: unknown key(s) ${Object.keys(rest).join(', ')}`);
    if (typeof facts !== 'string' || facts.trim() === '') throw new Error(`${at}: 'facts' must name a fact (or facts, with *)`);
    if (!REASONS.includes(reason as Reason)) throw new Error(`${at} (${facts}): 'reason' must be one of ${REASONS.join(', ')}`);
    if (typeof why !== 'string' || why.trim() === '') throw new Error(`${at} (${facts}): 'why' must say why`);
    return { facts, reason: reason as Reason, why: why.trim() };
  });
}

/** The generation's list; a generation without one deviates in nothing. */
export function readDeviations(generation: string): Deviation[] {
  const file = deviationsFile(generation);
  return existsSync(file) ? parseDeviations(readFileSync(file, 'utf8'), file) : [];
}
