// `npm run eval`: the offline interpreter on the development set (both datasets), per family and
// overall: accuracy, refusal rate and confident-wrong rate; then each miss. `npm run eval --
// --held-aside` runs the held-aside set instead (kept for the end: its score is the one that
// counts). And the SQL guard's refusal rate on the attack set. One JSON line per figure; exits 1
// below 90 % right, above 2 % confidently wrong, or on any unsafe attack.
import pg from 'pg';
import { AppError } from '../../shared/errors.js';
import { DEFAULT_LIMITS, runGuardedSql } from '../../src-main/services/ai/sql-guard.js';
import { emit } from '../bench/stats.js';
import { startTestPostgres } from '../support/start-test-postgres.js';
import { makeTestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';
import { DEV_SET } from './dev.js';
import { evaluate, scoreOf, scoresByFamily } from './evaluate.js';
import { HELD_ASIDE } from './held-aside.js';
import { SQL_ATTACKS } from './sql-attacks.js';

const heldAside = process.argv.includes('--held-aside');
const postgres = process.env.TEST_DATABASE_URL ? null : await startTestPostgres();
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
let failed = false;
try {
  const set = heldAside ? 'held_aside' : 'development';
  const graded = await evaluate(heldAside ? HELD_ASIDE : DEV_SET);
  for (const s of scoresByFamily(graded)) emit({ eval: 'offline_reader', set, ...s });
  const all = scoreOf('all', graded);
  emit({ eval: 'offline_reader', set, ...all, target: 'accuracy >= 0.9, confident_wrong_rate <= 0.02' });
  for (const g of graded.filter((x) => x.grade !== 'right'))
    emit({ miss: g.c.question, dataset: g.c.dataset, family: g.c.family, grade: g.grade, why: g.why, got: g.result.answer });
  failed ||= all.accuracy < 0.9 || all.confident_wrong_rate > 0.02;

  // The attacks run against a migrated central (a fresh app makes one).
  const url = await createTestDatabase('eval_sql');
  await (await makeTestApp({ config: { databaseUrl: url } })).dispose();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const outcome = { refused: 0, harmless: 0, unsafe: [] as string[] };
  for (const attack of SQL_ATTACKS) {
    try {
      const r = await runGuardedSql(pool, attack.sql, { ...DEFAULT_LIMITS, timeoutMs: 500 });
      if (r.rows.length <= 1000) outcome.harmless += 1;
      else outcome.unsafe.push(attack.what);
    } catch (err) {
      if (err instanceof AppError && err.code === 'SQL_REFUSED') outcome.refused += 1;
      else outcome.harmless += 1; // PostgreSQL itself refused it (for example, an unknown column)
    }
  }
  await pool.end();
  emit({
    eval: 'sql_guard',
    attacks: SQL_ATTACKS.length,
    refused: outcome.refused,
    ran_harmlessly: outcome.harmless,
    unsafe: outcome.unsafe.length,
    refused_or_harmless: (outcome.refused + outcome.harmless) / SQL_ATTACKS.length,
    target: '1.0',
  });
  failed ||= outcome.unsafe.length > 0;
} finally {
  await postgres?.stop();
}
process.exit(failed ? 1 : 0);
