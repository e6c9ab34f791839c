import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['sluice-source'] },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/bench/**/*.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    setupFiles: ['./scripts/vitest-setup.ts'],
    testTimeout: 20_000,
  },
});
