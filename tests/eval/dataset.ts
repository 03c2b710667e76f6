// The evaluation dataset: one site (Asia/Kolkata, shift 09:00 + 10 min grace), two teams, six
// people, two weeks of punches. "Now" is Friday 2026-11-20, 11:00 in Kolkata. Every expected
// answer in questions.ts was worked out by hand from the table below.
//
//              last week (Mon 11-09 – Fri 11-13)     this week
//              every day 09:00–17:00 (8 h)           Mon 16         Tue 17         Wed 18       Thu 19        Fri 20 (today)
// A1 Anita     Front Office                          09:00–17:30    09:00–17:00    09:00–17:00  09:00–17:00   IN 08:50
// B1 Bala      Front Office                          09:05–17:00    09:20–17:20    absent       09:00–17:00   IN 09:15
// C1 Chitra    Engineering                           09:30–18:00    09:00–17:00    09:00–17:00  IN 08:55 only IN 09:00 WFH
// D1 Dev       Engineering, WFH on 11-10 and 11-12   09:00–17:00 WFH 09:00–17:00 WFH 09:00–17:00 09:00–17:00  not in yet
// F1 Farah     Engineering                           absent         09:00–13:00    09:00–17:00  09:00–17:00   IN 10:30
// M1 Meena     (manager, no team, never punches)
//
// This week's hours: Anita 32.5, Dev 32, Chitra 24.5, Bala 23.92 (7 h 55 min + 8 + 8), Farah 20.
// Front Office 56.42, Engineering 76.5; last week 40 each, Front Office 80, Engineering 120.
import type { TestApp } from '../support/test-app.js';

export const EVAL_NOW = Date.parse('2026-11-20T05:30:00Z');

const PEOPLE = [
  { code: 'A1', name: 'Anita Rao', team: 'Front Office' },
  { code: 'B1', name: 'Bala Krishnan', team: 'Front Office' },
  { code: 'C1', name: 'Chitra Menon', team: 'Engineering' },
  { code: 'D1', name: 'Dev Patel', team: 'Engineering' },
  { code: 'F1', name: 'Farah Khan', team: 'Engineering' },
] as const;

type Day = [inAt: string, outAt: string | null, mode?: 'WFH'] | null;

const THIS_WEEK: Record<string, Record<string, Day>> = {
  A1: { '16': ['09:00', '17:30'], '17': ['09:00', '17:00'], '18': ['09:00', '17:00'], '19': ['09:00', '17:00'], '20': ['08:50', null] },
  B1: { '16': ['09:05', '17:00'], '17': ['09:20', '17:20'], '18': null, '19': ['09:00', '17:00'], '20': ['09:15', null] },
  C1: { '16': ['09:30', '18:00'], '17': ['09:00', '17:00'], '18': ['09:00', '17:00'], '19': ['08:55', null], '20': ['09:00', null, 'WFH'] },
  D1: { '16': ['09:00', '17:00', 'WFH'], '17': ['09:00', '17:00', 'WFH'], '18': ['09:00', '17:00'], '19': ['09:00', '17:00'], '20': null },
  F1: { '16': null, '17': ['09:00', '13:00'], '18': ['09:00', '17:00'], '19': ['09:00', '17:00'], '20': ['10:30', null] },
};

function csvLines(): string[] {
  const lines: string[] = [];
  const punch = (code: string, kind: 'IN' | 'OUT', date: string, time: string, mode = 'WFO') =>
    lines.push(`${code},${kind},${date}T${time}:00+05:30,${mode}`);
  for (const p of PEOPLE) {
    for (const day of ['09', '10', '11', '12', '13']) {
      const mode = p.code === 'D1' && (day === '10' || day === '12') ? 'WFH' : 'WFO';
      punch(p.code, 'IN', `2026-11-${day}`, '09:00', mode);
      punch(p.code, 'OUT', `2026-11-${day}`, '17:00', mode);
    }
    for (const [day, spec] of Object.entries(THIS_WEEK[p.code]!)) {
      if (!spec) continue;
      const [inAt, outAt, mode = 'WFO'] = spec;
      punch(p.code, 'IN', `2026-11-${day}`, inAt, mode);
      if (outAt) punch(p.code, 'OUT', `2026-11-${day}`, outAt, mode);
    }
  }
  return lines;
}

/** Loads the dataset through the real app (roster on the kiosk, punches imported, synced). */
export async function seedEvalDataset(app: TestApp): Promise<void> {
  for (const p of PEOPLE)
    await app.call('employees.add', { code: p.code, name: p.name, pin: '1234', team: p.team, newTeam: true, startDate: '2026-11-01' });
  await app.call('employees.add', { code: 'M1', name: 'Meena Iyer', pin: '4321', isManager: true, startDate: '2026-11-01' });
  const imported = await app.call('punches.import', { fileName: 'eval.csv', content: csvLines().join('\n') });
  if (imported.errors.length > 0) throw new Error(`eval dataset: ${JSON.stringify(imported.errors)}`);
  await app.call('sync.now', {});
}
