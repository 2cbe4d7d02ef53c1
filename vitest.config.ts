// One vitest run, one project per part (tests/projects.ts); each project starts the servers it needs. The
// projects whose code reads the clock run twice in it: as themselves, and as `<project>+1826d`, the clock pass,
// with every Node process five years ahead (tests/support/clock-pass.ts). TEST_PASS picks a part of the run:
// `now`, the projects at today's date only; `clock`, the clock pass only (`npm run test:clock`); `long`, the
// long tests that `.ci/run` runs after `npm test` (`npm run test:long`: load, soak, kill -9, the package installed).
import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';
import { CLOCK_PROJECTS, LONG_PROJECT, LONG_TESTS, PROJECTS, type Project } from './tests/projects.ts';
import { CLOCK_PASS_SUFFIX, clockPassEnv } from './tests/support/clock-pass.ts';

const clockPass: Project[] = PROJECTS.filter((project) => CLOCK_PROJECTS.includes(project.name)).map((project) => ({
  ...project,
  name: `${project.name}${CLOCK_PASS_SUFFIX}`,
  // vitest starts each worker with its project's env: NODE_OPTIONS preloads the clock in the worker and in
  // every process it spawns.
  env: { ...project.env, NODE_OPTIONS: clockPassEnv({})['NODE_OPTIONS']! },
  setupFiles: ['tests/support/clock-pass-setup.ts'],
}));
const PASSES: Record<string, Project[]> = {
  all: [...PROJECTS, ...clockPass],
  now: PROJECTS,
  clock: clockPass,
  long: [LONG_PROJECT],
};
const pass = process.env['TEST_PASS'] ?? 'all';
const projects = PASSES[pass];
if (!projects) throw new Error(`TEST_PASS must be one of ${Object.keys(PASSES).join(', ')} (got ${pass})`);

export default defineConfig({
  test: {
    // One file more at a time than the machine has cores (vitest's default is one less: on 2 cores, one file at
    // a time): many files spend part of their time waiting on sockets and timers (the contract suite against the
    // sandbox: 9 CPU-s in 15 s), and a third worker on 2 cores finished the warm run sooner in each of three
    // interleaved rounds (215-220 s against 226-241 s: README.md, "Where each test runs").
    maxWorkers: availableParallelism() + 1,
    projects: projects.map(({ name, include, exclude = [], env, setupFiles, testTimeout, hookTimeout }) => ({
      test: {
        name,
        include,
        // Each worker runs its files one after the other in one module graph: the contract, the bundle and its
        // compiled schemas are loaded once per worker, not once per file (624 CPU-s for the whole run against
        // 780 isolated, README.md). A file restores what it changes (env stubs, fake timers, spies).
        isolate: false,
        // The long tests run in their own pass only.
        exclude: [...configDefaults.exclude, ...exclude, ...(name === LONG_PROJECT.name ? [] : LONG_TESTS)],
        ...(env ? { env } : {}),
        ...(setupFiles ? { setupFiles } : {}),
        ...(testTimeout ? { testTimeout } : {}),
        ...(hookTimeout ? { hookTimeout } : {}),
      },
    })),
  },
});
