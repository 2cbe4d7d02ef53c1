// The oldest Node the package runs on is one fact, package/node-floor.ts's; everything else that states it is
// derived from it (package/build.ts's engines) or checked here: the repository's engines, the Node it runs on,
// the floor Prism declares (the reason for it), and every README that names it.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../contract-core/files.ts';
import { NODE_FLOOR, NODE_RANGE, nodeTooOld } from './node-floor.ts';

const FLOOR = `${NODE_FLOOR.major}.${NODE_FLOOR.minor}`;
const manifest = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as { engines?: { node?: string }; devDependencies?: Record<string, string> };
const root = manifest(join(ROOT, 'package.json'));

/** The READMEs that state the floor, and what they state ("Node ≥ 24.18", "Node >= 24.18"). */
const README_FILES = ['README.md', 'package/README.md', 'mock/README.md'];
const statedFloors = (text: string): string[] => [...text.matchAll(/Node (?:≥|>=) ?(\d+(?:\.\d+)*)/g)].map((match) => match[1]!);

describe('the Node floor', () => {
  test("is the repository's engines too", () => {
    expect(root.engines?.node).toBe(NODE_RANGE);
  });

  test('is met by the Node the repository runs on (the node devDependency)', () => {
    expect(nodeTooOld(root.devDependencies?.['node'] ?? '0.0.0', 'the repository')).toBeUndefined();
  });

  test('is the floor Prism declares, the reason for it (mock/prism.ts refuses below it)', () => {
    const prism = createRequire(join(ROOT, 'package.json'))('@stoplight/prism-http/package.json') as { engines?: { node?: string } };
    expect(/^>=(\d+\.\d+)(?:\.0)?$/.exec(prism.engines?.node ?? '')?.[1]).toBe(FLOOR);
  });

  test.each(README_FILES)('is the one %s states, wherever it states one', (file) => {
    const stated = statedFloors(readFileSync(join(ROOT, file), 'utf8'));
    expect(stated.length, `${file} names the floor`).toBeGreaterThan(0);
    expect(stated.filter((version) => version !== FLOOR)).toEqual([]);
  });

  test('a README stating another floor is found', () => {
    expect(statedFloors('It needs Node ≥ 24.11, and Node >= 24.18 here.')).toEqual(['24.11', '24.18']);
  });
});
