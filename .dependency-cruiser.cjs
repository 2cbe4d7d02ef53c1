// The direction of dependencies between the parts (ARCHITECTURE.md), checked by `npm run deps` in npm test.
// Each rule says which part may import which; anything else is an error naming the importing file.
//
//   contract-core/conventions.ts, evidence.ts, files.ts, parameter-rules.ts, example-objects.ts (import nothing)
//   scripts/ (the build)      → those five
//   generated/                → nothing
//   contract-core/            → generated/
//   mock/, sandbox/           → contract-core/, generated/
//   webhooks/ (for merchants' receivers) → contract-core/, generated/ (never the sandbox it tests against)
//   contract-tests/           → contract-core/, generated/, mock/, sandbox/ (it starts them as local targets)
//   docs/                     → contract-core/, generated/, scripts/ (the site is built from the spec's sources),
//                               diff/ (the changelog page is the checker's findings over the history)
//   diff/                     → contract-core/, generated/, scripts/ (it builds each version it compares)
//   tests/ (the build's tests)→ scripts/, contract-core/, generated/, contract-tests/ (typed client), mock/, sandbox/,
//                               webhooks/ (the sandbox's webhooks judged end to end by the receiver tools), sdk-ledger/
//   sdk-ledger/ (what each official SDK states, against the contract) → contract-core/, generated/
//   tools/                    → anything below them, never the other way
//   package/ (the installable package's entry points and CLI, beside tools/ at the top) → every part but
//                               tools/ and tests/ (the repository's own, not shipped); nothing imports package/
// Inside sandbox/, its layers in the order a request travels (ARCHITECTURE.md, "sandbox/, layer by layer"),
// each importing only those below it (tests, at the top, may import any):
//   server.ts                 → anything of sandbox/ (it assembles the layers)
//   sandbox/http/             → resources/, state/, storage/, webhooks/ (never server.ts)
//   sandbox/resources/        → state/, storage/, webhooks/ (never http/)
//   sandbox/state/            → storage/, webhooks/ (delivery, handed each event)
//   sandbox/webhooks/         → state/model.ts, state/clock.ts, state/ids.ts (the leaves it is handed)
//   sandbox/storage/          → nothing of sandbox/
// The core modules the build may use: the bundle's conventions, evidence sources, where files are, the
// x-parameter-rules vocabulary (its lint rule reads the rules as the servers do) and the objects the examples
// name (their lint rule reads the IDs the sandbox seeds).
const BUILD_FACING_CORE = '^contract-core/(conventions|evidence|files|parameter-rules|example-objects)\\.ts$';
const PARTS = '^(scripts|generated|contract-core|mock|sandbox|webhooks|contract-tests|docs|tests|tools|diff|package|sdk-ledger)/';

/** A sandbox layer (folder) may import, within sandbox/, only its own files and the paths `allowed` matches. */
const sandboxLayer = (name, layer, allowed) => ({
  name,
  comment: `sandbox/${layer}/ may import, within sandbox/, only ${allowed.length === 0 ? 'itself' : allowed.join(', ')} (ARCHITECTURE.md)`,
  severity: 'error',
  from: { path: `^sandbox/${layer}/`, pathNot: '\\.test\\.ts$' },
  to: { path: '^sandbox/', pathNot: [`^sandbox/${layer}/`, ...allowed.map((path) => `^sandbox/${path}`)] },
});

/** @type {import('dependency-cruiser').IConfiguration} */
const only = (name, from, allowed) => ({
  name,
  comment: `${from} may import only ${allowed.join(', ')} (and packages)`,
  severity: 'error',
  from: { path: `^${from}/` },
  to: { path: PARTS, pathNot: [`^${from}/`, ...allowed.map((part) => `^${part}(/|$)`)] },
});

