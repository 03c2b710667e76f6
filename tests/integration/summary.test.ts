// Summaries that name people, on the evaluation dataset (tests/eval/dataset.ts: "now" is Fri
// 2026-11-20 11:00 in Kolkata) plus Zed Long (Z1, Engineering, from 2026-11-01), who forgot his
// OUT: IN Wed 11-18 09:00, OUT Thu 11-19 05:00, a 20-hour session clamped to 16 h. Expected at
// work: all seven (Meena, a manager who never punches, included) on every weekday since 11-01.
//
// Worked out by hand from the dataset's table:
//   Mon 16  absent F1 M1 Z1; late C1 09:30 (30 min); B1 09:05 is within the grace
//   Tue 17  absent M1 Z1;    late B1 09:20 (20 min); D1 from home; hours 8+8+8+8+4 = 36
//   Wed 18  absent B1 M1;    Z1 in (his clamped session); hours 4×8 + 16 = 48
//   Thu 19  absent M1 Z1 (Z1's 05:00 OUT ends Wednesday's session); C1's IN has no OUT
//   Fri 20  (today) not in yet D1 M1 Z1; late B1 09:15 (15), F1 10:30 (90); A1 B1 C1 F1 are in
//           (in progress, not missing OUTs)
//   week    absent M1 4 days (16–19), Z1 3 (16, 17, 19), B1 1 (18), F1 1 (16); every working
//           day before today: A1 C1 D1 = 3 of 7; came in at least once: 6 of 7 (not M1);
//           hours 32.5 + 23.92 + 24.5 + 32 + 20 + 16 = 148.92; late B1 2 days, C1 1, F1 1.
//   11-02   nobody punched yet: all seven absent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { numbersAreFacts, unknownNames } from '../../src-main/services/ai/summary.js';
import { datesOf } from '../../shared/domain/dashboard.js';
import { EVAL_NOW, seedEvalDataset } from '../eval/dataset.js';
import { startOpenAiTestServer, type OpenAiTestServer } from '../support/openai-test-server.js';
import { makeTestApp, testClock, type TestApp } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

let app: TestApp;
let ai: OpenAiTestServer;

beforeAll(async () => {
  ai = await startOpenAiTestServer();
  app = await makeTestApp({ clock: testClock(EVAL_NOW), config: { databaseUrl: await createTestDatabase('summary') } });
  await seedEvalDataset(app);
  await app.call('employees.add', { code: 'Z1', name: 'Zed Long', pin: '1234', team: 'Engineering', startDate: '2026-11-01' });
  const imported = await app.call('punches.import', {
    fileName: 'x.csv',
    content: 'Z1,IN,2026-11-18T09:00:00+05:30,WFO\nZ1,OUT,2026-11-19T05:00:00+05:30,WFO',
  });
  expect(imported.errors).toEqual([]);
  await app.call('sync.now', {});
});
afterAll(async () => {
  await app.dispose();
  await ai.close();
});

const summary = (period: 'day' | 'week', date: string) => app.call('ai.summary', { period, date });
const factsOf = (s: { facts: { name: string; value: number }[] }) => Object.fromEntries(s.facts.map((f) => [f.name, f.value]));

