// "Hours worked today" on the receipt, by the same work-hours rules the reports use: sessions
// that began on the local date, closed by an OUT, clamped to maxHours.
import { startOfLocalDay } from '../../../shared/domain/local-time.js';
import { computeWorkSessions } from '../../../shared/domain/work-hours.js';
import type { PunchRepo } from '../../db/local/punch-repo.js';

export function secondsWorkedOn(repo: PunchRepo, employeeId: string, localDate: string, tz: string, maxHours: number): number {
  const facts = repo.since(employeeId, startOfLocalDay(localDate, tz));
  const { sessions } = computeWorkSessions(facts, { tz, maxHours });
  return sessions.reduce((sum, s) => (s.localDate === localDate ? sum + s.seconds : sum), 0);
}
