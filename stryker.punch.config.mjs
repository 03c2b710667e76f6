// The punch services and the SQL guard against the unit tests and the integration tests of the
// punch, sync and guard paths on a real SQLite file and PostgreSQL (npm run mutate:punch).
import { strykerRun } from './scripts/stryker/run-config.mjs';

export default strykerRun({
  name: 'punch',
  vitestConfig: 'vitest.stryker.config.ts',
  mutate: ['src-main/services/punches/**/*.ts', 'src-main/services/ai/sql-guard.ts', 'src-main/services/ai/sql-guard-tree.ts'],
  timeoutMS: 15_000,
});
