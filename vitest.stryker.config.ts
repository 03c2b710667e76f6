// The suites StrykerJS runs against each mutant (npm run mutate): the unit tests and the
// integration tests of the punch path, the sync (direct and through Central) and the SQL guard.
// The long fault runs (SIGKILL loops, the load run) stay out: they prove crash safety, not the
// lines mutated here.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/unit/**/*.test.ts',
      'tests/integration/punch-path.test.ts',
      'tests/integration/pin-guessing.test.ts',
      'tests/integration/one-folder.test.ts',
      'tests/integration/import.test.ts',
      'tests/integration/sync.test.ts',
      'tests/integration/sync-refusals.test.ts',
      'tests/integration/sync-status.test.ts',
      'tests/integration/central-source.test.ts',
      'tests/integration/sync-verify.test.ts',
      'tests/integration/local-storage-faults.test.ts',
      'tests/integration/sql-guard.test.ts',
      'tests/integration/work-hours-sql.test.ts',
      // Kiosks through Central: enrollment, the device credential, the sync and roster link.
      'tests/integration/kiosk-central.test.ts',
      'tests/integration/kiosk-central-lifecycle.test.ts',
      'tests/integration/kiosk-central-attacks.test.ts',
      // The sync client's failures against real HTTP servers, and roster rows either side refuses.
      'tests/integration/central-client-errors.test.ts',
      'tests/integration/roster-collisions.test.ts',
      'tests/integration/sync-engine-counts.test.ts',
      'tests/integration/push-and-record.test.ts',
      'tests/integration/shared-lockout.test.ts',
    ],
    // Instrumented code is slower: fewer random histories than npm test's 3,000.
    env: { PROPERTY_RUNS: '300' },
    testTimeout: 120_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['tests/support/vitest-global-setup.ts'],
    setupFiles: ['tests/support/fail-on-unhandled.ts'],
  },
});
