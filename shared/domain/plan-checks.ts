// What makes a well-formed query plan unanswerable, checked before anything is fetched: the
// same checks for the offline reader's plans and the model's (the executor runs them).
import { datesOf } from './dashboard.js';
import type { QueryPlan, Subject } from './query-plan.js';

/** The longest period one plan may cover. */
export const MAX_PLAN_DAYS = 366;

/** Why the plan's period cannot be answered on `today`, in words, or null when it can. */
export function periodRefusal(plan: QueryPlan, today: string): string | null {
  if (plan.period.kind !== 'dates') return null;
  if (plan.period.to > today) return `That period runs past today (${today}); I can only answer about days that have happened.`;
  if (datesOf(plan.period.from, plan.period.to).length > MAX_PLAN_DAYS)
    return `That period is longer than ${MAX_PLAN_DAYS} days; ask about a shorter one.`;
  return null;
}

/** The subject's codes that are no one's in the roster, in words, or null. */
export function unknownCodes(subject: Subject, codes: readonly string[]): string | null {
  if (subject.kind !== 'employees') return null;
  const unknown = subject.codes.filter((c) => !codes.includes(c));
  return unknown.length ? `I don't know the employee code ${unknown.join(', ')}.` : null;
}

/** The subject's teams that do not exist, in words, or null. */
export function unknownTeams(subject: Subject, teams: readonly string[]): string | null {
  if (subject.kind !== 'teams') return null;
  const unknown = subject.names.filter((t) => !teams.includes(t));
  return unknown.length ? `I don't know the team ${unknown.join(', ')}.` : null;
}