describe('summaries name people, by the template', () => {
  it('a day: who was absent, who was late and by how much, who is missing an OUT', async () => {
    const mon = await summary('day', '2026-11-16');
    expect(mon).toMatchObject({ engine: 'offline', range: { from: '2026-11-16', to: '2026-11-16' } });
    expect(mon.text).toContain('On 2026-11-16, 4 of 7 employees came in and worked 32.92 hours in all.');
    expect(mon.text).toContain('Absent: Farah Khan, Meena Iyer and Zed Long.');
    expect(mon.text).toContain('There was 1 late arrival: Chitra Menon (in at 09:30, 30 minutes late).');
    expect(mon.text).not.toContain('Bala Krishnan'); // 09:05 is within the 10 minutes' grace

    const tue = await summary('day', '2026-11-17');
    expect(tue.text).toContain('Absent: Meena Iyer and Zed Long.');
    expect(tue.text).toContain('There was 1 late arrival: Bala Krishnan (in at 09:20, 20 minutes late).');
    expect(tue.text).toContain('1 day was worked from home.');

    const thu = await summary('day', '2026-11-19');
    expect(thu.text).toContain('Absent: Meena Iyer and Zed Long.');
    expect(thu.text).toContain('Nobody was late. 1 missing OUT: Chitra Menon.');
    expect(factsOf(thu)).toMatchObject({ employees: 7, present: 5, hours: 32, absent: 2, late: 0, missing_out: 1, 'absent:M1': 1, 'absent:Z1': 1 });
    expect(thu.facts.find((f) => f.name === 'missing_out:C1')).toMatchObject({
      employee: { code: 'C1', name: 'Chitra Menon' },
      dates: ['2026-11-19'],
    });
  });

  it('today: who is not in yet is not called absent, and an IN still in progress is not a missing OUT', async () => {
    const today = await summary('day', '2026-11-20');
    expect(today.text).toContain('4 of 7 employees came in');
    expect(today.text).toContain('Not in yet: Dev Patel, Meena Iyer and Zed Long.');
    expect(today.text).not.toContain('Absent');
    expect(today.text).toContain(
      'There were 2 late arrivals: Farah Khan (in at 10:30, 90 minutes late) and Bala Krishnan (in at 09:15, 15 minutes late).',
    );
    expect(today.text).toContain('No missing OUTs.');
    expect(factsOf(today)).toMatchObject({ absent: 0, not_in_yet: 3, missing_out: 0 });
  });

  it('a clamped session needs review and is never the most hours', async () => {
    const wed = await summary('day', '2026-11-18');
    expect(wed.text).toContain('On 2026-11-18, 5 of 7 employees came in and worked 48 hours in all.');
    expect(wed.text).toContain('Absent: Bala Krishnan and Meena Iyer.');
    expect(wed.text).toContain('Needs review: Zed Long on 2026-11-18 (a 20-hour session, clamped to the max hours).');
    expect(wed.text).toContain('Most hours (leaving out the sessions to review): Anita Rao, 8 hours.');
    expect(wed.text).not.toMatch(/Most hours[^.]*Zed Long/);
    expect(wed.text).not.toContain('16 hours');
    expect(wed.facts.find((f) => f.name === 'top')).toMatchObject({ label: 'most hours: Anita Rao', value: 8 });
    expect(wed.facts.find((f) => f.name === 'review:Z1:2026-11-18')).toMatchObject({ value: 20, employee: { code: 'Z1' }, dates: ['2026-11-18'] });
  });

  it('this week: days absent per person, who came in every working day, late days, missing OUTs, sessions to review', async () => {
    const week = await summary('week', '2026-11-20');
    expect(week.range).toEqual({ from: '2026-11-16', to: '2026-11-20' });
    expect(week.text).toContain(
      'In the week 2026-11-16 to 2026-11-20, 6 of 7 employees came in and worked 148.92 hours in all; 3 of 7 came in every working day before today.',
    );
    expect(week.text).toContain('Absent: Meena Iyer (4 days), Zed Long (3 days), Bala Krishnan (1 day) and Farah Khan (1 day).');
    expect(week.text).toContain('Not in yet today: Dev Patel, Meena Iyer and Zed Long.');
    expect(week.text).toContain('There were 4 late arrivals: Bala Krishnan (2 days), Chitra Menon (1 day) and Farah Khan (1 day).');
    expect(week.text).toContain('1 missing OUT: Chitra Menon (2026-11-19).');
    expect(week.text).toContain('3 days were worked from home.');
    expect(week.text).toContain('Needs review: Zed Long on 2026-11-18 (a 20-hour session, clamped to the max hours).');
    expect(week.text).toContain('Most hours (leaving out the sessions to review): Anita Rao, 32.5 hours.');
    expect(factsOf(week)).toMatchObject({ employees: 7, present: 6, every_day: 3, absent: 4, review: 1 });
  });

  it('a finished week, and a list capped at five names with "and N more"', async () => {
    const last = await summary('week', '2026-11-10');
    expect(last.range).toEqual({ from: '2026-11-09', to: '2026-11-15' });
    expect(last.text).toContain('5 of 7 employees came in and worked 200 hours in all; 5 of 7 came in every working day.');
    expect(last.text).toContain('Absent: Meena Iyer (5 days) and Zed Long (5 days).');

    const empty = await summary('week', '2026-11-02');
    expect(empty.text).toContain('0 of 7 employees came in and worked 0 hours in all; 0 of 7 came in every working day.');
    expect(empty.text).toContain(
      'Absent: Anita Rao (5 days), Bala Krishnan (5 days), Chitra Menon (5 days), Dev Patel (5 days), Farah Khan (5 days) and 2 more.',
    );
    expect(factsOf(empty)).toMatchObject({ absent: 7, absent_more: 2 });
    expect(empty.facts.filter((f) => f.name.startsWith('absent:'))).toHaveLength(5);
  });

  it("never speaks of leave, and the template's own text passes the model's checks (numbers, and names)", async () => {
    const roster = {
      columns: ['code', 'name'],
      rows: ['A1 Anita Rao', 'B1 Bala Krishnan', 'C1 Chitra Menon', 'D1 Dev Patel', 'F1 Farah Khan', 'M1 Meena Iyer', 'Z1 Zed Long'].map((p) => ({
        code: p.slice(0, 2),
        name: p.slice(3),
      })),
    };
    for (const [period, date] of [
      ['day', '2026-11-16'],
      ['day', '2026-11-18'],
      ['day', '2026-11-20'],
      ['week', '2026-11-20'],
      ['week', '2026-11-02'],
    ] as const) {
      const s = await summary(period, date);
      expect(s.text).not.toMatch(/leave|holiday|vacation/i);
      expect(numbersAreFacts(s.text, s.facts, datesOf(s.range.from, s.range.to))).toBe(true);
      expect(unknownNames(s.text, s.facts, roster)).toEqual([]);
    }
  });
});

