// The sync services (direct and through Central) against the same tests as the punch run
// (npm run mutate:sync). A run of its own: it is the slowest, a minute a mutant for some.
import { strykerRun } from './scripts/stryker/run-config.mjs';

export default strykerRun({
  name: 'sync',
  vitestConfig: 'vitest.stryker.config.ts',
  mutate: ['src-main/services/sync/**/*.ts'],
  timeoutMS: 15_000,
});
