import { z } from 'zod';
import { isValidTimeZone } from '../domain/local-time.js';
import { EmployeeCodeSchema } from './common.js';

export const REPORT_NAMES = ['daily', 'workhours', 'trends', 'late', 'exceptions', 'present-now'] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

const LocalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD');

export const ReportInputSchema = z
  .object({
    name: z.enum(REPORT_NAMES),
    /** The last N local days including today… */
    days: z.number().int().min(1).max(3660).optional(),
    /** …or an inclusive range of local dates. */
    from: LocalDate.optional(),
    to: LocalDate.optional(),
    team: z.string().trim().min(1).max(80).optional(),
    employee: EmployeeCodeSchema.optional(),
    /** Local dates in this zone instead of each site's own. */
    tz: z.string().refine(isValidTimeZone, 'not an IANA time zone').optional(),
    maxHours: z.number().min(1).max(48).default(16),
  })
  .strict()
  .refine((r) => r.days === undefined || (r.from === undefined && r.to === undefined), 'give days or from/to, not both')
  .refine((r) => !r.from || !r.to || r.from <= r.to, 'from must not be after to');

export const ReportResultSchema = z.object({
  name: z.enum(REPORT_NAMES),
  range: z.object({ from: z.string(), to: z.string(), tz: z.string() }),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
});

export type ReportInput = z.input<typeof ReportInputSchema>;
export type ReportResult = z.infer<typeof ReportResultSchema>;
