// Dredd 14 spawned on the copy of the bundle it can read (spec-copy.ts), with our hooks; its failures read
// from its output (redacted: Dredd prints request headers). Used by run.ts and by the mutation corpus.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Contract, Operation } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import { REPORTS } from '../reporters/files.ts';
import { dreddCopy } from './spec-copy.ts';

const DREDD = join(import.meta.dirname, '../../node_modules/.bin/dredd');
// Dredd reads a copy of the bundle with each operation's parameter examples bare (spec-copy.ts).
const SPEC = join(REPORTS, 'dredd-openapi.json');
export function writeDreddSpec(contract: Contract): void {
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(SPEC, JSON.stringify(dreddCopy(contract)));
}
const HOOKS = join(import.meta.dirname, 'hooks.cjs');
const TITLE = /^fail: (\w+) \((\d+)\) (\S+) duration: \d+ms$/;

export interface DreddRun {
  code: number;
  /** `GET (200) /v2/...: reason` per failed transaction. */
  failures: string[];
  summary: string;
}

export function dredd(url: string, env: Record<string, string>, junit: string | undefined, echo: boolean): Promise<DreddRun> {
  const args = [SPEC, url, `--hookfiles=${HOOKS}`, '--loglevel=warning', '--color=false'];
  if (junit) args.push('--reporter=xunit', `--output=${junit}`);
  const child = spawn(DREDD, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const take = (chunk: Buffer): void => {
    const text = redact(chunk.toString());
    out += text;
    if (echo) process.stdout.write(text);
  };
  child.stdout.on('data', take);
  child.stderr.on('data', take);
  return new Promise((resolve) => {
    child.on('close', (code) => {
      if (junit) writeFileSync(junit, redact(readFileSync(junit, 'utf8')));
      // A failure is a `fail: GET (200) /path duration: 5ms` line; in the closing list it is followed by a
      // `fail: <reason>` line (then a dump of the request, which is not kept).
      const reasons = new Map<string, string[]>();
      let current: string | undefined;
      for (const line of out.split('\n').map((l) => l.trim())) {
        if (TITLE.test(line)) {
          current = line.replace(/^fail: /, '').replace(/ duration: \d+ms$/, '');
          if (!reasons.has(current)) reasons.set(current, []);
        } else if (line.startsWith('fail: ') && current) reasons.get(current)!.push(line.slice(6));
      }
      resolve({
        code: code ?? 1,
        failures: [...reasons].map(([title, why]) => `${title}${why.length ? `: ${why.join('; ')}` : ''}`),
        summary:
          out
            .split('\n')
            .find((l) => l.includes('complete:') && l.includes('total'))
            ?.trim() ?? 'no summary',
      });
    });
  });
}

/** A concrete path of the template, query allowed (`/v2/x/{x_id}` → `^/v2/x/[^/?]+(\?|$)`). */
export const templatePattern = (template: string): string => `^${template.replace(/\{[^}]+\}/g, '[^/?]+')}(\\?|$)`;

/** Whether a Dredd failure is about the operation (`GET (200) /v2/payment_flows/pfw_…: reason`). */
export function concerns(line: string, op: Operation): boolean {
  const match = /^(\w+) \((\d+)\) (\S+)/.exec(line);
  if (!match) return false;
  const pattern = new RegExp(templatePattern(op.template));
  return match[1]!.toLowerCase() === op.method && pattern.test(match[3]!);
}
