// The dependency rules (.dependency-cruiser.cjs, ARCHITECTURE.md) hold on the tree, and a single import
// against the direction breaks them, named by rule and file.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type IConfiguration, type ICruiseResult } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../contract-core/files.ts';

const config = createRequire(import.meta.url)(join(ROOT, '.dependency-cruiser.cjs')) as IConfiguration;
const PARTS = [
  'scripts',
  'generated',
  'contract-core',
  'mock',
  'sandbox',
  'webhooks',
  'contract-tests',
  'docs',
  'tests',
  'tools',
  'diff',
  'package',
  'sdk-ledger',
];

async function violations(baseDir: string, parts: string[]): Promise<string[]> {
  const { output } = await cruise(parts, { ...config.options, ruleSet: { forbidden: config.forbidden ?? [] }, baseDir, validate: true });
  return ((output as ICruiseResult).summary.violations ?? []).map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A tree of one-line modules, `file → imports`, cruised with the project's rules. */
async function violationsOf(files: Record<string, string[]>): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'contract-deps-'));
  dirs.push(dir);
  for (const [file, imports] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    const depth = file.split('/').length - 1;
    writeFileSync(join(dir, file), `${imports.map((to, i) => `import * as m${i} from '${'../'.repeat(depth)}${to}';`).join('\n')}\nexport const x = 1;\n`);
  }
  return violations(dir, [...new Set(Object.keys(files).map((file) => file.split('/')[0]!))]);
}