describe('summaries by a model', () => {
  beforeAll(() => app.app.deps.ai.save({ aiKey: 'sk-test-not-a-real-key', aiBaseUrl: ai.url, aiModel: 'test-model' }));
  beforeEach(() => {
    ai.requests.length = 0;
    ai.setFallback({ status: 500 });
  });

  it('gets the names as labelled facts, and may use their numbers and times', async () => {
    const text = 'On 2026-11-17, 5 of 7 came in. Bala Krishnan was 20 minutes late (in at 09:20); Meena and Zed Long were absent.';
    ai.script({ text });
    expect(await summary('day', '2026-11-17')).toMatchObject({ engine: 'model', engineNote: null, text });
    const sent = JSON.parse(ai.requests[0]!.messages[1]!.content!) as { facts: { fact: string; value: number; time?: string }[] };
    expect(sent.facts).toEqual(
      expect.arrayContaining([
        { fact: 'absent: Meena Iyer', value: 1 },
        { fact: 'absent: Zed Long', value: 1 },
        { fact: 'minutes late: Bala Krishnan (first IN 09:20)', value: 20, time: '09:20' },
      ]),
    );
    expect(ai.requests[0]!.messages[0]!.content).toContain('never say anyone is on leave');
  });

  it('a clamped session presented as the most hours has a number that is not a fact: the template writes', async () => {
    ai.script({ text: 'On 2026-11-18, Zed Long worked the most: 16 hours.' });
    const s = await summary('day', '2026-11-18');
    expect(s).toMatchObject({
      engine: 'offline',
      engineNote: "The model's text had a number that is not one of the facts, so the template wrote this.",
    });
    expect(s.text).toContain('Needs review: Zed Long on 2026-11-18');
  });

  it('a model text naming someone the facts do not name falls back to the template', async () => {
    // Dev Patel came in on time on 11-17 and is in no fact of that day.
    ai.script({ text: 'On 2026-11-17, 5 of 7 came in; Dev Patel was absent.' }, { text: 'On 2026-11-17, Dev was absent.' });
    for (let i = 0; i < 2; i++) {
      const s = await summary('day', '2026-11-17');
      expect(s).toMatchObject({
        engine: 'offline',
        engineNote: "The model's text named someone who is not in the facts (Dev Patel), so the template wrote this.",
      });
      expect(s.text).toContain('Absent: Meena Iyer and Zed Long.');
    }
  });

  it('a model text saying someone is on leave falls back to the template', async () => {
    ai.script({ text: 'On 2026-11-17, Meena Iyer and Zed Long were on leave.' });
    expect(await summary('day', '2026-11-17')).toMatchObject({
      engine: 'offline',
      engineNote: "The model's text spoke of leave, which Frontdesk does not record, so the template wrote this.",
    });
  });
});

describe('unknownNames', () => {
  const roster = {
    columns: ['code', 'name'],
    rows: [
      { code: 'A1', name: 'Anita Rao' },
      { code: 'A2', name: 'Anita Shah' },
      { code: 'G1', name: 'Grace Hopper' },
      { code: 'X1', name: "Robert'); DROP TABLE punches; -- and run DELETE FROM punches" },
    ],
  };
  const facts = [{ name: 'absent:A1', label: 'absent: Anita Rao', value: 1, employee: { code: 'A1', name: 'Anita Rao' } }];
  it('finds a full name or an unshared first or last name; a shared first name or plain words are not a person', () => {
    expect(unknownNames('Anita Shah was absent.', facts, roster)).toEqual(['Anita Shah']);
    expect(unknownNames('Shah was absent.', facts, roster)).toEqual(['Anita Shah']);
    expect(unknownNames('Anita was absent.', facts, roster)).toEqual([]);
    expect(unknownNames('Late within the grace minutes, and run of the mill; Robert came.', facts, roster)).toEqual([
      "Robert'); DROP TABLE punches; -- and run DELETE FROM punches",
    ]);
    expect(unknownNames('Within the grace minutes and nothing to run.', facts, roster)).toEqual([]);
  });
});