/** A rule between the layers inside one part: `from` may not import `to`. */
const layer = (name, comment, from, to) => ({ name, comment, severity: 'error', from: { path: from }, to });

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'a cycle between modules hides which part depends on which',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'build-facing-core-imports-nothing',
      comment: 'the build uses these before generated/ exists: they may import nothing of ours',
      severity: 'error',
      from: { path: BUILD_FACING_CORE },
      to: { path: PARTS },
    },
    only('build-imports-build-facing-core-only', 'scripts', [BUILD_FACING_CORE.slice(1)]),
    only('generated-imports-nothing', 'generated', []),
    only('core-reads-generated-only', 'contract-core', ['generated']),
    only('mock-above-core', 'mock', ['contract-core', 'generated']),
    only('sandbox-above-core', 'sandbox', ['contract-core', 'generated']),
    sandboxLayer('sandbox-http-below-server', 'http', ['resources/', 'state/', 'storage/', 'webhooks/']),
    sandboxLayer('sandbox-resources-below-http', 'resources', ['state/', 'storage/', 'webhooks/']),
    sandboxLayer('sandbox-state-below-resources', 'state', ['storage/', 'webhooks/']),
    sandboxLayer('sandbox-webhooks-on-state-leaves', 'webhooks', ['state/(model|clock|ids)\\.ts$']),
    sandboxLayer('sandbox-storage-knows-nothing-above', 'storage', []),
    only('webhooks-above-core', 'webhooks', ['contract-core', 'generated']),
    only('contract-tests-above-servers', 'contract-tests', ['contract-core', 'generated', 'mock', 'sandbox']),
    only('docs-above-build', 'docs', ['contract-core', 'generated', 'scripts', 'diff']),
    only('diff-above-build', 'diff', ['contract-core', 'generated', 'scripts']),
    only('sdk-ledger-above-core', 'sdk-ledger', ['contract-core', 'generated']),
    only('build-tests', 'tests', ['scripts', 'contract-core', 'generated', 'contract-tests', 'mock', 'sandbox', 'webhooks', 'sdk-ledger']),
    only('package-at-the-top', 'package', ['scripts', 'generated', 'contract-core', 'mock', 'sandbox', 'webhooks', 'contract-tests', 'docs', 'diff']),
    // contract-tests/, layer by layer (ARCHITECTURE.md): a case is built (lib/cases/), run (lib/runner.ts) into a
    // result (lib/result.ts), and rendered by a reporter (reporters/). Nothing below the reporters renders.
    layer(
      'contract-runner-renders-nothing',
      'contract-tests/lib/ (the runner, its cases, the suite) imports no reporter: it makes results, reporters/ renders them',
      '^contract-tests/lib/',
      { path: '^contract-tests/reporters/' },
    ),
    layer(
      'contract-cases-do-not-run',
      'the case modules (lib/cases/) build steps from the vocabulary of lib/step.ts; they do not run them (lib/runner.ts)',
      '^contract-tests/lib/cases/',
      { path: '^contract-tests/lib/(runner|suite|verify)\\.ts$' },
    ),
    layer(
      'contract-vocabulary-below-cases',
      'lib/step.ts and lib/result.ts are what cases, runner and reporters share: they import no case, runner or reporter',
      '^contract-tests/lib/(step|result)\\.ts$',
      { path: '^contract-tests/(lib/(cases/|runner\\.ts|suite\\.ts|scenarios\\.ts|provoke\\.ts|recipes\\.ts)|reporters/)' },
    ),
    layer(
      'contract-reporters-read-results',
      'a reporter renders results (lib/result.ts) with the redaction of lib/keys.ts; it builds and runs nothing',
      '^contract-tests/reporters/',
      { path: '^contract-tests/', pathNot: '^contract-tests/(reporters/|lib/(result|keys|grading)\\.ts$)' },
    ),
    {
      name: 'nothing-imports-package',
      comment: 'package/ is what users import: no part of the repository (tools/ included) depends on it',
      severity: 'error',
      from: { pathNot: '^package/' },
      to: { path: '^package/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|docs/dist|reports)/' },
  },
};
