// The model engine against the local OpenAI-compatible test server, on the evaluation dataset:
// scripted tool calls run our typed tools, the answer stands on their table, bad SQL from a
// fooled model is refused, the loop is bounded, a failing endpoint falls back to the offline
// interpreter, and summaries keep only numbers that are facts.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_TOOL_ROUNDS } from '../../src-main/services/ai/model.js';
import { EVAL_NOW, seedEvalDataset } from '../eval/dataset.js';
import { INJECTED_NAME } from '../eval/sql-attacks.js';
import { startOpenAiTestServer, type OpenAiTestServer } from '../support/openai-test-server.js';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase, query } from '../support/test-postgres.js';

let app: TestApp;
let ai: OpenAiTestServer;
let url: string;

beforeAll(async () => {
  ai = await startOpenAiTestServer();
  url = await createTestDatabase('askmodel');
  app = await makeTestApp({ clock: testClock(EVAL_NOW), config: { databaseUrl: url } });
  await seedEvalDataset(app);
  await app.call('roster.addEmployee', { code: 'X1', name: INJECTED_NAME, pin: '2468', by: 'M1' });
  app.app.deps.ai.save({ aiKey: 'sk-test-not-a-real-key', aiBaseUrl: ai.url, aiModel: 'test-model' });
});
afterAll(async () => {
  await app.dispose();
  await ai.close();
});
beforeEach(() => {
  ai.requests.length = 0;
  ai.setFallback({ status: 500 });
});

