// The whole evaluation (development set and the three held-aside sets, 476 questions) through
// the pure path: the offline reader's plan, the executor's checks and answerPlan, on facts the
// independent reference computes from each dataset's table. The same grading as the end-to-end
// evaluation (tests/integration/ask-offline.test.ts, through the real ask call on PostgreSQL),
// without a database, so StrykerJS can run it against every mutant of the reader and the answer.
import { describe, expect, it } from 'vitest';
import type { AskResult } from '../../../shared/contract/ai.js';
import { QueryPlanSchema } from '../../../shared/contract/query-plan.js';
import { answerPlan } from '../../../shared/domain/plan-answer.js';
import { periodRefusal, unknownCodes, unknownTeams } from '../../../shared/domain/plan-checks.js';
import { readQuestion } from '../../../shared/domain/question-reader.js';
import { grade, type EvalCase, type Graded } from '../../eval/cases.js';
import { DEV_SET } from '../../eval/dev.js';
import { KOLKATA } from '../../eval/datasets/kolkata.js';
import { NEWYORK } from '../../eval/datasets/newyork.js';
import { HELD_ASIDE } from '../../eval/held-aside.js';
import { HELD_ASIDE_B } from '../../eval/held-aside-b.js';
import { HELD_ASIDE_C } from '../../eval/held-aside-c.js';
import { referenceFacts } from '../../eval/reference-facts.js';

const DATASETS = { kolkata: KOLKATA, newyork: NEWYORK };

function ask(c: EvalCase): AskResult {
  const ds = DATASETS[c.dataset];
  const base = { engine: 'offline' as const, engineNote: null, steps: [] };
  const cannot = (answer: string): AskResult => ({ ...base, answered: false, answer, interpretation: null, period: null, table: null, chart: null });
  const names = { employees: ds.people.map((p) => ({ code: p.code, name: p.name })), teams: ds.teams };
  const reading = readQuestion(c.question, ds.today, ds.tz, names);
  if ('ask' in reading) return cannot(reading.ask);
  const checked = QueryPlanSchema.safeParse(reading.plan);
  if (!checked.success) return cannot(checked.error.issues.map((i) => i.message).join('; '));
  const plan = checked.data;
  const refusal =
    periodRefusal(plan, ds.today) ??
    unknownCodes(
      plan.subject,
      ds.people.map((p) => p.code),
    ) ??
    unknownTeams(plan.subject, ds.teams);
  if (refusal) return cannot(refusal);
  const a = answerPlan(plan, referenceFacts(ds, plan));
  if (!a.answered) return cannot(a.answer);
  const period = plan.period.kind === 'now' ? ('now' as const) : { from: plan.period.from, to: plan.period.to };
  return { ...base, answered: true, answer: a.answer, interpretation: a.interpretation, period, table: a.table, chart: null };
}

const SEEN = [...DEV_SET, ...HELD_ASIDE, ...HELD_ASIDE_B, ...HELD_ASIDE_C];

// One test per question, graded inside it (not at collection), so a mutation run counts what each
// covers and runs against a mutant only the questions that reach it.
describe(`the evaluation through the pure reader and answer (${SEEN.length} questions)`, () => {
  it('holds every evaluation set, questions answered and asked back', () => {
    expect(SEEN.length).toBeGreaterThanOrEqual(450);
    expect(SEEN.filter((c) => c.expect.answered).length).toBeGreaterThan(SEEN.length * 0.7);
    expect(SEEN.some((c) => !c.expect.answered)).toBe(true);
  });

  it.each(SEEN.map((c, i) => [`${i + 1} ${c.dataset}: ${c.question}`, c] as const))('%s', (_, c) => {
    const g: Graded = grade(
      c,
      ask(c),
      DATASETS[c.dataset].people.map((p) => p.name),
    );
    expect(g.why === null ? 'right' : `${g.grade}: ${g.why} (${g.result.answer})`).toBe('right');
  });
});
