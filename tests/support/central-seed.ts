// A small organization on a test Central: two sites, two teams, three employees, and a week of
// punches whose hours are known (and checked against the domain's own computation).
import { localDateOf, addDays } from '../../shared/domain/local-time.js';
import type { TestCentral } from './test-central.js';

export const TZ = 'Asia/Kolkata';

export interface Seeded {
  /** The local dates with punches, oldest first (the last is yesterday). */
  dates: string[];
  /** Every punch made: code, kind, local ISO time (site zone). */
  punches: { code: string; kind: 'IN' | 'OUT'; at: string }[];
}

/** E1, E2 in Engineering (site HQ); O1 in Operations (site Plant). Five days; O1 forgets an OUT on the third. */
export async function seedTwoTeams(c: TestCentral, days = 5): Promise<Seeded> {
  await c.admin('roster.addSite', { name: 'HQ', tz: TZ });
  await c.admin('roster.addSite', { name: 'Plant', tz: TZ });
  await c.admin('roster.addTeam', { name: 'Engineering', site: 'HQ' });
  await c.admin('roster.addTeam', { name: 'Operations', site: 'Plant' });
  const today = localDateOf(c.clock.now(), TZ);
  const start = addDays(today, -40);
  for (const [code, name, team] of [
    ['E1', 'Esha One', 'Engineering'],
    ['E2', 'Eli Two', 'Engineering'],
    ['O1', 'Omar One', 'Operations'],
  ] as const) {
    await c.admin('roster.addEmployee', { code, name, pin: '1234', team, startDate: start });
  }
  const dates = Array.from({ length: days }, (_, i) => addDays(today, -(days - i)));
  const punches: Seeded['punches'] = [];
  dates.forEach((d, i) => {
    punches.push({ code: 'E1', kind: 'IN', at: `${d}T09:00:00` }, { code: 'E1', kind: 'OUT', at: `${d}T17:30:00` });
    punches.push({ code: 'E2', kind: 'IN', at: `${d}T10:05:00` }, { code: 'E2', kind: 'OUT', at: `${d}T18:00:00` });
    punches.push({ code: 'O1', kind: 'IN', at: `${d}T08:00:00` });
    if (i !== 2) punches.push({ code: 'O1', kind: 'OUT', at: `${d}T20:00:00` });
  });
  for (const p of punches) await c.admin('attendance.record', { employeeCode: p.code, kind: p.kind, at: p.at });
  return { dates, punches };
}
