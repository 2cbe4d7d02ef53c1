// npm run test:specmatic: Specmatic, a third engine no one here wrote, against a fresh sandbox on an
// ephemeral port. Its jar is called with `java -jar` (the npm wrapper `npx specmatic` exits 0 when tests
// fail). Generative tests are on with a bounded number of combinations (SPECMATIC_COMBINATIONS, default 1);
// `-- --examples` turns the generative tests off: the named examples where a request example pairs with a
// response example, one request of the schema elsewhere (Specmatic's strict mode, examples only, needs a
// request example for every success example, which the spec does not have yet).
// Every failure is classified (classify.ts): the run fails on sandbox bugs and spec defects; tool
// limitations are counted and named once each. Reports: reports/specmatic/ (transcript, JUnit, summary).
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE_FILE, loadContract } from '../../contract-core/contract.ts';
import { redact } from '../lib/keys.ts';
import { REPORTS } from '../lib/report.ts';
import { LOCAL_TEST_KEY } from '../lib/target.ts';
import { createClassifier, type Verdict } from './classify.ts';
import { specmaticCopy } from './spec-copy.ts';
import { readTranscript } from './transcript.ts';

const JAR = join(import.meta.dirname, '../../node_modules/specmatic/specmatic.jar');
const examplesOnly = process.argv.includes('--examples');
const combinations = Number(process.env['SPECMATIC_COMBINATIONS'] ?? 1);
if (!Number.isInteger(combinations) || combinations < 1) throw new Error(`SPECMATIC_COMBINATIONS must be a positive integer (got '${process.env['SPECMATIC_COMBINATIONS']}')`);
const dir = join(REPORTS, 'specmatic');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });

// Specmatic reads a copy written around its misreadings of OpenAPI 3.1 (spec-copy.ts).
const spec = join(dir, 'openapi.specmatic.json');
writeFileSync(spec, JSON.stringify(specmaticCopy(JSON.parse(readFileSync(BUNDLE_FILE, 'utf8')) as Record<string, unknown>)));

const { startSandbox } = await import('../../sandbox/server.ts');
const sandbox = await startSandbox({ port: 0 });
const started = performance.now();
let code: number;
try {
  const transcript = join(dir, 'transcript.txt');
  code = await new Promise<number>((resolve, reject) => {
    const child = spawn('java', ['-jar', JAR, 'test', spec, `--testBaseURL=${sandbox.url}`, `--junitReportDir=${join(dir, 'junit')}`], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // The credentials of a security scheme are read from the variable of its name.
        bearerAuth: LOCAL_TEST_KEY.reveal(),
        SPECMATIC_GENERATIVE_TESTS: examplesOnly ? 'false' : 'true',
        MAX_TEST_REQUEST_COMBINATIONS: String(combinations),
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
  const exchanges = readTranscript(text);
  const classify = createClassifier(loadContract());
  const counts = new Map<Verdict, Map<string, number>>([['sandbox bug', new Map()], ['spec defect', new Map()], ['tool limitation', new Map()]]);
  for (const exchange of exchanges) {
    const classified = classify(exchange);
    if (!classified) continue;
    const byWhy = counts.get(classified.verdict)!;
    byWhy.set(classified.why, (byWhy.get(classified.why) ?? 0) + 1);
  }
  // A test that failed without a request in the transcript (Specmatic could not build it) is the tool's.
  const unsent = Number(totals?.[3] ?? 0) - exchanges.filter((e) => e.failed).length;
  if (unsent > 0) counts.get('tool limitation')!.set('Specmatic failed the test before sending a request (see the JUnit report)', unsent);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const lines = [
    `# Specmatic against a fresh sandbox (${examplesOnly ? 'examples, no generative tests' : `generative, ${combinations} combination(s) per request`})`,
    '',
    `Specmatic exit status ${code}; tests run ${totals?.[1] ?? '?'}, passed ${totals?.[2] ?? '?'}, failed ${totals?.[3] ?? '?'}; ${seconds} s.`,
    '',
  ];
  for (const [verdict, byWhy] of counts) {
    const total = [...byWhy.values()].reduce((a, b) => a + b, 0);
    lines.push(`## ${verdict}: ${total}`, '');
    for (const [why, n] of [...byWhy].sort((a, b) => b[1] - a[1])) lines.push(`- ${n} × ${why}`);
    lines.push('');
  }
  const summary = redact(lines.join('\n'));
  writeFileSync(join(dir, 'summary.md'), summary);
  console.log(summary);
  const blocking = [...counts.get('sandbox bug')!.values(), ...counts.get('spec defect')!.values()].reduce((a, b) => a + b, 0);
  if (!totals) console.log('Specmatic printed no totals: see reports/specmatic/transcript.txt');
  process.exitCode = blocking > 0 || !totals ? 1 : 0;
} finally {
  await sandbox.close();
}