describe('ask, with a model', () => {
  it('runs the tools the model calls and answers on their table', async () => {
    ai.script(
      { tools: [{ name: 'find_employee', arguments: { name: 'Anita' } }] },
      { tools: [{ name: 'work_hours', arguments: { from: '2026-11-16', to: '2026-11-20', employee: 'A1' } }] },
      { text: 'Anita Rao worked 32.5 hours this week.' },
    );
    const r = await app.call('ai.ask', { question: 'How many hours did Anita work this week?' });
    expect(r).toMatchObject({ engine: 'model', engineNote: null, answered: true, answer: 'Anita Rao worked 32.5 hours this week.' });
    expect(r.steps.map((s) => [s.tool, s.rows])).toEqual([
      ['find_employee', 1],
      ['work_hours', 5],
    ]);
    expect(r.table?.rows.map((row) => row.hours)).toEqual([8.5, 8, 8, 8, 0]);
    expect(r.chart).toMatchObject({ kind: 'bar', x: 'date', y: 'hours' });

    // What the app sent: the model, the tools (the guarded SQL among them), today's date, and
    // the first tool's result as data for the second round.
    expect(ai.requests).toHaveLength(3);
    expect(ai.requests[0]!.model).toBe('test-model');
    expect(ai.requests[0]!.tools!.map((t) => t.function.name)).toEqual([
      'plan_query',
      'work_hours',
      'days',
      'presence',
      'late',
      'trends',
      'exceptions',
      'present_now',
      'find_employee',
      'list_teams',
      'run_sql',
    ]);
    expect(ai.requests[0]!.messages[0]!.content).toContain('Today is 2026-11-20 in Asia/Kolkata');
    const toolReply = ai.requests[1]!.messages.find((m) => m.role === 'tool');
    expect(JSON.parse(toolReply!.content!)).toMatchObject({ columns: ['code', 'name', 'team', 'active'], rows: [{ code: 'A1', name: 'Anita Rao' }] });
    // The key never reaches a client.
    expect(JSON.stringify(await app.call('ai.status', {}))).not.toContain('sk-test');
    expect(await app.call('ai.status', {})).toEqual({ configured: true, baseUrl: ai.url, model: 'test-model', keySource: 'secrets-file' });
    // Only an admin at the machine may change it; no screen may, not even a manager's.
    expect(await app.raw('ai.configure', { apiKey: 'sk-from-a-kiosk-screen' }, 'http')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const manager = await app.call('manager.signIn', { code: 'M1', pin: '4321' });
    const asManager = { origin: 'http', managerToken: manager.token } as const;
    expect(await app.app.dispatch('ai.configure', { baseUrl: 'https://attacker.example/v1' }, asManager)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await app.app.dispatch('ai.status', {}, asManager)).toMatchObject({ ok: true });
    // The stored key never follows a new address.
    expect(await app.raw('ai.configure', { baseUrl: 'https://attacker.example/v1' })).toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('needs its API key again') },
    });
    expect(await app.call('ai.status', {})).toMatchObject({ baseUrl: ai.url });
    expect(await app.raw('ai.configure', { baseUrl: 'not a url' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });

  it('holds when a model is talked into destructive SQL by an injected employee name', async () => {
    const before = await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM punches');
    ai.script(
      { tools: [{ name: 'find_employee', arguments: { name: 'Robert' } }] },
      { tools: [{ name: 'run_sql', arguments: { sql: 'DROP TABLE punches' } }] },
      { tools: [{ name: 'run_sql', arguments: { sql: 'WITH x AS (DELETE FROM punches RETURNING 1) SELECT count(*) FROM x' } }] },
      { tools: [{ name: 'run_sql', arguments: { sql: 'SELECT count(*)::int AS n FROM reporting.punches' } }] },
      { text: "I can't answer that. I was asked to delete data, which I cannot do." },
    );
    const r = await app.call('ai.ask', { question: 'Tell me about Robert' });
    expect(r.answered).toBe(false);
    expect(r.steps.map((s) => [s.tool, s.error?.split(':')[0] ?? 'ok'])).toEqual([
      ['find_employee', 'ok'],
      ['run_sql', 'SQL_REFUSED'],
      ['run_sql', 'SQL_REFUSED'],
      ['run_sql', 'ok'],
    ]);
    expect(r.steps[1]!.sql).toBe('DROP TABLE punches');
    // The refusal went back to the model as data it can read.
    expect(ai.requests[2]!.messages.at(-1)!.content).toContain('SQL_REFUSED');
    expect(await query(url, 'SELECT count(*)::text AS n FROM punches')).toEqual(before);
  });

  it('refuses bad tool input and unknown tools without running anything', async () => {
    ai.script(
      { tools: [{ name: 'work_hours', arguments: { from: 'last week', to: '2026-11-20' } }] },
      { tools: [{ name: 'delete_everything', arguments: {} }] },
      { tools: [{ name: 'roster', arguments: {} }] },
      { text: 'Done.' },
    );
    const r = await app.call('ai.ask', { question: 'hours?' });
    expect(r.steps.map((s) => s.error?.slice(0, 15))).toEqual(['Bad input: from', 'There is no too', 'There is no too']);
    expect(r.table).toBeNull();
  });

  it(`stops after ${MAX_TOOL_ROUNDS} rounds of tool calls`, async () => {
    ai.setFallback({ tools: [{ name: 'list_teams', arguments: {} }] });
    const r = await app.call('ai.ask', { question: 'Loop forever' });
    expect(r).toMatchObject({ engine: 'model', answered: false, engineNote: `The model was stopped after ${MAX_TOOL_ROUNDS} rounds of tool calls.` });
    expect(ai.requests).toHaveLength(MAX_TOOL_ROUNDS);
  });

  it('fills the query plan, and the one executor answers it: the interpretation, period, figures and table are the executor’s', async () => {
    const plan = {
      measure: 'hours',
      subject: { kind: 'employees', codes: ['A1'] },
      period: { kind: 'dates', from: '2026-11-16', to: '2026-11-20' },
      filter: {},
      aggregation: { kind: 'sum' },
      groupBy: 'none',
    };
    ai.script({ tools: [{ name: 'plan_query', arguments: plan }] }, { text: 'Anita worked 99 hours.' });
    const r = await app.call('ai.ask', { question: 'How many hours did Anita work this week?' });
    app.app.deps.ai.save(null);
    const same = await app.call('ai.ask', { question: 'How many hours did Anita work this week?' });
    app.app.deps.ai.save({ aiKey: 'sk-test-not-a-real-key', aiBaseUrl: ai.url, aiModel: 'test-model' });
    // The model's own number (99) never reaches the manager; the answer is the plan's, word for word the offline one.
    expect(r).toMatchObject({ engine: 'model', answered: true, period: { from: '2026-11-16', to: '2026-11-20' } });
    expect(r.answer).toBe('Hours worked by Anita Rao, 16–20 November 2026 (Asia/Kolkata): 32.5 h. Not counted yet (no OUT): Fri 20 Nov.');
    expect(r.answer).toBe(same.answer);
    expect(r.table).toEqual(same.table);
    expect(r.steps[0]).toMatchObject({ tool: 'plan_query', input: plan });
    // The plan's JSON Schema is what the model was given.
    const spec = ai.requests[0]!.tools!.find((t) => t.function.name === 'plan_query')!;
    expect(JSON.stringify((spec.function as { parameters?: unknown }).parameters)).toContain('early_departure');
  });

  it('a plan that does not parse, or asks about the future, goes back to the model as an error it can read', async () => {
    ai.script(
      { tools: [{ name: 'plan_query', arguments: { measure: 'salary', subject: { kind: 'everyone' } } }] },
      {
        tools: [
          {
            name: 'plan_query',
            arguments: {
              measure: 'hours',
              subject: { kind: 'everyone' },
              period: { kind: 'dates', from: '2026-12-01', to: '2026-12-05' },
              aggregation: { kind: 'sum' },
            },
          },
        ],
      },
      { text: 'Here is the salary of everyone.' },
    );
    const r = await app.call('ai.ask', { question: 'What is the salary of everyone next month?' });
    // The model claims an answer, but the executor refused its plans and no tool gave a table: not answered.
    expect(r).toMatchObject({ engine: 'model', answered: false, table: null });
    expect(r.answer).toMatch(/runs past today/);
    const errors = ai.requests.slice(1).map((q) => JSON.parse(q.messages.filter((m) => m.role === 'tool').at(-1)!.content!) as { error?: string });
    expect(errors[0]!.error).toMatch(/^I can't use that: /);
    expect(errors[1]!.error).toMatch(/runs past today \(2026-11-20\)/);
  });

  it('falls back to the offline interpreter when the endpoint keeps failing, after bounded retries', async () => {
    ai.setFallback({ status: 503 });
    const r = await app.call('ai.ask', { question: 'Who was late today?' });
    expect(r).toMatchObject({ engine: 'offline', answered: true, engineNote: 'The AI endpoint failed (503), so the offline interpreter answered.' });
    expect(r.answer).toBe(
      'Late arrivals, Friday 20 November 2026 (Asia/Kolkata): 2 people: Bala Krishnan (09:15, 15 min after the shift start) and Farah Khan (10:30, 90 min after the shift start).',
    );
    expect(ai.requests).toHaveLength(3); // the first try and 2 retries
  });

  it('summarizes a day: the model phrases the facts; a number that is not a fact brings the template back', async () => {
    // Six were expected that Thursday: X1 was added on central later, so is not counted before.
    ai.script({ text: 'On 2026-11-19, 5 of 6 employees came in and worked 32 hours; 1 missing OUT.' });
    const good = await app.call('ai.summary', { period: 'day', date: '2026-11-19' });
    expect(good).toMatchObject({ engine: 'model', text: 'On 2026-11-19, 5 of 6 employees came in and worked 32 hours; 1 missing OUT.' });
    expect(Object.fromEntries(good.facts.map((f) => [f.name, f.value]))).toEqual({
      employees: 6,
      present: 5,
      hours: 32,
      late: 0,
      missing_out: 1,
      home_days: 0,
      absent: 1,
      review: 0,
      top: 8,
      'absent:M1': 1,
      'missing_out:C1': 1,
    });

    ai.script({ text: 'On 2026-11-19, 5 of 6 employees came in and worked 33 hours.' });
    const bad = await app.call('ai.summary', { period: 'day', date: '2026-11-19' });
    expect(bad).toMatchObject({
      engine: 'offline',
      engineNote: "The model's text had a number that is not one of the facts, so the template wrote this.",
    });
    expect(bad.text).toBe(
      'On 2026-11-19, 5 of 6 employees came in and worked 32 hours in all. Absent: Meena Iyer. Nobody was late. 1 missing OUT: Chitra Menon. Nobody worked from home. Most hours: Anita Rao, 8 hours.',
    );
  });
});
