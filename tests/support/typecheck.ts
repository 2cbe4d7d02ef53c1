// Type-checks one TypeScript source under the project's tsconfig, for tests that prove a type-level check
// passes or fails. The file lives in a scratch folder inside tests/, so it imports as a test file does
// ('../../generated/api.d.ts'); the folder is removed by `remove()`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../contract-core/files.ts';

export interface ScratchTypecheck {
  /** Writes `source` as the scratch file and runs tsc on it: tsc's report, '' when it type-checks. */
  check(source: string): string;
  remove(): void;
}

export function scratchTypecheck(name: string): ScratchTypecheck {
  const dir = mkdtempSync(join(ROOT, `tests/.${name}-`));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../../tsconfig.json', include: ['check.ts'] }));
  return {
    check(source) {
      writeFileSync(join(dir, 'check.ts'), source);
      try {
        execFileSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
        return '';
      } catch (error) {
        const { stdout, message } = error as { stdout?: string; message: string };
        return stdout || message;
      }
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
