// The offline interpreter on the evaluation dataset, through the real ask call on a real
// PostgreSQL: the evaluation set scores at least 90 %, and answers carry their table, chart and
// the tools they called.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_QUESTIONS } from '../eval/questions.js';
import { evaluateOffline } from '../eval/evaluate.js';
import { EVAL_NOW, seedEvalDataset } from '../eval/dataset.js';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

let app: TestApp;

beforeAll(async () => {
  app = await makeTestApp({ clock: testClock(EVAL_NOW), config: { databaseUrl: await createTestDatabase('ask') } });
  await seedEvalDataset(app);
});
afterAll(() => app.dispose());

describe('ask, offline', () => {
  it(`answers the evaluation set (${EVAL_QUESTIONS.length} questions) at least 90 % right`, async () => {
    expect(EVAL_QUESTIONS.length).toBeGreaterThanOrEqual(40);
    const scored = await evaluateOffline(app);
    const wrong = scored.filter((s) => !s.right).map((s) => `${s.q.question} -> ${s.result.answer}`);
    expect(wrong.length / scored.length, wrong.join('\n')).toBeLessThanOrEqual(0.1);
  });

  it('gives the table, a chart that fits, the tools called, and which engine answered', async () => {
    const r = await app.call('ai.ask', { question: 'Top 3 by hours this week' });
    expect(r).toMatchObject({ engine: 'offline', answered: true, engineNote: 'No AI endpoint is configured, so the offline interpreter answered.' });
    expect(r.table).toEqual({
      columns: ['name', 'team', 'hours'],
      rows: [
        { name: 'Anita Rao', team: 'Front Office', hours: 32.5 },
        { name: 'Dev Patel', team: 'Engineering', hours: 32 },
        { name: 'Chitra Menon', team: 'Engineering', hours: 24.5 },
      ],
    });
    expect(r.chart).toEqual({ kind: 'bar', x: 'name', y: 'hours', title: 'Hours per employee' });
    expect(r.steps.map((s) => s.tool)).toEqual(['roster', 'list_teams', 'work_hours']);
    expect(r.steps[2]!.input).toEqual({ from: '2026-11-16', to: '2026-11-20' });

    const mode = await app.call('ai.ask', { question: 'WFH vs WFO this week' });
    expect(mode.chart).toMatchObject({ kind: 'pie', x: 'mode', y: 'days' });
  });

  it('says plainly what it cannot answer, and what it can; and asks which one when a name is ambiguous', async () => {
    const r = await app.call('ai.ask', { question: 'What is the capital of France?' });
    expect(r).toMatchObject({ answered: false, table: null, chart: null });
    expect(r.answer).toMatch(/^I can't answer that\. I can answer: who is in now/);
    await app.call('employees.add', { code: 'A2', name: 'Anita Shah', pin: '1234' });
    await app.call('sync.now', {});
    const which = await app.call('ai.ask', { question: 'How many hours did Anita work this week?' });
    expect(which).toMatchObject({ answered: false });
    expect(which.answer).toBe('Which one do you mean: Anita Rao (A1) and Anita Shah (A2)? Ask again with the full name or code.');
    expect(await app.raw('ai.ask', { question: '' })).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});

describe('absent means a working day while employed', () => {
  it('nobody is absent on a Sunday, someone added later is not absent before their start, and a site’s working days count', async () => {
    const sunday = await app.call('ai.ask', { question: 'Who was absent on Sunday?' });
    expect(sunday.answer).toContain('not a working day');
    expect(sunday.table?.rows).toEqual([]);
    // Z9 starts on Thursday the 19th and never punches: absent on the 19th, not on the 18th.
    await app.call('roster.addEmployee', { code: 'Z9', name: 'Zara Newcomer', pin: '2468', startDate: '2026-11-19', by: 'M1' });
    const wednesday = await app.call('ai.ask', { question: 'Who was absent on Wednesday?' });
    expect(wednesday.answer).not.toContain('Zara');
    const thursday = await app.call('ai.ask', { question: 'Who was absent on Thursday?' });
    expect(thursday.answer).toContain('Zara Newcomer');
    // A site that works Saturdays expects its people on Saturday.
    const site = (await app.call('roster.list', {})).sites[0]!.name;
    await app.call('roster.updateSite', { name: site, workingDays: [1, 2, 3, 4, 5, 6], by: 'M1' });
    const saturday = await app.call('ai.ask', { question: 'Who was absent on Saturday?' });
    expect(saturday.answer).toMatch(/were absent on Saturday/);
    await app.call('roster.updateSite', { name: site, workingDays: [1, 2, 3, 4, 5], by: 'M1' });
  });
});
