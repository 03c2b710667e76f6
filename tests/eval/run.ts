// `npm run eval`: the offline reader on the development set (both datasets), per family and
// overall: accuracy, refusal rate and confident-wrong rate; then each miss. Options:
//   --held-aside   the last held-aside set (C) instead (kept unseen for the end: its score is the one
//                  that counts); --held-aside-a and --held-aside-b the earlier ones (seen once, then
//                  kept as regression sets);
//   --model        the model engine on the same set, graded the same way: the endpoint from
//                  EVAL_AI_BASE_URL, EVAL_AI_MODEL and EVAL_AI_KEY (none here: no internet);
//   --model-replay the model path with a scripted model that sends the offline reader's plan to
//                  plan_query (the plumbing — schema, validation, executor, answer — not a model's skill).
// And the SQL guard's refusal rate on the attack set. One JSON line per figure; exits 1 below
// 90 % right, above 2 % confidently wrong, or on any unsafe attack.
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
import { HELD_ASIDE_B } from './held-aside-b.js';
import { HELD_ASIDE_C } from './held-aside-c.js';
import { SQL_ATTACKS } from './sql-attacks.js';
import { replayReaderPlan } from './replay.js';
import { startOpenAiTestServer } from '../support/openai-test-server.js';

const heldAside = process.argv.includes('--held-aside');
const heldAsideA = process.argv.includes('--held-aside-a');
const heldAsideB = process.argv.includes('--held-aside-b');
const engine = process.argv.includes('--model') ? 'model' : process.argv.includes('--model-replay') ? 'model_replay' : 'offline_reader';
if (engine === 'model' && !process.env.EVAL_AI_BASE_URL) {
  emit({ eval: 'model', skipped: 'no model endpoint: set EVAL_AI_BASE_URL, EVAL_AI_MODEL and EVAL_AI_KEY' });
  process.exit(2);
}
const postgres = process.env.TEST_DATABASE_URL ? null : await startTestPostgres();
if (postgres) process.env.TEST_DATABASE_URL = postgres.url;
let failed = false;
try {
  const set = heldAside ? 'held_aside_c' : heldAsideA ? 'held_aside_a' : heldAsideB ? 'held_aside_b' : 'development';
  const scripted = engine === 'model_replay' ? await startOpenAiTestServer() : null;
  const graded = await evaluate(heldAside ? HELD_ASIDE_C : heldAsideA ? HELD_ASIDE : heldAsideB ? HELD_ASIDE_B : DEV_SET, undefined, {
    setUp: (app) => {
      if (engine === 'model')
        app.app.deps.ai.save({
          aiKey: process.env.EVAL_AI_KEY ?? 'none',
          aiBaseUrl: process.env.EVAL_AI_BASE_URL!,
          aiModel: process.env.EVAL_AI_MODEL ?? 'default',
        });
      if (scripted) app.app.deps.ai.save({ aiKey: 'replay', aiBaseUrl: scripted.url, aiModel: 'replay' });
    },
    beforeAsk: scripted ? (app, c) => replayReaderPlan(app, c, scripted) : undefined,
  });
  await scripted?.close();
  for (const s of scoresByFamily(graded)) emit({ eval: engine, set, ...s });
  const all = scoreOf('all', graded);
  emit({ eval: engine, set, ...all, target: 'accuracy >= 0.9, confident_wrong_rate <= 0.02' });
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
