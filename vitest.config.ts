// One vitest run, one project per part; each project starts the servers it needs.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'build', include: ['tests/**/*.test.ts'], exclude: ['tests/parity/**', 'tests/webhooks/**'] } },
      { test: { name: 'core', include: ['contract-core/**/*.test.ts'] } },
      // The same requests to the mock and the sandbox, over HTTP: both servers started by each file.
      { test: { name: 'parity', include: ['tests/parity/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'mock', include: ['mock/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'sandbox', include: ['sandbox/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      // The receiver tools, and the sandbox delivering to receivers end to end.
      { test: { name: 'webhooks', include: ['webhooks/**/*.test.ts', 'tests/webhooks/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 60_000 } },
      {
        test: {
          name: 'contract',
          include: ['contract-tests/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      { test: { name: 'docs', include: ['docs/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 } },
      { test: { name: 'diff', include: ['diff/**/*.test.ts'], testTimeout: 120_000, hookTimeout: 180_000 } },
    ],
  },
});
