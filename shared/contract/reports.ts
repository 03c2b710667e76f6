import { z } from 'zod';
import { isRealLocalDate, isValidTimeZone } from '../domain/local-time.js';
import { EmployeeCodeSchema } from './common.js';

export const REPORT_NAMES = ['daily', 'days', 'workhours', 'trends', 'late', 'exceptions', 'present-now'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

export const LocalDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD, such as 2026-11-20')
  .refine(isRealLocalDate, { error: (issue) => `${String(issue.input)} is not a date that exists` })
  .refine((d) => d >= '1900-01-01' && d <= '2999-12-31', 'dates run from 1900-01-01 to 2999-12-31');
const LocalDate = LocalDateSchema;

/** The range and filter every report and the dashboard take. */
export const ReportRangeShape = {
  /** The last N local days including today… */
  days: z.number().int().min(1).max(3660).optional(),
  /** …or an inclusive range of local dates. */
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  team: z.string().trim().min(1).max(80).optional(),
};

interface RangeFields {
  days?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
}
/** The rules a range must keep, as zod refinements: [check, message]. */
export const oneKindOfRange = [
  (r: RangeFields) => r.days === undefined || (r.from === undefined && r.to === undefined),
  'give days or from/to, not both',
] as const;
export const orderedRange = [
  (r: RangeFields) => !r.from || !r.to || r.from <= r.to,
  'the start date (from) must not be after the end date (to)',
] as const;

export const ReportInputSchema = z
  .object({
    name: z.enum(REPORT_NAMES),
    ...ReportRangeShape,
    employee: EmployeeCodeSchema.optional(),
    /** Local dates in this zone instead of each site's own. */
    tz: z.string().refine(isValidTimeZone, 'not an IANA time zone').optional(),
    /** The clamp; without it, the kiosk's one setting (FRONTDESK_MAX_HOURS, 16 by default). */
    maxHours: z.number().min(1).max(48).optional(),
  })
  .strict()
  .refine(...oneKindOfRange)
  .refine(...orderedRange);

export const ReportResultSchema = z.object({
  name: z.enum(REPORT_NAMES),
  range: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

/**
 * A report for the REST API: the same rows as reports.run, as one JSON array text, keyed as the
 * REST API names them (restFields in rest.ts) by the query itself, so a large answer is not
 * copied row by row into other objects on Central before it is written.
 */
export const ReportJsonSchema = ReportResultSchema.omit({ rows: true }).extend({ rowsJson: z.string() });

export type ReportInput = z.input<typeof ReportInputSchema>;
export type ReportResult = z.infer<typeof ReportResultSchema>;
export type ReportJson = z.infer<typeof ReportJsonSchema>;
