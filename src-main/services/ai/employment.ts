// An employee's employment as the roster tool gives it, for the one "expected at work" rule.
import { parseWorkingDays, type Employment } from '../../../shared/domain/attendance.js';

export function employmentOf(r: Record<string, unknown>): Employment {
  return {
    employedFrom: typeof r.employed_from === 'string' ? r.employed_from : '0000-01-01',
    employedUntil: typeof r.employed_until === 'string' ? r.employed_until : null,
    workingDays: parseWorkingDays(typeof r.working_days === 'string' ? r.working_days : null),
  };
}
