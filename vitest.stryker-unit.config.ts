// The unit tests alone, for `npm run mutate:domain`: a quick mutation run over shared/domain
// (minutes, not the hour of `npm run mutate`, which adds the integration tests and the services).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    setupFiles: ['tests/support/fail-on-unhandled.ts'],
    // Instrumented code is slower: fewer seeded and random cases than npm test's 3,000.
    env: { PROPERTY_RUNS: '300' },
    testTimeout: 60_000,
  },
});
