import { z } from 'zod';
import { EmployeeCodeSchema, PinSchema } from './common.js';
import { oneKindOfRange, orderedRange, ReportRangeShape, ReportResultSchema } from './reports.js';

export const SignInInputSchema = z.object({ code: EmployeeCodeSchema, pin: PinSchema }).strict();
export const SignInOutputSchema = z.object({
  /** Sent back with every manager call (HTTP header or IPC argument); never stored on disk. */
  token: z.string(),
  code: z.string(),
  name: z.string(),
  /** Sign-in lapses after this much idle time; each call pushes it back. */
  idleMinutes: z.number(),
});

export const DashboardInputSchema = z
  .object(ReportRangeShape)
  .strict()
  .refine(...oneKindOfRange)
  .refine(...orderedRange);

export const DashboardSchema = z.object({
  range: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  teams: z.array(z.string()),
  /** Employees with at least one IN, per local date (every date of the range, zeros included). */
  presence: z.array(z.object({ date: z.string(), present: z.number() })),
  /** Hours in the range per employee, most first. */
  hoursByEmployee: z.array(z.object({ code: z.string(), name: z.string(), hours: z.number() })),
  /** Hours per team per week (weeks start on Monday). */
  teamTrend: z.array(z.object({ team: z.string(), points: z.array(z.object({ week: z.string(), hours: z.number() })) })),
  /** Days worked from home and from the office (by the day's first IN). */
  workMode: z.object({ WFH: z.number(), WFO: z.number() }),
  exceptions: ReportResultSchema,
});

export type SignInOutput = z.infer<typeof SignInOutputSchema>;
export type Dashboard = z.infer<typeof DashboardSchema>;
export type DashboardInput = z.input<typeof DashboardInputSchema>;
