import { describe, expect, it } from 'vitest';
import { MAX_PLAN_DAYS, periodRefusal, unknownCodes, unknownTeams } from '../../../../shared/domain/plan-checks.js';
import type { PlanPeriod, QueryPlan } from '../../../../shared/domain/query-plan.js';

const plan = (period: PlanPeriod): QueryPlan => ({
  measure: 'hours',
  subject: { kind: 'everyone' },
  period,
  filter: {},
  aggregation: { kind: 'sum' },
  groupBy: 'none',
});

describe('plan checks', () => {
  it('refuses a period that runs past today, and takes one that ends today', () => {
    expect(periodRefusal(plan({ kind: 'dates', from: '2026-11-30', to: '2026-12-02' }), '2026-12-01')).toBe(
      'That period runs past today (2026-12-01); I can only answer about days that have happened.',
    );
    expect(periodRefusal(plan({ kind: 'dates', from: '2026-11-30', to: '2026-12-01' }), '2026-12-01')).toBeNull();
    expect(periodRefusal(plan({ kind: 'now' }), '2026-12-01')).toBeNull();
  });

  it(`takes ${MAX_PLAN_DAYS} days and refuses one more`, () => {
    expect(MAX_PLAN_DAYS).toBe(366);
    expect(periodRefusal(plan({ kind: 'dates', from: '2025-12-01', to: '2026-12-01' }), '2026-12-01')).toBeNull();
    expect(periodRefusal(plan({ kind: 'dates', from: '2025-11-30', to: '2026-12-01' }), '2026-12-01')).toBe(
      'That period is longer than 366 days; ask about a shorter one.',
    );
  });

  it('names the codes and teams no one has, and passes known ones and other subjects', () => {
    expect(unknownCodes({ kind: 'employees', codes: ['1001', '9', '8'] }, ['1001'])).toBe("I don't know the employee code 9, 8.");
    expect(unknownCodes({ kind: 'employees', codes: ['1001'] }, ['1001'])).toBeNull();
    expect(unknownCodes({ kind: 'teams', names: ['X'] }, [])).toBeNull();
    expect(unknownTeams({ kind: 'teams', names: ['Ops', 'Sales'] }, ['Ops'])).toBe("I don't know the team Sales.");
    expect(unknownTeams({ kind: 'teams', names: ['Ops'] }, ['Ops'])).toBeNull();
    expect(unknownTeams({ kind: 'everyone' }, [])).toBeNull();
  });
});
