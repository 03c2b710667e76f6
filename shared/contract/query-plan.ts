// The query plan at the boundary: the model's plan_query tool takes this schema (as JSON Schema)
// and every plan, whoever wrote it, is checked by it before it runs.
import { z } from 'zod';
import { AGGREGATIONS, GROUPINGS, MAX_TOP_N, MEASURES, type QueryPlan } from '../domain/query-plan.js';
import { EmployeeCodeSchema } from './common.js';
import { LocalDateSchema, orderedRange } from './reports.js';

const Subject = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('everyone') }).strict(),
  z
    .object({
      kind: z.literal('employees'),
      codes: z.array(EmployeeCodeSchema).min(1).max(20).describe('employee codes (look them up with find_employee)'),
    })
    .strict(),
  z.object({ kind: z.literal('teams'), names: z.array(z.string().trim().min(1).max(80)).min(1).max(20).describe('exact team names') }).strict(),
]);

const Period = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('now') })
    .strict()
    .describe('right now: who is in at this moment'),
  z
    .object({
      kind: z.literal('dates'),
      from: LocalDateSchema.describe('first local date, inclusive'),
      to: LocalDateSchema.describe('last local date, inclusive'),
    })
    .strict()
    .refine(...orderedRange),
]);

export const QueryPlanSchema: z.ZodType<QueryPlan> = z
  .object({
    measure: z
      .enum(MEASURES)
      .describe(
        'hours worked; overtime (hours past the shift length); presence (came in); absence (expected, not in); late; early_departure; arrival_time (first IN); departure_time (last OUT); work_mode (home/office days); missing_out; leave (not recorded)',
      ),
    subject: Subject,
    period: Period,
    filter: z
      .object({
        hours: z
          .object({
            op: z.enum(['gt', 'gte', 'lt', 'lte']),
            hours: z
              .number()
              .min(0)
              .max(24 * 31),
            per: z.enum(['day', 'period']).describe("compare each day's hours, or the period's total"),
          })
          .strict()
          .optional(),
        workMode: z.enum(['WFH', 'WFO']).optional(),
      })
      .strict()
      .default({}),
    aggregation: z
      .object({ kind: z.enum(AGGREGATIONS), n: z.number().int().min(1).max(MAX_TOP_N).optional().describe('for top and bottom') })
      .strict()
      .describe('list (who/which), count, sum, average, min (earliest/least), max (latest/most), top/bottom N, compare (two or more subjects)'),
    groupBy: z.enum(GROUPINGS).default('none'),
  })
  .strict();
