// Attendance events on Central for programs (the first system's /attendance): list an
// employee's IN/OUT events a page at a time, and record one with an ISO-8601 time. Recording is
// idempotent: the same client id (or Idempotency-Key) from the same caller is the same event.
import { z } from 'zod';
import { EmployeeCodeSchema, IsoInstantSchema, PunchKindSchema, WorkModeSchema } from './common.js';
import { LocalDateSchema } from './reports.js';

const InstantOrDate = z.union([LocalDateSchema, IsoInstantSchema]);

export const ListAttendanceInputSchema = z
  .object({
    employee: EmployeeCodeSchema.optional(),
    /** A local date (the employee's site zone) or an instant; from is inclusive, to exclusive for instants and inclusive for dates. */
    from: InstantOrDate.optional(),
    to: InstantOrDate.optional(),
    /** From the previous page's nextCursor. */
    cursor: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,200}$/, 'the cursor is not one this server gave')
      .optional(),
    limit: z.number().int().min(1).max(1000).default(100),
    includeVoided: z.boolean().default(false),
  })
  .strict();

export const AttendanceEventSchema = z.object({
  id: z.string(),
  employeeCode: z.string(),
  employeeName: z.string(),
  team: z.string().nullable(),
  kind: PunchKindSchema,
  /** The instant, in UTC. */
  at: z.string(),
  /** The same instant on the site's clock, with its offset. */
  localTime: z.string(),
  tz: z.string(),
  workMode: WorkModeSchema,
  source: z.string(),
  voided: z.boolean(),
});

export const AttendancePageSchema = z.object({ items: z.array(AttendanceEventSchema), nextCursor: z.string().nullable() });

export const RecordAttendanceInputSchema = z
  .object({
    employeeCode: EmployeeCodeSchema,
    kind: PunchKindSchema,
    at: IsoInstantSchema,
    workMode: WorkModeSchema.default('WFO'),
    /** The caller's own id for this event: sent again, it is the same event, never a second one. */
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const RecordedAttendanceSchema = z.object({
  event: AttendanceEventSchema,
  /** The same event (same client id, or the same kind within the duplicate window) was already there: nothing new was written. */
  repeated: z.boolean(),
});

export type AttendanceEvent = z.infer<typeof AttendanceEventSchema>;
export type AttendancePage = z.infer<typeof AttendancePageSchema>;
