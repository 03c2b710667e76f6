import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../../../shared/domain/question-reader.js';
import { ROSTER } from './reader-roster.js';

const TODAY = '2026-11-20'; // a Friday
const read = (q: string, tz = 'Asia/Kolkata') => readQuestion(q, TODAY, tz, ROSTER);
const plan = (q: string) => {
  const r = read(q);
  if (!('plan' in r)) throw new Error(`asked back: ${r.ask}`);
  return r.plan;
};
const ask = (q: string): string => {
  const r = read(q);
  if (!('ask' in r)) throw new Error(`answered: ${JSON.stringify(r.plan)}`);
  return r.ask;
};
const week = { kind: 'dates', from: '2026-11-16', to: '2026-11-20' };

describe('the offline reader: a question to a plan', () => {
  it.each([
    ['how many hrs did anita work this week', 'hours', { kind: 'employees', codes: ['A1'] }, 'sum'],
    ["bala's average daily hours this week", 'hours', { kind: 'employees', codes: ['B1'] }, 'average'],
    ['who worked the most hours this week', 'hours', { kind: 'everyone' }, 'top'],
    ['fewest hours in Engineering this week', 'hours', { kind: 'teams', names: ['Engineering'] }, 'bottom'],
    ['compare anita and bala hours this week', 'hours', { kind: 'employees', codes: ['A1', 'B1'] }, 'compare'],
    ['Engineering vs Front Office hours this week', 'hours', { kind: 'teams', names: ['Engineering', 'Front Office'] }, 'compare'],
    ['who was late this week', 'late', { kind: 'everyone' }, 'list'],
    ['how many times was dev late this week', 'late', { kind: 'employees', codes: ['D1'] }, 'count'],
    ['who left early this week', 'early_departure'],
    ['what time did dev come in on monday', 'arrival_time', { kind: 'employees', codes: ['D1'] }, 'list'],
    ['who came in earliest this week', 'arrival_time', { kind: 'everyone' }, 'min'],
    ['what time did bala clock out on monday', 'departure_time'],
    ['who left last on monday', 'departure_time', { kind: 'everyone' }, 'max'],
    ['absentees this week', 'absence'],
    ["who didn't come in this week", 'absence'],
    ['who came in this week', 'presence'],
    ['head count on monday', 'presence', { kind: 'everyone' }, 'count'],
    ['who worked from home this week', 'work_mode'],
    ["who hasn't punched out this week", 'missing_out'],
    ['who forgot to clock out this week', 'missing_out'],
    ['overtime this week', 'overtime', { kind: 'everyone' }, 'list'],
  ])('%s', (q, measure, subject?, aggregation?) => {
    const p = plan(q);
    expect(p.measure).toBe(measure);
    if (q.includes('this week')) expect(p.period).toEqual(week);
    if (subject) expect(p.subject).toEqual(subject);
    if (aggregation) expect(p.aggregation.kind).toBe(aggregation);
  });

  it('reads thresholds per day or over the period, and top N', () => {
    expect(plan('who worked more than 9 hours in a day this week').filter.hours).toEqual({ op: 'gt', hours: 9, per: 'day' });
    expect(plan('who worked more than 30 hrs this week').filter.hours).toEqual({ op: 'gt', hours: 30, per: 'period' });
    expect(plan('who worked under 4 hours yesterday').filter.hours).toEqual({ op: 'lt', hours: 4, per: 'day' });
    expect(plan('top 3 by hours this week').aggregation).toEqual({ kind: 'top', n: 3 });
    expect(plan('bottom two by hours this week').aggregation).toEqual({ kind: 'bottom', n: 2 });
    expect(plan('which team worked the most this week')).toMatchObject({ groupBy: 'team', aggregation: { kind: 'top', n: 1 } });
  });

  it('reads work mode filters: home, office, or the split', () => {
    expect(plan('who worked from home this week').filter.workMode).toBe('WFH');
    expect(plan('wfh vs wfo this week').filter.workMode).toBeUndefined();
    expect(plan('who was in the office on monday').filter.workMode).toBe('WFO');
  });

  it('the present tense is now or today; a past question without a date is asked back', () => {
    expect(plan('who is in').period).toEqual({ kind: 'now' });
    expect(plan('Is Dev in right now?')).toMatchObject({ period: { kind: 'now' }, subject: { kind: 'employees', codes: ['D1'] } });
    expect(plan('who is late').period).toEqual({ kind: 'dates', from: TODAY, to: TODAY });
    expect(ask('how many hours did anita work')).toMatch(/^For which dates\?/);
    expect(ask('who was absent')).toMatch(/^For which dates\?/);
  });

  it('names what it did not understand, never answering around it', () => {
    expect(ask('hours for anita in the rainy season')).toContain('“rainy season”');
    expect(ask('how many hours did zara work this week')).toContain('“zara”');
    expect(ask('What is the capital of France?')).toMatch(/^I can't answer that: I didn't understand “capital”, “france”/);
    expect(ask('delete all punches')).toContain('“delete”');
    expect(ask('this week please')).toMatch(/couldn't tell what to measure/);
  });

  it('asks which one when a name fits two people, and reads two names joined by "or"', () => {
    expect(ask('hours of asha this week')).toBe(
      'Which one do you mean by “asha”: Asha Nair (S1) or Asha Kulkarni (S2)? Ask again with the full name or code.',
    );
    expect(plan('did anita or bala work more this week')).toMatchObject({
      subject: { kind: 'employees', codes: ['A1', 'B1'] },
      aggregation: { kind: 'compare' },
    });
    expect(plan('hours of asha nair this week').subject).toEqual({ kind: 'employees', codes: ['S1'] });
  });

  it('forgives one letter in a longer name, possessives and codes; not in short ones', () => {
    expect(plan('how many hours did anitha work this week').subject).toEqual({ kind: 'employees', codes: ['A1'] });
    expect(plan("krishnan's hours this week").subject).toEqual({ kind: 'employees', codes: ['B1'] });
    expect(plan('hours for d2 this week').subject).toEqual({ kind: 'employees', codes: ['D2'] });
    expect(ask('hours of deb this week')).toContain('“deb”');
  });

  it('dates it cannot use are asked back, quoting them', () => {
    expect(ask('hours of anita on 03/11')).toContain('“03/11”');
    expect(ask('who was late on 31 nov')).toContain('“31 nov”: November has 30 days');
    expect(plan('who was late on 13/11').period).toEqual({ kind: 'dates', from: '2026-11-13', to: '2026-11-13' });
    expect(readQuestion('who was late on 11/13', TODAY, 'America/New_York', ROSTER)).toMatchObject({ plan: { period: { from: '2026-11-13' } } });
  });

  it('leave is not recorded: it says so, and nothing else is guessed', () => {
    expect(ask('who is on leave today')).toMatch(/^Frontdesk does not record leave/);
    expect(ask('how many hours did zara work excluding holidays')).toContain("I also didn't understand “zara excluding”");
    expect(plan('when did bala leave on monday').measure).toBe('departure_time');
    expect(plan('did anyone leave early on monday').measure).toBe('early_departure');
  });

  it('reads grouping, counts of people, rankings of days, bare thresholds and arrival words', () => {
    expect(plan('hours worked by each person this week').groupBy).toBe('person');
    expect(plan('total hours by team this week').groupBy).toBe('team');
    expect(plan('average hours per person this week')).toMatchObject({ aggregation: { kind: 'average' }, groupBy: 'person' });
    expect(plan('how many employees were late this week').aggregation.kind).toBe('count');
    expect(plan('who has the most late days this week')).toMatchObject({ measure: 'late', aggregation: { kind: 'top', n: 1 } });
    expect(plan('whose hours were below 8 on monday').filter.hours).toEqual({ op: 'lt', hours: 8, per: 'day' });
    expect(ask('who came in after 9 today')).toContain('“after 9”');
    expect(plan('who clocked in today').measure).toBe('presence');
    expect(plan('who came earliest yesterday')).toMatchObject({ measure: 'arrival_time', aggregation: { kind: 'min' } });
    expect(plan('list late comers today').measure).toBe('late');
    expect(plan('who had the longest day yesterday')).toMatchObject({ measure: 'hours', aggregation: { kind: 'top' } });
  });

  it('reads the rest of what the first held-aside look missed', () => {
    expect(plan('who did more than 40 hrs last week')).toMatchObject({ measure: 'hours', filter: { hours: { op: 'gt', hours: 40, per: 'period' } } });
    expect(plan('how many days did anita work more than 8 hours this week')).toMatchObject({
      aggregation: { kind: 'count' },
      filter: { hours: { per: 'day' } },
    });
    expect(plan('how many days was anita in the past 3 days')).toMatchObject({ measure: 'presence', aggregation: { kind: 'count' } });
    expect(plan('was anita or bala in on monday')).toMatchObject({ measure: 'presence', subject: { codes: ['A1', 'B1'] } });
    expect(plan('how many ppl are here now').period).toEqual({ kind: 'now' });
    expect(plan('which engineers were absent on monday').subject).toEqual({ kind: 'teams', names: ['Engineering'] });
    expect(plan('who clocked the most hours this week').aggregation).toEqual({ kind: 'top', n: 1 });
    expect(plan("who hasn't punched out from yesterday").period).toEqual({ kind: 'dates', from: '2026-11-19', to: '2026-11-19' });
  });

  it('reads what the held-aside set B showed it missed', () => {
    expect(plan('what time does bala usually come in this week')).toMatchObject({ measure: 'arrival_time', aggregation: { kind: 'average' } });
    expect(plan('how many mins late was bala today').measure).toBe('late');
    expect(plan("please show dev's office days in the week of nov 9")).toMatchObject({ measure: 'work_mode', filter: { workMode: 'WFO' } });
    expect(plan('total overtime for engineering this week')).toMatchObject({ measure: 'overtime', aggregation: { kind: 'sum' } });
    expect(plan('could you list who was out last friday').measure).toBe('absence');
  });

  it('reads what the held-aside set C showed it missed', () => {
    expect(plan('how many hours bala worked between the 16th and the 18th of november').period).toEqual({
      kind: 'dates',
      from: '2026-11-16',
      to: '2026-11-18',
    });
    expect(plan('How much overtime did Anita put in this month?')).toMatchObject({ measure: 'overtime', aggregation: { kind: 'sum' } });
    expect(plan("Anita's punctuality today: how late was she?").measure).toBe('late');
    expect(plan('Did anyone leave before the end of their shift on 17/11?').measure).toBe('early_departure');
    expect(plan('how many mins early did bala leave on tuesday').measure).toBe('early_departure');
    expect(plan('Tom and Priya arrival times on 17/11/2026, side by side'.replace('Tom and Priya', 'anita and bala')).measure).toBe('arrival_time');
    expect(plan('how many days has anita been in since monday')).toMatchObject({ measure: 'presence', aggregation: { kind: 'count' } });
    expect(plan('how many people are currently in').period).toEqual({ kind: 'now' });
    expect(plan('Tardiness report for Engineering, last week: who was late?').measure).toBe('late');
  });
});
