// Loads an evaluation dataset through the real app: the roster on the kiosk, the site's and
// teams' shifts (in force from the first day of the data), the punches imported as a CSV with
// each local time turned into an instant in the site's zone, then a sync to central.
import { isoWithOffset, wallClockToUtc } from '../../../shared/domain/local-time.js';
import type { TestApp } from '../../support/test-app.js';
import type { EvalDataset } from './types.js';

const instant = (date: string, time: string, tz: string): string => {
  const [year, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return isoWithOffset(wallClockToUtc({ year, month, day: dayOfMonth, hour, minute, second: 0 }, tz), tz);
};

export function csvOf(ds: EvalDataset): string {
  const lines: string[] = [];
  for (const [code, days] of Object.entries(ds.days)) {
    for (const [date, d] of Object.entries(days)) {
      lines.push(`${code},IN,${instant(date, d.in, ds.tz)},${d.mode}`);
      if (d.out) lines.push(`${code},OUT,${instant(date, d.out, ds.tz)},${d.mode}`);
    }
  }
  return lines.join('\n');
}

export async function seedDataset(app: TestApp, ds: EvalDataset): Promise<void> {
  for (const p of ds.people) {
    await app.call('employees.add', {
      code: p.code,
      name: p.name,
      pin: p.manager ? '4321' : '1234',
      ...(p.team ? { team: p.team, newTeam: true } : {}),
      ...(p.manager ? { isManager: true } : {}),
      startDate: p.startDate,
    });
  }
  await app.call('sync.now', {});
  const by = ds.people.find((p) => p.manager)!.code;
  const first = Object.values(ds.days)
    .flatMap((d) => Object.keys(d))
    .sort()[0]!;
  const site = (await app.call('roster.list', {})).sites[0]!.name;
  await app.call('roster.updateSite', {
    name: site,
    shiftStart: ds.site.start,
    graceMinutes: ds.site.grace,
    shiftEnd: ds.site.end,
    effectiveFrom: first,
    by,
  });
  for (const [team, s] of Object.entries(ds.teamShifts)) {
    await app.call('roster.updateTeam', { name: team, shiftStart: s.start, graceMinutes: s.grace, shiftEnd: s.end, effectiveFrom: first, by });
  }
  const imported = await app.call('punches.import', { fileName: `${ds.id}.csv`, content: csvOf(ds) });
  if (imported.errors.length > 0) throw new Error(`eval dataset ${ds.id}: ${JSON.stringify(imported.errors)}`);
  await app.call('sync.now', {});
}
