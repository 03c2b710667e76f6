// The offline reader and the plan executor on both evaluation datasets, through the real ask
// call on a real PostgreSQL: the development set is answered right with no confident wrong
// answer; answers state their interpretation and period and carry a table with words for
// headers, a chart and the tools called; what it cannot read is asked back, never guessed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEV_SET } from '../eval/dev.js';
import { HELD_ASIDE } from '../eval/held-aside.js';
import { HELD_ASIDE_B } from '../eval/held-aside-b.js';
import { HELD_ASIDE_C } from '../eval/held-aside-c.js';
import { datasetApp, evaluate, scoreOf } from '../eval/evaluate.js';
import type { TestApp } from '../support/test-app.js';

let kolkata: TestApp;
let newyork: TestApp;

beforeAll(async () => {
  [kolkata, newyork] = [await datasetApp('kolkata'), await datasetApp('newyork')];
});
afterAll(async () => {
  await kolkata.dispose();
  await newyork.dispose();
});

describe('ask, offline', () => {
  // The development set and the held-aside sets once they were seen and their misses fixed, kept
  // as regression sets (each one's first-look score is in the README).
  const SEEN = [...DEV_SET, ...HELD_ASIDE, ...HELD_ASIDE_B, ...HELD_ASIDE_C];
  it(`answers every evaluation set (${SEEN.length} questions, two datasets) right, with no confidently wrong answer`, async () => {
    expect(SEEN.length).toBeGreaterThanOrEqual(450);
    const graded = await evaluate(SEEN, { kolkata, newyork });
    const score = scoreOf('all', graded);
    const misses = graded.filter((g) => g.grade !== 'right').map((g) => `${g.c.question} -> ${g.grade}: ${g.why} (${g.result.answer})`);
    expect(score.wrong, misses.join('\n')).toBe(0);
    expect(score.accuracy, misses.join('\n')).toBeGreaterThanOrEqual(0.95);
  });

  it('states what it answered, and gives the table with word headers, a chart and the tools it called', async () => {
    const r = await kolkata.call('ai.ask', { question: 'Top 3 by hours this week' });
    expect(r).toMatchObject({
      engine: 'offline',
      answered: true,
      engineNote: 'No AI endpoint is configured, so the offline interpreter answered.',
      period: { from: '2026-11-16', to: '2026-11-20' },
      interpretation: 'The 3 people with the most hours worked, 16–20 November 2026 (Asia/Kolkata)',
    });
    expect(r.answer).toBe(`${r.interpretation}: Anita Rao 32.5 h, Dev Patel 32 h and Chitra Menon 24.5 h.`);
    expect(r.table).toEqual({
      columns: ['Name', 'Team', 'Hours (h)'],
      rows: [
        { Name: 'Anita Rao', Team: 'Front Office', 'Hours (h)': 32.5 },
        { Name: 'Dev Patel', Team: 'Engineering', 'Hours (h)': 32 },
        { Name: 'Chitra Menon', Team: 'Engineering', 'Hours (h)': 24.5 },
      ],
    });
    expect(r.chart).toEqual({ kind: 'bar', x: 'Name', y: 'Hours (h)', title: 'Hours worked per person' });
    expect(r.steps.map((s) => s.tool)).toEqual(['roster', 'list_teams', 'days', 'work_hours', 'late', 'exceptions']);
    expect(r.steps[2]!.input).toEqual({ from: '2026-11-16', to: '2026-11-20' });
    const mode = await kolkata.call('ai.ask', { question: 'WFH vs WFO this week' });
    expect(mode.chart).toMatchObject({ kind: 'pie', x: 'Work mode', y: 'Days' });
    const late = await newyork.call('ai.ask', { question: 'who was late last week' });
    expect(late.table?.columns).toEqual(['Date', 'Name', 'Team', 'First IN', 'Minutes late']);
    expect(late.interpretation).toBe('Late arrivals, 26 October – 1 November 2026 (America/New_York)');
  });

  it('never answers about a period it was not asked for: no date in a past question is a question back', async () => {
    for (const question of ['How many hours did Anita work?', 'who was absent', 'late arrivals', 'show the weekly trend for Front Office']) {
      const r = await kolkata.call('ai.ask', { question });
      expect(r, question).toMatchObject({ answered: false, period: null, table: null });
      expect(r.answer, question).toMatch(/For which dates\?|didn't understand/);
    }
  });

  it('impossible dates, unknown names and hostile text get a clear question back, never an error or a guess', async () => {
    const cases: [string, RegExp][] = [
      ['hours on 2026-02-30', /“2026-02-30”: that date does not exist/],
      ['hours on 31/31/2026', /“31\/31\/2026”: that is not a date that exists/],
      ['who was late on 31 nov', /November has 30 days/],
      ['hours of anita on 03/11', /could be 3 November 2026 or 11 March 2026/],
      ['hours in the last 99999999 days', /cannot read that many days/],
      ['hours of anita on 1 jan 1850', /dates run from 1900 to 2999/],
      ['hours of anita on 1 jan 2027', /that is after today \(2026-11-20\)/],
      ['how many hours did zara work this week', /“zara”/],
      ['hours of 🤖 this week', /couldn't tell|didn't understand/],
      [`hours ${'x'.repeat(450)} this week`, /didn't understand/],
      ["'; DROP TABLE punches; -- hours this week", /didn't understand “drop table punches”/],
    ];
    for (const [question, expected] of cases) {
      const r = await kolkata.call('ai.ask', { question });
      expect(r, question).toMatchObject({ answered: false, table: null, chart: null });
      expect(r.answer, question).toMatch(expected);
    }
    const ny = await newyork.call('ai.ask', { question: 'was grace in on 11/02' });
    expect(ny.answer).toMatch(/could be 2 November 2026 or 11 February 2026/);
  });
});

describe('absent means a working day while employed', () => {
  it('nobody is absent on a Sunday, someone added later is not absent before their start, and a site’s working days count', async () => {
    const sunday = await kolkata.call('ai.ask', { question: 'Who was absent on Sunday?' });
    expect(sunday.answer).toContain('not a working day');
    expect(sunday.table?.rows).toEqual([]);
    // Z9 starts on Thursday the 19th and never punches: absent on the 19th, not on the 18th.
    await kolkata.call('roster.addEmployee', { code: 'Z9', name: 'Zara Newcomer', pin: '2468', startDate: '2026-11-19', by: 'M1' });
    const wednesday = await kolkata.call('ai.ask', { question: 'Who was absent on Wednesday?' });
    expect(wednesday.answer).not.toContain('Zara');
    const thursday = await kolkata.call('ai.ask', { question: 'Who was absent on Thursday?' });
    expect(thursday.answer).toContain('Zara Newcomer');
    // A site that works Saturdays expects its people on Saturday.
    const site = (await kolkata.call('roster.list', {})).sites[0]!.name;
    await kolkata.call('roster.updateSite', { name: site, workingDays: [1, 2, 3, 4, 5, 6], by: 'M1' });
    const saturday = await kolkata.call('ai.ask', { question: 'Who was absent on Saturday?' });
    // (Meena Iyer has no team, so no site: the default Monday-to-Friday applies to her.)
    expect(saturday.answer).toMatch(/: 5 people: Anita Rao, Bala Krishnan, Chitra Menon, Dev Patel and Farah Khan\.$/);
    await kolkata.call('roster.updateSite', { name: site, workingDays: [1, 2, 3, 4, 5], by: 'M1' });
  });

  it('asks which one when a first name fits two people', async () => {
    await kolkata.call('employees.add', { code: 'A2', name: 'Anita Shah', pin: '1234' });
    await kolkata.call('sync.now', {});
    const which = await kolkata.call('ai.ask', { question: 'How many hours did Anita work this week?' });
    expect(which).toMatchObject({ answered: false });
    expect(which.answer).toBe('Which one do you mean by “anita”: Anita Rao (A1) or Anita Shah (A2)? Ask again with the full name or code.');
  });
});
