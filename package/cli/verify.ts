// `verify`: the contract suite against a server (staging, a sandbox, a mock), with the reports a pipeline
// reads. Each flag stands for the variable of `npm run test:contract`, read and checked by the suite's own
// readers (the key, PAYJP_SECRET_KEY, only from the environment: a flag would show it in `ps` and shell history).
import { accessSync, constants, mkdirSync } from 'node:fs';
import { passed, type CaseResult } from '../../contract-tests/lib/result.ts';
import { consoleSummary, caseLine } from '../../contract-tests/reporters/console.ts';
import { writeReports, REPORT_FILES, type FileReporter } from '../../contract-tests/reporters/files.ts';
import { redact } from '../../contract-tests/lib/keys.ts';
import { readStrict } from '../../contract-tests/lib/grading.ts';
import { parseShard } from '../../contract-tests/lib/shard.ts';
import { DEFAULT_MAX_BODY_BYTES, readTargetConfig } from '../../contract-tests/lib/target.ts';
import { readChecks } from '../../contract-tests/lib/suite.ts';
import { verify as runSuite } from '../../contract-tests/lib/verify.ts';
import { readGenerateOptions } from '../../contract-tests/generate/options.ts';
import { loadContract } from '../../contract-core/contract.ts';
import { UsageError, stringOf, type Command } from './command.ts';
import { paint, progress } from './output.ts';

const REPORTERS = ['console', ...(Object.keys(REPORT_FILES) as FileReporter[])] as const;
type Reporter = (typeof REPORTERS)[number];

/** The flags that stand for the suite's variables. */
const SETTINGS = {
  'base-url': {
    type: 'string',
    value: '<url>',
    description: 'the server to verify; without it a local mock or sandbox is started (--target)',
    env: 'CONTRACT_BASE_URL',
  },
  target: {
    type: 'string',
    value: '<kind>',
    description:
      "mock or sandbox: start that locally; remote: the --base-url server; sandbox with --base-url: a sandbox running elsewhere. Default with --base-url: remote, or sandbox when the server says it is this package's sandbox",
    env: 'CONTRACT_TARGET',
  },
  rate: { type: 'string', value: '<n>', description: 'requests per second, all together', env: 'CONTRACT_RATE', default: '5 remote, 200 local' },
  concurrency: { type: 'string', value: '<n>', description: 'requests in flight, never more', env: 'CONTRACT_CONCURRENCY', default: '2 remote, 8 local' },
  timeout: { type: 'string', value: '<ms>', description: 'per request, at most 2147483647 (what a timer holds)', env: 'CONTRACT_TIMEOUT_MS', default: '10000' },
  'max-body-bytes': {
    type: 'string',
    value: '<n>',
    description: "the most bytes read of an answer's body; a larger answer is an infrastructure failure, not read on",
    env: 'CONTRACT_MAX_BODY_BYTES',
    default: String(DEFAULT_MAX_BODY_BYTES),
  },
  strict: { type: 'boolean', description: 'a remote server breaking an inferred rule fails too (else a warning)', env: 'CONTRACT_STRICT' },
  checks: {
    type: 'string',
    value: '<names>',
    description: "only these of the validator's named checks, comma-separated",
    env: 'CONTRACT_CHECKS',
    default: 'all',
  },
  'exclude-checks': {
    type: 'string',
    value: '<names>',
    description: "all of the validator's named checks but these, comma-separated",
    env: 'CONTRACT_EXCLUDE_CHECKS',
  },
} as const;

