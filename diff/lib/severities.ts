// Reads diff/severities.yaml: the one place severities are set. A check of our rules without a severity, an
// unknown check or an unknown severity is an error naming the file and line.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument, type Node } from 'yaml';
import { ROOT } from '../../scripts/lib/paths.ts';
import { SEVERITIES, type Severity } from './finding.ts';
import { OASDIFF_LEVELS, levelOf, type OasdiffChange, type OasdiffLevel } from './oasdiff.ts';

export const SEVERITIES_FILE = join(import.meta.dirname, '..', 'severities.yaml');

export interface Severities {
  /** The severity of one of our checks. */
  ofCheck(check: string): Severity;
  /** The severity of an oasdiff change: its override, else its level's. */
  ofOasdiff(change: OasdiffChange): Severity;
  /** The oasdiff checks given a severity of their own (a test checks that oasdiff knows each one). */
  oasdiffOverrides: readonly string[];
}

export function loadSeverities(checks: readonly string[], file = SEVERITIES_FILE): Severities {
  const label = relative(ROOT, file);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: lines, uniqueKeys: true });
  const at = (node: Node | null | undefined): string => `${label}:${node?.range ? lines.linePos(node.range[0]).line : 1}`;
  if (doc.errors.length > 0) throw new Error(`${label}:${doc.errors[0]!.linePos?.[0]?.line ?? 1}: ${doc.errors[0]!.message}`);
  const section = (parent: unknown, key: string): Map<string, [Severity, Node]> => {
    const map = isMap(parent) ? parent.get(key, true) : undefined;
    if (!isMap(map)) throw new Error(`${at(isMap(parent) ? parent : doc.contents)}: expected a map under \`${key}\``);
    return new Map(
      map.items.map((pair) => {
        const keyNode = pair.key as Node;
        const value = isScalar(pair.value) ? pair.value.value : undefined;
        if (!SEVERITIES.includes(value as Severity)) {
          throw new Error(`${at(keyNode)}: ${String(isScalar(keyNode) ? keyNode.value : '?')} must be one of ${SEVERITIES.join(', ')}`);
        }
        return [String(isScalar(keyNode) ? keyNode.value : ''), [value as Severity, keyNode]];
      }),
    );
  };
  const contract = section(doc.contents, 'contract');
  const oasdiff = isMap(doc.contents) ? doc.contents.get('oasdiff', true) : undefined;
  const levels = section(oasdiff, 'levels');
  const overrides = section(oasdiff, 'checks');

  const known = new Set(checks);
  for (const [check, [, node]] of contract) if (!known.has(check)) throw new Error(`${at(node)}: no rule reports '${check}'`);
  const missing = checks.filter((check) => !contract.has(check));
  if (missing.length > 0) throw new Error(`${label}: no severity for ${missing.join(', ')} (add them under \`contract\`)`);
  for (const level of Object.values(OASDIFF_LEVELS)) if (!levels.has(level)) throw new Error(`${label}: oasdiff.levels has no ${level}`);
  for (const [level, [, node]] of levels) {
    if (!(Object.values(OASDIFF_LEVELS) as string[]).includes(level)) throw new Error(`${at(node)}: unknown oasdiff level '${level}'`);
  }

  return {
    ofCheck(check) {
      const found = contract.get(check);
      if (!found) throw new Error(`${label}: no severity for '${check}'`);
      return found[0];
    },
    ofOasdiff(change) {
      return (overrides.get(change.id ?? '') ?? levels.get(levelOf(change) satisfies OasdiffLevel))![0];
    },
    oasdiffOverrides: [...overrides.keys()],
  };
}
