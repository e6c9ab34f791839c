import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['sluice-source'] },
  // vitest runs tests in Vite's server (ssr) environment, which does not inherit resolve.conditions.
  ssr: { resolve: { conditions: ['sluice-source', ...defaultServerConditions] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/*/bench/**/*.test.ts', 'packages/web/test/**/*.test.{ts,tsx}', 'packages/web/e2e/**/*.test.ts'],
    reporters: ['default', './scripts/summary-reporter.ts'],
    setupFiles: ['./scripts/vitest-setup.ts'],
    testTimeout: 20_000,
  },
});
