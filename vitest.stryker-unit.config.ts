// The unit tests alone, for `npm run mutate:domain`: a quick mutation run over shared/domain
// (minutes, not the hour of `npm run mutate`, which adds the integration tests and the services).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    pool: 'forks',
    setupFiles: ['tests/support/fail-on-unhandled.ts'],
  },
});
