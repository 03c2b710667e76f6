// shared/domain against the unit tests: pure code, no database (npm run mutate:domain).
import { strykerRun } from './scripts/stryker/run-config.mjs';

export default strykerRun({
  name: 'domain',
  vitestConfig: 'vitest.stryker-unit.config.ts',
  mutate: ['shared/domain/**/*.ts'],
  timeoutMS: 10_000,
});
