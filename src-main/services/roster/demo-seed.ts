// First run: an empty data folder gets a demo site, three teams, eight employees and the last
// few working days of punches, so a new user sees a working kiosk at once. The credentials
// are fixed (and listed in the README); `--no-demo` skips all of it.
import { addDays, localDateOf, zonedToUtc, parseLocalDate } from '../../../shared/domain/local-time.js';
import type { PunchRepo } from '../../db/local/punch-repo.js';
import type { ServiceDeps } from '../deps.js';
import { importPunchId } from '../punches/import/import-punches.js';
import { addEmployee, findEmployeeByCode, stableId } from './roster.js';

export interface DemoCredential {
  code: string;
  name: string;
  team: string;
  pin: string;
  badge: string;
  isManager: boolean;
}

export const DEMO_EMPLOYEES: readonly DemoCredential[] = [
  { code: '1001', name: 'Asha Rao', team: 'Front Office', pin: '4321', badge: '0004521001', isManager: true },
  { code: '1002', name: 'Vikram Nair', team: 'Front Office', pin: '1234', badge: '0004521002', isManager: false },
  { code: '1003', name: 'Meera Iyer', team: 'Engineering', pin: '2345', badge: '0004521003', isManager: false },
  { code: '1004', name: 'Rahul Verma', team: 'Engineering', pin: '3456', badge: '0004521004', isManager: false },
  { code: '1005', name: 'Sara Thomas', team: 'Engineering', pin: '4567', badge: '0004521005', isManager: false },
  { code: '1006', name: 'Arjun Mehta', team: 'Operations', pin: '5678', badge: '0004521006', isManager: true },
  { code: '1007', name: 'Divya Pillai', team: 'Operations', pin: '6789', badge: '0004521007', isManager: false },
  { code: '1008', name: 'Kiran Das', team: 'Operations', pin: '7890', badge: '0004521008', isManager: false },
];

export const DEMO_DAYS = 5;

/** A small deterministic generator, so the demo data is the same on every machine. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function localInstant(date: string, minutesAfterMidnight: number, tz: string): number | null {
  const d = parseLocalDate(date);
  const hour = Math.floor(minutesAfterMidnight / 60);
  return zonedToUtc({ ...d, hour, minute: minutesAfterMidnight % 60, second: 0 }, tz);
}

export async function seedDemo(deps: ServiceDeps, repo: PunchRepo): Promise<readonly DemoCredential[]> {
  await Promise.all(
    DEMO_EMPLOYEES.filter((e) => !findEmployeeByCode(deps.store.db, e.code)).map((e) =>
      addEmployee(
        deps.store.db,
        deps.kiosk.siteId,
        {
          code: e.code,
          name: e.name,
          pin: e.pin,
          badge: e.badge,
          team: e.team,
          role: e.isManager ? 'manager' : 'staff',
          isManager: e.isManager,
          newTeam: true,
        },
        stableId('employee', e.code),
        // The demo's people were there for its past days of punches.
        addDays(localDateOf(deps.clock.now(), deps.kiosk.tz), -DEMO_DAYS - 1),
      ),
    ),
  );
  const { tz } = deps.kiosk;
  const now = deps.clock.now();
  const today = localDateOf(now, tz);
  const random = mulberry32(20261121);
  deps.store.sqlite.transaction(() => {
    for (let back = DEMO_DAYS; back >= 1; back--) {
      const date = addDays(today, -back);
      for (const [i, e] of DEMO_EMPLOYEES.entries()) {
        const employee = findEmployeeByCode(deps.store.db, e.code)!;
        const workMode = random() < 0.2 ? 'WFH' : 'WFO';
        const inAt = localInstant(date, 8 * 60 + 40 + Math.floor(random() * 55), tz);
        const outAt = localInstant(date, 17 * 60 + 20 + Math.floor(random() * 90), tz);
        const forgotOut = back === 2 && i === 4;
        for (const [kind, at] of [
          ['IN', inAt],
          ['OUT', forgotOut ? null : outAt],
        ] as const) {
          if (at === null || at > now) continue;
          repo.insertWithOutbox({
            id: importPunchId(employee.id, kind, at),
            employeeId: employee.id,
            kind,
            atUtc: at,
            siteId: deps.kiosk.siteId,
            deviceId: 'demo',
            workMode,
            source: 'import',
            createdAt: now,
          });
        }
      }
    }
  })();
  return DEMO_EMPLOYEES;
}