describe('dependency rules', () => {
  it('hold on the tree', { timeout: 60_000 }, async () => {
    expect(await violations(ROOT, PARTS)).toEqual([]);
  });

  it.each([
    [
      'the mock importing the contract tests',
      { 'mock/a.ts': ['contract-tests/b.ts'], 'contract-tests/b.ts': [] },
      'mock-above-core: mock/a.ts → contract-tests/b.ts',
    ],
    ['the sandbox importing the mock', { 'sandbox/a.ts': ['mock/b.ts'], 'mock/b.ts': [] }, 'sandbox-above-core: sandbox/a.ts → mock/b.ts'],
    [
      'the sandbox importing the receiver tools',
      { 'sandbox/a.ts': ['webhooks/b.ts'], 'webhooks/b.ts': [] },
      'sandbox-above-core: sandbox/a.ts → webhooks/b.ts',
    ],
    [
      'the receiver tools importing the sandbox',
      { 'webhooks/a.ts': ['sandbox/b.ts'], 'sandbox/b.ts': [] },
      'webhooks-above-core: webhooks/a.ts → sandbox/b.ts',
    ],
    [
      'the core importing the sandbox',
      { 'contract-core/a.ts': ['sandbox/b.ts'], 'sandbox/b.ts': [] },
      'core-reads-generated-only: contract-core/a.ts → sandbox/b.ts',
    ],
    [
      'the build importing the core beyond conventions',
      { 'scripts/a.ts': ['contract-core/contract.ts'], 'contract-core/contract.ts': [] },
      'build-imports-build-facing-core-only: scripts/a.ts → contract-core/contract.ts',
    ],
    [
      'the conventions importing generated/',
      { 'contract-core/conventions.ts': ['generated/x.ts'], 'generated/x.ts': [] },
      'build-facing-core-imports-nothing: contract-core/conventions.ts → generated/x.ts',
    ],
    [
      'the docs importing the contract tests',
      { 'docs/a.ts': ['contract-tests/b.ts'], 'contract-tests/b.ts': [] },
      'docs-above-build: docs/a.ts → contract-tests/b.ts',
    ],
    [
      'the contract tests importing a tool',
      { 'contract-tests/a.ts': ['tools/b.ts'], 'tools/b.ts': [] },
      'contract-tests-above-servers: contract-tests/a.ts → tools/b.ts',
    ],
    ['a tool importing the package', { 'tools/a.ts': ['package/b.ts'], 'package/b.ts': [] }, 'nothing-imports-package: tools/a.ts → package/b.ts'],
    ['the package importing a tool', { 'package/a.ts': ['tools/b.ts'], 'tools/b.ts': [] }, 'package-at-the-top: package/a.ts → tools/b.ts'],
    [
      'the SDK ledger importing the sandbox',
      { 'sdk-ledger/a.ts': ['sandbox/b.ts'], 'sandbox/b.ts': [] },
      'sdk-ledger-above-core: sdk-ledger/a.ts → sandbox/b.ts',
    ],
    // contract-tests/, layer by layer
    [
      'the runner importing a reporter',
      { 'contract-tests/lib/runner.ts': ['contract-tests/reporters/console.ts'], 'contract-tests/reporters/console.ts': [] },
      'contract-runner-renders-nothing: contract-tests/lib/runner.ts → contract-tests/reporters/console.ts',
    ],
    [
      'a case module importing the runner',
      { 'contract-tests/lib/cases/success.ts': ['contract-tests/lib/runner.ts'], 'contract-tests/lib/runner.ts': [] },
      'contract-cases-do-not-run: contract-tests/lib/cases/success.ts → contract-tests/lib/runner.ts',
    ],
    [
      'the step vocabulary importing a case module',
      { 'contract-tests/lib/step.ts': ['contract-tests/lib/cases/index.ts'], 'contract-tests/lib/cases/index.ts': [] },
      'contract-vocabulary-below-cases: contract-tests/lib/step.ts → contract-tests/lib/cases/index.ts',
    ],
    [
      'a reporter importing the suite',
      { 'contract-tests/reporters/junit.ts': ['contract-tests/lib/suite.ts'], 'contract-tests/lib/suite.ts': [] },
      'contract-reporters-read-results: contract-tests/reporters/junit.ts → contract-tests/lib/suite.ts',
    ],
    // sandbox/, layer by layer
    [
      'the store throwing a problem of HTTP (storage importing http/)',
      { 'sandbox/storage/a.ts': ['sandbox/http/problem.ts'], 'sandbox/http/problem.ts': [] },
      'sandbox-storage-knows-nothing-above: sandbox/storage/a.ts → sandbox/http/problem.ts',
    ],
    [
      'the store importing a collection',
      { 'sandbox/storage/a.ts': ['sandbox/state/b.ts'], 'sandbox/state/b.ts': [] },
      'sandbox-storage-knows-nothing-above: sandbox/storage/a.ts → sandbox/state/b.ts',
    ],
    [
      'the state importing HTTP',
      { 'sandbox/state/a.ts': ['sandbox/http/b.ts'], 'sandbox/http/b.ts': [] },
      'sandbox-state-below-resources: sandbox/state/a.ts → sandbox/http/b.ts',
    ],
    [
      'the state importing a resource',
      { 'sandbox/state/a.ts': ['sandbox/resources/b.ts'], 'sandbox/resources/b.ts': [] },
      'sandbox-state-below-resources: sandbox/state/a.ts → sandbox/resources/b.ts',
    ],
    [
      'a resource importing HTTP',
      { 'sandbox/resources/a.ts': ['sandbox/http/b.ts'], 'sandbox/http/b.ts': [] },
      'sandbox-resources-below-http: sandbox/resources/a.ts → sandbox/http/b.ts',
    ],
    [
      'HTTP importing the server that assembles it',
      { 'sandbox/http/a.ts': ['sandbox/server.ts'], 'sandbox/server.ts': [] },
      'sandbox-http-below-server: sandbox/http/a.ts → sandbox/server.ts',
    ],
    [
      "webhook delivery importing a tenant's state",
      { 'sandbox/webhooks/a.ts': ['sandbox/state/state.ts'], 'sandbox/state/state.ts': [] },
      'sandbox-webhooks-on-state-leaves: sandbox/webhooks/a.ts → sandbox/state/state.ts',
    ],
    ['a cycle inside a part', { 'mock/a.ts': ['mock/b.ts'], 'mock/b.ts': ['mock/a.ts'] }, 'no-circular: mock/a.ts → mock/b.ts'],
  ])('catch %s', { timeout: 30_000 }, async (_, files, expected) => {
    expect(await violationsOf(files)).toContain(expected);
  });

  it("let a sandbox layer's tests import above it (tests are the top), and a layer import below it", { timeout: 30_000 }, async () => {
    expect(
      await violationsOf({
        'sandbox/storage/a.test.ts': ['sandbox/state/b.ts'],
        'sandbox/state/b.ts': ['sandbox/storage/c.ts', 'sandbox/webhooks/d.ts'],
        'sandbox/storage/c.ts': [],
        'sandbox/webhooks/d.ts': ['sandbox/state/model.ts'],
        'sandbox/state/model.ts': [],
      }),
    ).toEqual([]);
  });
});
