// `npm run eval`: the offline interpreter's accuracy on the evaluation set, and the SQL guard's
// refusal rate on the attack set, against a real PostgreSQL (TEST_DATABASE_URL, or an embedded
// server). One JSON line per figure, then each miss; exits 1 below 90 % or on any unsafe attack.
import pg from 'pg';
import { AppError } from '../../shared/errors.js';
import { DEFAULT_LIMITS, runGuardedSql } from '../../src-main/services/ai/sql-guard.js';
import { emit } from '../bench/stats.js';
import { startTestPostgres } from '../support/start-test-postgres.js';
import { makeTestApp, testClock } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';
import { EVAL_NOW, seedEvalDataset } from './dataset.js';
import { evaluateOffline } from './evaluate.js';
import { SQL_ATTACKS } from './sql-attacks.js';

const postgres = process.env.TEST_DATABASE_URL ? null : await startTestPostgres();
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
let failed = false;
try {
  const url = await createTestDatabase('eval');
  const app = await makeTestApp({ clock: testClock(EVAL_NOW), config: { databaseUrl: url } });
  try {
    await seedEvalDataset(app);
    const scored = await evaluateOffline(app);
    const right = scored.filter((s) => s.right).length;
    emit({
      eval: 'offline_interpreter',
      questions: scored.length,
      right,
      accuracy: Math.round((right / scored.length) * 1000) / 1000,
      target: '>= 0.9',
    });
    for (const s of scored.filter((x) => !x.right)) emit({ miss: s.q.question, expected: s.q.includes, got: s.result.answer });
    failed ||= right / scored.length < 0.9;

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
    await app.dispose();
  }
} finally {
  await postgres?.stop();
}
process.exit(failed ? 1 : 0);
