// AI figures, model time excluded: the offline interpreter's answer time, a scripted tool-call
// answer through the local OpenAI-compatible test server (which replies at once), and the SQL
// guard's own cost per query (parse and check, without running it). On the evaluation dataset.
import { guardSql, loadSqlParser } from '../../src-main/services/ai/sql-guard.js';
import { EVAL_NOW, seedEvalDataset } from '../eval/dataset.js';
import { EVAL_QUESTIONS } from '../eval/questions.js';
import { startOpenAiTestServer } from '../support/openai-test-server.js';
import { makeTestApp, testClock } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';
import { emit, summarize } from './stats.js';

export async function benchAi(rounds = 5): Promise<void> {
  const app = await makeTestApp({ clock: testClock(EVAL_NOW), config: { databaseUrl: await createTestDatabase('benchai') } });
  const ai = await startOpenAiTestServer();
  try {
    await seedEvalDataset(app);
    const answerable = EVAL_QUESTIONS.filter((q) => q.answered);
    await app.call('ai.ask', { question: answerable[0]!.question }); // warm
    const offline: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const q of answerable) {
        const t0 = performance.now();
        await app.call('ai.ask', { question: q.question });
        offline.push(performance.now() - t0);
      }
    }
    const o = summarize(offline);
    emit({ bench: 'ask_offline_answer', n: o.n, p50_ms: o.p50_ms, p95_ms: o.p95_ms, target: 'overhead < 50 ms' });

    // Two tool calls and a final text per question; the server answers immediately, so the time
    // is ours: three round trips on loopback, the tools, validation and the answer.
    app.app.deps.ai.save({ aiKey: 'bench', aiBaseUrl: ai.url, aiModel: 'bench' });
    const scripted: number[] = [];
    for (let i = 0; i < 40; i++) {
      ai.script(
        { tools: [{ name: 'find_employee', arguments: { name: 'Anita' } }] },
        { tools: [{ name: 'work_hours', arguments: { from: '2026-11-16', to: '2026-11-20', employee: 'A1' } }] },
        { text: 'Anita Rao worked 32.5 hours this week.' },
      );
      const t0 = performance.now();
      await app.call('ai.ask', { question: 'How many hours did Anita work this week?' });
      if (i >= 5) scripted.push(performance.now() - t0);
    }
    const s = summarize(scripted);
    emit({
      bench: 'ask_scripted_tool_calls_answer',
      tool_calls: 2,
      model_round_trips: 3,
      n: s.n,
      p50_ms: s.p50_ms,
      p95_ms: s.p95_ms,
      target: 'overhead < 50 ms',
    });

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
