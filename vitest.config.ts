import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // L-2: every log line of the run is kept and scanned for secrets when it ends.
    globalSetup: ['test/support/log-audit.ts'],
    // The JSON report feeds RELIABILITY.md (npm run reliability).
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
