// The offline interpreter: reads the question into a query plan (shared/domain/question-reader.ts)
// and answers it with the one plan executor, through the same tools the model uses. A question
// it cannot read entirely is answered with a question back, naming what it did not understand.
import type { AskResult } from '../../../shared/contract/ai.js';
import { localDateOf } from '../../../shared/domain/local-time.js';
import { readQuestion } from '../../../shared/domain/question-reader.js';
import { AppError } from '../../../shared/errors.js';
import { executePlan, ToolRun } from './plan-executor.js';
import type { ToolContext } from './tools.js';

export const CAN_DO =
  'I can answer: who is in now; hours of people or teams (totals, averages, the most and fewest, comparisons, over or under N hours, overtime); who came in, was absent, late or left early; arrival and departure times; home vs office days; and missing OUTs — for today, yesterday, a date, a week, a month or a range.';

export async function answerOffline(ctx: ToolContext, question: string): Promise<AskResult> {
  const run = new ToolRun(ctx);
  const today = localDateOf(ctx.deps.clock.now(), ctx.deps.kiosk.tz);
  const roster = await run.tool('roster', {});
  const teams = await run.tool('list_teams', {});
  const employees = roster.rows.map((r) => ({ code: String(r.code), name: String(r.name) }));
  const base = { engine: 'offline' as const, engineNote: null };
  const cannot = (answer: string): AskResult => ({
    ...base,
    answered: false,
    interpretation: null,
    period: null,
    answer,
    table: null,
    chart: null,
    steps: run.steps,
  });
  const reading = readQuestion(question, today, ctx.deps.kiosk.tz, { employees, teams: teams.rows.map((t) => String(t.name)) });
  if ('ask' in reading) return cannot(reading.ask);
  try {
    return { ...base, ...(await executePlan(run, reading.plan)), steps: run.steps };
  } catch (err) {
    // A date the reports refuse (before 1900, after 2999): say so, rather than fail the call.
    if (err instanceof AppError && err.code === 'BAD_INPUT') return cannot(`I can't use that date: ${err.message.replace(/\.$/, '')}.`);
    if (err instanceof Error && err.name === 'ZodError')
      return cannot('I read a date in that question that I cannot use. Ask with a date that exists.');
    throw err;
  }
}
