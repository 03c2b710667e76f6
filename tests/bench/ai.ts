// Ask figures, model time excluded, on the Kolkata evaluation dataset, in one run:
// - the offline reader alone (question to plan, no database);
// - offline ask: read the plan and execute it through the report tools (the whole ai.ask call);
// - the reports alone that the executor stands on (the same periods), as the floor to compare with;
// - a scripted model (the local OpenAI-compatible test server, which replies at once) that
//   fills plan_query with the same plan: two model round trips, the executor, the answer;
// - the SQL guard's own cost per query (parse and check, without running it).
import { localDateOf } from '../../shared/domain/local-time.js';
import { readQuestion } from '../../shared/domain/question-reader.js';
import type { QueryPlan } from '../../shared/domain/query-plan.js';
import { guardSql, loadSqlParser } from '../../src-main/services/ai/sql-guard.js';
import { DEV_SET } from '../eval/dev.js';
import { datasetApp, DATASETS } from '../eval/evaluate.js';
import { startOpenAiTestServer } from '../support/openai-test-server.js';
import { emit, summarize } from './stats.js';

export async function benchAi(rounds = 5): Promise<void> {
  const ds = DATASETS.kolkata;
  const app = await datasetApp('kolkata');
  const ai = await startOpenAiTestServer();
  try {
    const roster = await app.call('roster.list', {});
    const names = { employees: roster.employees.map((e) => ({ code: e.code, name: e.name })), teams: roster.teams.map((t) => t.name) };
    const today = localDateOf(ds.now, ds.tz);
    const planned = DEV_SET.filter((c) => c.dataset === 'kolkata')
      .map((c) => ({ question: c.question, reading: readQuestion(c.question, today, ds.tz, names) }))
      .flatMap((x) => ('plan' in x.reading ? [{ question: x.question, plan: x.reading.plan }] : []));
    await app.call('ai.ask', { question: planned[0]!.question }); // warm

    const reader: number[] = [];
    for (let r = 0; r < 20; r++)
      for (const p of planned) {
        const t0 = performance.now();
        readQuestion(p.question, today, ds.tz, names);
        reader.push(performance.now() - t0);
      }
    const offline: number[] = [];
    const reports: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const p of planned) {
        let t0 = performance.now();
        await app.call('ai.ask', { question: p.question });
        offline.push(performance.now() - t0);
        t0 = performance.now();
        await reportsFor(app.call.bind(app), p.plan);
        reports.push(performance.now() - t0);
      }
    }
    // The reader with a 2,000-person roster (the name index is built per question).
    const first = ['Anita', 'Bala', 'Chitra', 'Dev', 'Farah', 'Kavitha', 'Meena', 'Omar', 'Priya', 'Ravi'];
    const big = {
      employees: Array.from({ length: 2000 }, (_, i) => ({
        code: `E${i}`,
        name: `${first[i % 10]}${i} ${['Rao', 'Nair', 'Khan', 'Iyer'][i % 4]}${Math.floor(i / 10)}`,
      })),
      teams: Array.from({ length: 40 }, (_, i) => `Team ${i}`),
    };
    const large: number[] = [];
    for (const q of ['hours of anita17 rao1 last week', 'who was late yesterday in team 7', `hours of ${'zzzz '.repeat(95)}this week`])
      for (let r = 0; r < 40; r++) {
        const t0 = performance.now();
        readQuestion(q, today, ds.tz, big);
        large.push(performance.now() - t0);
      }
    const lg = summarize(large);
    emit({ bench: 'ask_reader_plan_only_2000_people', n: lg.n, p50_ms: lg.p50_ms, p95_ms: lg.p95_ms, max_ms: lg.max_ms });
    const rd = summarize(reader);
    emit({ bench: 'ask_reader_plan_only', questions: planned.length, n: rd.n, p50_ms: rd.p50_ms, p95_ms: rd.p95_ms });
    const o = summarize(offline);
    const f = summarize(reports);
    emit({ bench: 'ask_offline_plan_and_execute', questions: planned.length, n: o.n, p50_ms: o.p50_ms, p95_ms: o.p95_ms });
    emit({ bench: 'ask_reports_alone', what: 'the reports the executor reads, same periods', n: f.n, p50_ms: f.p50_ms, p95_ms: f.p95_ms });
    emit({
      bench: 'ask_offline_vs_reports',
      p50_ratio: Math.round((o.p50_ms / f.p50_ms) * 100) / 100,
      p95_ratio: Math.round((o.p95_ms / f.p95_ms) * 100) / 100,
    });

    // The model fills plan_query with the reader's plan, then says a sentence: two round trips on
    // loopback, the plan's validation and execution, and the answer.
    app.app.deps.ai.save({ aiKey: 'bench', aiBaseUrl: ai.url, aiModel: 'bench' });
    const scripted: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const p of planned) {
        ai.script({ tools: [{ name: 'plan_query', arguments: p.plan as unknown as Record<string, unknown> }] }, { text: 'Done.' });
        const t0 = performance.now();
        const answer = await app.call('ai.ask', { question: p.question });
        scripted.push(performance.now() - t0);
        if (answer.engine !== 'model') throw new Error(`the scripted model did not answer ${p.question}`);
      }
    }
    const s = summarize(scripted);
    emit({ bench: 'ask_scripted_model_plan_query', model_round_trips: 2, n: s.n, p50_ms: s.p50_ms, p95_ms: s.p95_ms });
    emit({ bench: 'ask_model_vs_reports', p50_ratio: Math.round((s.p50_ms / f.p50_ms) * 100) / 100 });

    await loadSqlParser();
    const query = `SELECT e.name, sum(w.seconds) / 3600.0 AS hours FROM reporting.work_sessions w
                     JOIN reporting.employees e ON e.id = w.employee_id
                    WHERE w.local_date BETWEEN '2026-11-16' AND '2026-11-20' GROUP BY e.name ORDER BY hours DESC LIMIT 5`;
    const guard: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      await guardSql(query);
      guard.push(performance.now() - t0);
    }
    const g = summarize(guard.slice(100));
    emit({ bench: 'sql_guard_check', n: g.n, p50_ms: g.p50_ms, p95_ms: g.p95_ms, target: 'overhead < 50 ms' });
  } finally {
    await ai.close();
    await app.dispose();
  }
}

type Call = (method: 'reports.run', input: unknown) => Promise<unknown>;

/** The reports a plan's execution reads, called directly. */
async function reportsFor(call: Call, plan: QueryPlan): Promise<void> {
  if (plan.period.kind === 'now') {
    await call('reports.run', { name: 'present-now' });
    return;
  }
  const range = { from: plan.period.from, to: plan.period.to };
  for (const name of ['days', 'workhours', 'late', 'exceptions']) await call('reports.run', { name, ...range });
}
