// One vitest run, one project per part (tests/projects.ts); each project starts the servers it needs.
// TEST_PASS picks the run: unset, every project (`npm test`'s pass); `clock`, the projects whose code reads the
// clock (`npm run test:clock`, 1826 days ahead: tests/support/clock-pass.ts); `soak`, the load, soak and kill -9 tests (`npm run test:soak`).
import { configDefaults, defineConfig } from 'vitest/config';
import { CLOCK_PROJECTS, PROJECTS, type Project, SOAK_PROJECT, SOAK_TESTS } from './tests/projects.ts';

const PASSES: Record<string, Project[]> = {
  all: PROJECTS,
  clock: PROJECTS.filter((project) => CLOCK_PROJECTS.includes(project.name)),
  soak: [SOAK_PROJECT],
};
const pass = process.env['TEST_PASS'] ?? 'all';
const projects = PASSES[pass];
if (!projects) throw new Error(`TEST_PASS must be one of ${Object.keys(PASSES).join(', ')} (got ${pass})`);

export default defineConfig({
  test: {
    projects: projects.map(({ name, include, exclude = [], env, testTimeout, hookTimeout }) => ({
      test: {
        name,
        include,
        // The soak tests run in their own pass only.
        exclude: [...configDefaults.exclude, ...exclude, ...(name === SOAK_PROJECT.name ? [] : [SOAK_TESTS])],
        ...(env ? { env } : {}),
        ...(testTimeout ? { testTimeout } : {}),
        ...(hookTimeout ? { hookTimeout } : {}),
      },
    })),
  },
});
