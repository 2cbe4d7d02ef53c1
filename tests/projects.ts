// The vitest projects, the parts of the repository each one tests, and which of them the clock pass runs.
// Read by vitest.config.ts (what runs) and by tests/clock-reads.test.ts (every read of the clock lies in a
// part the clock pass runs): one list for both.

export interface Project {
  name: string;
  /** The test files (globs). */
  include: string[];
  exclude?: string[];
  /** The folders whose code this project's tests exercise: a clock read there is covered when the project runs in the clock pass. */
  sources: string[];
  /** Runs again in the clock pass (every Node process 1826 days ahead: tests/support/clock-pass.ts): its code reads the clock. */
  clock?: true;
  env?: Record<string, string>;
  /** Run before each test file (the clock pass's check that its clock is ahead). */
  setupFiles?: string[];
  testTimeout?: number;
  hookTimeout?: number;
}

/**
 * The long tests, run by `.ci/run` after `npm test` (`npm run test:long`), not by `npm test`: load, soak and
 * kill -9 tests (`*.soak.test.ts`), and the package packed and installed offline into fresh projects, used from
 * there on the oldest Node (what a release proves, at about 100 CPU-s: README.md, "Where each test runs").
 */
export const LONG_TESTS = ['**/*.soak.test.ts', 'package/consumer.test.ts'];

const slow = { testTimeout: 60_000, hookTimeout: 60_000 };

export const PROJECTS: Project[] = [
  {
    name: 'build',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/parity/**', 'tests/webhooks/**'],
    sources: ['scripts/', 'generated/', 'tests/'],
  },
  { name: 'core', include: ['contract-core/**/*.test.ts'], sources: ['contract-core/'] },
  // The same requests to the mock and the sandbox, over HTTP: both servers started by each file.
  { name: 'parity', include: ['tests/parity/**/*.test.ts'], sources: ['tests/parity/'], clock: true, testTimeout: 30_000, hookTimeout: 60_000 },
  { name: 'mock', include: ['mock/**/*.test.ts'], sources: ['mock/'], testTimeout: 30_000, hookTimeout: 60_000 },
  { name: 'sandbox', include: ['sandbox/**/*.test.ts'], sources: ['sandbox/'], clock: true, ...slow },
  // The receiver tools, and the sandbox delivering to receivers end to end.
  { name: 'webhooks', include: ['webhooks/**/*.test.ts', 'tests/webhooks/**/*.test.ts'], sources: ['webhooks/', 'tests/webhooks/'], clock: true, ...slow },
  // The runner's own tests, and the suite against the local mock (the default target).
  { name: 'contract', include: ['contract-tests/**/*.test.ts'], sources: ['contract-tests/'], clock: true, ...slow },
  // The suite against a sandbox it starts (`npm run test:sandbox` runs this project alone).
  {
    name: 'contract-sandbox',
    include: ['contract-tests/contract.test.ts'],
    sources: ['contract-tests/'],
    clock: true,
    env: { CONTRACT_TARGET: 'sandbox' },
    ...slow,
  },
  { name: 'docs', include: ['docs/**/*.test.ts'], sources: ['docs/'], testTimeout: 120_000, hookTimeout: 120_000 },
  { name: 'diff', include: ['diff/**/*.test.ts'], sources: ['diff/'], testTimeout: 120_000, hookTimeout: 180_000 },
  // The package's entry points and CLI, from the repository (installed from its tarball: the long pass).
  { name: 'package', include: ['package/**/*.test.ts'], sources: ['package/'], testTimeout: 120_000, hookTimeout: 240_000 },
];

/** The long project: every long test, whichever part it belongs to (`npm run test:long`). */
export const LONG_PROJECT: Project = { name: 'long', include: LONG_TESTS, sources: [], testTimeout: 120_000, hookTimeout: 240_000 };

/** The projects the clock pass runs. */
export const CLOCK_PROJECTS = PROJECTS.filter((project) => project.clock).map((project) => project.name);