export const verify: Command = {
  name: 'verify',
  summary: 'run the contract suite against a server and report; exit 0 conforming, 1 violations, 2 infrastructure',
  description: [
    'Sends real requests (every operation, each documented error a client can provoke, scenarios that chain',
    'IDs) and validates every answer against the contract. Exit 0: conforming; 1: contract violations (each',
    "with operation, request ID, JSON pointer, expected, actual and the rule's evidence); 2: a usage error or",
    "infrastructure (no answer, an edge's HTML page, a missing precondition such as CONTRACT_ID_CARD_ID).",
    'The key comes from PAYJP_SECRET_KEY only: a secret test key (sk_test_ and letters and digits), anything',
    'else is refused before any request. Progress goes to stderr, reports to stdout and --output-dir.',
  ].join('\n'),
  flags: {
    ...SETTINGS,
    shard: {
      type: 'string',
      value: '<i/n>',
      description: 'run the i-th of n parts (every n-th scenario and operation), one per CI machine',
      env: 'CONTRACT_SHARD',
    },
    reporter: {
      type: 'string',
      multiple: true,
      value: '<name>',
      description: `${REPORTERS.join(', ')}; files go to --output-dir`,
      env: 'CONTRACT_REPORTER',
      default: 'console',
    },
    generate: {
      type: 'string',
      value: '<n>',
      description: "after the suite, n generated valid and n generated invalid requests per operation, then the chains of the spec's links",
      env: 'CONTRACT_GENERATE',
    },
    seed: { type: 'string', value: '<n>', description: 'the seed of --generate: the same seed sends the same requests', env: 'CONTRACT_SEED', default: '27' },
    'generate-budget': {
      type: 'string',
      value: '<requests>',
      description: 'requests --generate may send at most, shrinking included',
      env: 'CONTRACT_GENERATE_BUDGET',
      default: '6 per case',
    },
    replay: { type: 'string', value: '<id@path>', description: "one generated failure again, as its report's replay line gives it", env: 'CONTRACT_REPLAY' },
    'output-dir': {
      type: 'string',
      value: '<dir>',
      description: 'where the junit, markdown and json reports are written',
      env: 'CONTRACT_REPORTS_DIR',
      default: 'reports',
    },
  },
  examples: [
    'PAYJP_SECRET_KEY=sk_test_… payjp-v2-contract verify --base-url https://staging.example --reporter console --reporter junit',
    'PAYJP_SECRET_KEY=sk_test_mine payjp-v2-contract verify --base-url http://127.0.0.1:4020   # a sandbox, known as one by itself',
    'payjp-v2-contract verify --base-url "$STAGING_URL" --shard 2/4 --reporter junit --output-dir reports/shard-2',
  ],
  async run(values, _, output) {
    const reporters = readReporters(values['reporter']);
    const shardText = stringOf(values, 'shard');
    const shard = shardText === undefined ? undefined : parseShard(shardText, 'CONTRACT_SHARD');
    // The suite's readers take the environment: the flags given stand in for their variables.
    for (const [name, flag] of Object.entries(SETTINGS)) {
      const value = values[name];
      if (value !== undefined) process.env[flag.env] = value === true ? '1' : value === false ? '0' : String(value);
    }
    const config = readTargetConfig(process.env);
    const strict = readStrict(process.env);
    const checks = readChecks(process.env);
    const generate = readGenerateOptions(
      {
        generate: stringOf(values, 'generate'),
        seed: stringOf(values, 'seed'),
        budget: stringOf(values, 'generate-budget'),
        replay: stringOf(values, 'replay'),
      },
      loadContract().operations.length,
    );
    const files = reporters.filter((r): r is FileReporter => r !== 'console');
    const outputDir = stringOf(values, 'output-dir') ?? 'reports';
    // Before the first request: a run is not to be thrown away for want of a place to write its reports.
    if (files.length > 0) writableDir(outputDir);

    const bar = progress(output, 'verify');
    let cases = 0;
    let failed = 0;
    const verification = await runSuite({
      config,
      strict,
      checks,
      ...(shard ? { shard } : {}),
      ...(generate ? { generate: { ...generate, command: 'payjp-v2-contract verify' } } : {}),
      log: (line) => output.err(redact(line)),
      onUnit: ({ done, total, name, results }) => {
        cases += results.length;
        const failures = results.filter((r) => r.mode !== 'skipped' && !passed(r));
        failed += failures.length;
        if (reporters.includes('console')) {
          bar.end();
          for (const result of failures) output.out(paint(output, 'red', caseLine(result)));
        }
        bar.update(done, total, `${name} · ${cases} cases, ${failed} failed`);
      },
    });
    bar.end();
    const { contract, results, target } = verification;
    const written = files.length > 0 ? writeReports(contract.operations, results, target, outputDir, files) : [];
    const code = exitCode(results);
    if (reporters.includes('console')) {
      output.out(`\n${consoleSummary(contract.operations, results)}`);
      const verdict =
        code === 0
          ? paint(output, 'green', 'conforming')
          : code === 1
            ? paint(output, 'red', 'contract violations')
            : paint(output, 'yellow', "infrastructure failures or missing preconditions (not the contract's)");
      output.out(`${target}: ${verdict}`);
    }
    for (const file of written) output.err(`wrote ${file}`);
    return code;
  },
};

function readReporters(given: string | boolean | string[] | undefined): Reporter[] {
  const names = (Array.isArray(given) ? given : typeof given === 'string' ? [given] : ['console'])
    .flatMap((name) => name.split(','))
    .map((name) => name.trim());
  const unknown = names.filter((name) => !(REPORTERS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new UsageError(`CONTRACT_REPORTER must be ${REPORTERS.join(', ')} (got '${unknown.join("', '")}')`);
  return [...new Set(names as Reporter[])];
}

/** CONTRACT_REPORTS_DIR, made if missing, where a file can be written; else a usage error naming it. */
function writableDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new UsageError(
      `CONTRACT_REPORTS_DIR: cannot write reports to ${JSON.stringify(dir)} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

/**
 * The verdict (contract-tests/README.md, "Exit codes"): 1 when a case got an answer of the API's that broke
 * the contract; else 2 when any case failed for infrastructure or a missing precondition, or no case got an
 * answer of the API's at all; else 0.
 */
export function exitCode(results: readonly CaseResult[]): number {
  const failed = results.filter((r) => r.mode !== 'skipped' && !passed(r));
  if (failed.some((r) => r.violations.length > 0 || r.failures.length > 0)) return 1;
  const answered = results.some((r) => r.status !== undefined && r.infrastructure.length === 0);
  return failed.length > 0 || !answered ? 2 : 0;
}
