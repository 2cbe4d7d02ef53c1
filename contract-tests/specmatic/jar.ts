// Specmatic itself: its npm package's jar run with `java -jar` (the npm wrapper `npx specmatic` exits 0 when
// tests fail), against a copy of the bundle written around its misreadings (spec-copy.ts), with the local
// test key as the bearer credential. Its console output (every request, answer and verdict) is kept, redacted.
import { spawn } from 'node:child_process';
import { createWriteStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FILE } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import { LOCAL_TEST_KEY } from '../lib/target.ts';
import { specmaticCopy } from './spec-copy.ts';

const JAR = join(import.meta.dirname, '../../node_modules/specmatic/specmatic.jar');

export interface SpecmaticOptions {
  /** The folder for the spec copy, transcripts and JUnit reports. */
  dir: string;
  baseUrl: string;
  /** Generative tests with this many combinations per request; undefined: the examples alone. */
  combinations?: number;
  /** Specmatic's --filter (`METHOD='GET' && PATH='/v2/…'`). */
  filter?: string;
  /** The transcript's file name in `dir`. */
  transcript: string;
  junit?: boolean;
}

export interface SpecmaticRun {
  code: number;
  /** The console output, redacted. */
  text: string;
  totals: { run: number; passed: number; failed: number } | undefined;
}

/** Writes the copy of the bundle Specmatic reads into `dir`; returns its path. */
export function writeSpecCopy(dir: string): string {
  const spec = join(dir, 'openapi.specmatic.json');
  writeFileSync(spec, JSON.stringify(specmaticCopy(JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as Record<string, unknown>)));
  return spec;
}

export async function runSpecmatic(spec: string, options: SpecmaticOptions): Promise<SpecmaticRun> {
  const transcript = join(options.dir, options.transcript);
  const args = ['-jar', JAR, 'test', spec, `--testBaseURL=${options.baseUrl}`];
  if (options.filter) args.push(`--filter=${options.filter}`);
  if (options.junit) args.push(`--junitReportDir=${join(options.dir, 'junit')}`);
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn('java', args, {
      cwd: options.dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // The credentials of a security scheme are read from the variable of its name.
        bearerAuth: LOCAL_TEST_KEY.reveal(),
        SPECMATIC_GENERATIVE_TESTS: options.combinations === undefined ? 'false' : 'true',
        ...(options.combinations === undefined ? {} : { MAX_TEST_REQUEST_COMBINATIONS: String(options.combinations) }),
      },
    });
    const out = createWriteStream(transcript);
    child.stdout.on('data', (chunk: Buffer) => out.write(redact(chunk.toString())));
    child.stderr.on('data', (chunk: Buffer) => out.write(redact(chunk.toString())));
    child.on('error', reject);
    child.on('close', (status) => out.end(() => resolve(status ?? 1)));
  });
  const text = readFileSync(transcript, 'utf8');
  const totals = /Tests run: (\d+), Successes: (\d+), Failures: (\d+)/.exec(text);
  return { code, text, totals: totals ? { run: Number(totals[1]), passed: Number(totals[2]), failed: Number(totals[3]) } : undefined };
}
