// The first step of `npm test`: what the suite needs from the machine, checked in a few seconds, so that a
// missing piece is one clear line now rather than a failure minutes in. Everything else comes from `npm ci`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../contract-core/files.ts';
import { launchChromium } from '../docs/lib/chromium.ts';

/** A missing prerequisite's line, or nothing. */
type Check = () => string | undefined | Promise<string | undefined>;

const onPath =
  (command: string, why: string): Check =>
  () =>
    spawnSync(command, ['--version'], { stdio: 'ignore' }).error ? `${command} is not on PATH (${why})` : undefined;

const CHECKS: Check[] = [
  () => {
    const floor = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node as string;
    const [major = 0, minor = 0] = /(\d+)\.(\d+)/.exec(floor)!.slice(1).map(Number);
    const [have = 0, haveMinor = 0] = process.versions.node.split('.').map(Number);
    return have > major || (have === major && haveMinor >= minor)
      ? undefined
      : `Node ${process.versions.node} runs npm test, which needs Node ${floor}: run npm ci first (it installs Node 24 into node_modules)`;
  },
  onPath('git', 'the diff and clock-read tests read the repository with it'),
  onPath('tar', 'the diff tests unpack older versions of the contract with it'),
  () => {
    const old = process.env['CONSUMER_OLD_NODE'] ?? '/usr/bin/node';
    return existsSync(old) ? undefined : `${old} is missing: the package test runs its CLI on a Node below 24 (set CONSUMER_OLD_NODE to one)`;
  },
  async () => {
    try {
      await (await launchChromium()).close();
      return undefined;
    } catch (error) {
      const message = String((error as Error).message);
      const reason = /error while loading shared libraries: [^\n]*/.exec(message)?.[0] ?? message.split('\n')[0];
      return `the docs browser test's Chromium does not start: ${reason}`;
    }
  },
];

const missing = (await Promise.all(CHECKS.map((check) => check()))).filter((line): line is string => line !== undefined);
for (const line of missing) console.error(`npm test cannot run here: ${line}`);
process.exit(missing.length === 0 ? 0 : 1);
