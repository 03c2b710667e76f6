// The REST API's own shapes (/api/v1): the first system's names and query parameters, in
// snake_case, so a former user only changes the base URL; and the second system's endpoints.
// Query strings arrive as text, so numbers and flags are coerced here. Each shape maps to a
// contract method (src-main/central/api-routes.ts); nothing is computed twice.
import { z } from 'zod';
import { isValidTimeZone } from '../domain/local-time.js';
import { EmployeeCodeSchema, IsoInstantSchema, PinSchema, PunchKindSchema, WorkModeSchema } from './common.js';
import { LocalDateSchema } from './reports.js';
import type { AttendanceEvent } from './attendance.js';

const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const Days = z.coerce.number().int().min(1).max(3660);
const Zone = z.string().refine(isValidTimeZone, 'not an IANA time zone');
const Team = z.string().trim().min(1).max(80);

/** The range every report endpoint takes: days=N (the last N local days, today included) or from/to. */
export const RestRangeQuery = {
  days: Days.optional().describe('the last N local days, today included (default 7)'),
  from: LocalDateSchema.optional().describe('first local date, inclusive (YYYY-MM-DD)'),
  to: LocalDateSchema.optional().describe('last local date, inclusive (YYYY-MM-DD)'),
  team: Team.optional().describe('only this team, by name'),
  tz: Zone.optional().describe("local dates in this IANA zone instead of each site's own"),
};

export const WorkhoursQuerySchema = z
  .object({
    ...RestRangeQuery,
    max_hours: z.coerce.number().min(1).max(48).optional().describe('a session counts at most this many hours (default: the server setting, 16)'),
    employee_id: EmployeeCodeSchema.optional().describe('only this employee, by code'),
  })
  .strict();

export const DailyQuerySchema = z
  .object({ ...RestRangeQuery, date: LocalDateSchema.optional().describe('one local date (same as from=to=date)') })
  .strict();

export const TrendsQuerySchema = z.object(RestRangeQuery).strict();

export const EmployeesQuerySchema = z
  .object({
    team: Team.optional(),
    include_inactive: Flag.optional().describe('true to list deactivated employees too'),
  })
  .strict();

export const AttendanceQuerySchema = z
  .object({
    employee_id: EmployeeCodeSchema.optional().describe('only this employee, by code'),
    from: z.string().optional().describe('a local date or an ISO-8601 instant; inclusive'),
    to: z.string().optional().describe('a local date (inclusive) or an ISO-8601 instant (exclusive)'),
    cursor: z.string().optional().describe('next_cursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(1000).optional().describe('events per page (default 100)'),
    include_voided: Flag.optional(),
  })
  .strict();

export const CreateAttendanceBodySchema = z
  .object({
    employee_id: EmployeeCodeSchema.describe('the employee code'),
    event_type: PunchKindSchema,
    timestamp: IsoInstantSchema.describe("ISO-8601; without an offset it is the site's local time"),
    work_mode: WorkModeSchema.optional(),
    client_id: z.string().trim().min(1).max(200).optional().describe('your id for this event: sent again, it is the same event'),
  })
  .strict();

export const ClockBodySchema = z
  .object({
    employee_id: EmployeeCodeSchema,
    timestamp: IsoInstantSchema.optional().describe('default: now'),
    work_mode: WorkModeSchema.optional(),
    client_id: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

export const CreateEmployeeBodySchema = z
  .object({
    code: EmployeeCodeSchema,
    name: z.string().trim().min(1).max(120),
    pin: PinSchema.describe('the kiosk PIN (stored only as a hash)'),
    team: Team.optional(),
    is_manager: z.boolean().optional(),
    badge: z.string().trim().min(1).max(64).optional(),
    start_date: LocalDateSchema.optional().describe('expected at work from this local date (default today)'),
  })
  .strict();

export const AskBodySchema = z.object({ question: z.string().trim().min(2).max(500) }).strict();
export const SummaryQuerySchema = z.object({ date: LocalDateSchema.optional() }).strict();

export const RestEmployeeSchema = z.object({
  id: z.string().describe('the employee code'),
  code: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  is_manager: z.boolean(),
  active: z.boolean(),
});

export const RestAttendanceEventSchema = z.object({
  id: z.string(),
  employee_id: z.string(),
  employee_name: z.string(),
  team: z.string().nullable(),
  event_type: PunchKindSchema,
  timestamp: z.string().describe('UTC, ISO-8601'),
  local_time: z.string().describe("the site's wall clock with its offset"),
  tz: z.string(),
  work_mode: WorkModeSchema,
  source: z.string(),
  voided: z.boolean(),
});

export const RestAttendanceCreatedSchema = RestAttendanceEventSchema.extend({
  repeated: z.boolean().describe('true when the same event was already recorded: nothing new was written'),
});

export const RestAttendancePageSchema = z.object({ items: z.array(RestAttendanceEventSchema), next_cursor: z.string().nullable() });

export const RestDailyRowSchema = z.object({ date: z.string(), employees_in: z.number().int(), in_events: z.number().int() });

export const RestWorkhoursRowSchema = z.object({
  employee_id: z.string(),
  name: z.string(),
  team: z.string().nullable(),
  date: z.string(),
  hours: z.number(),
  seconds: z.number().int(),
  sessions: z.number().int(),
  open_sessions: z.number().int(),
  auto_closed_sessions: z.number().int(),
});

export const RestTeamSchema = z.object({
  name: z.string(),
  site: z.string(),
  shift_start: z.string().nullable(),
  grace_minutes: z.number().int().nullable(),
  shift_end: z.string().nullable(),
  employees: z.number().int(),
});

export const RestRowsSchema = z.array(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])));

export function restEvent(e: AttendanceEvent): z.infer<typeof RestAttendanceEventSchema> {
  return {
    id: e.id,
    employee_id: e.employeeCode,
    employee_name: e.employeeName,
    team: e.team,
    event_type: e.kind,
    timestamp: e.at,
    local_time: e.localTime,
    tz: e.tz,
    work_mode: e.workMode,
    source: e.source,
    voided: e.voided,
  };
}

/**
 * The REST keys of a report's columns, each with its column: the first system's employee_id
 * (for employee_code) first, then the rest in order — the key order withEmployeeId gives.
 */
export function restFields(columns: readonly string[]): [key: string, column: string][] {
  const rest = columns.filter((c) => c !== 'employee_code').map((c): [string, string] => [c, c]);
  return columns.includes('employee_code') ? [['employee_id', 'employee_code'], ...rest] : rest;
}

/** Report rows with the first system's employee_id for the employee code. */
export function withEmployeeId(rows: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  // A plain loop, not a rest spread: report answers run to tens of thousands of rows.
  const out = new Array<Record<string, unknown>>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!('employee_code' in row)) {
      out[i] = row;
      continue;
    }
    const renamed: Record<string, unknown> = { employee_id: row.employee_code };
    for (const key in row) if (key !== 'employee_code') renamed[key] = row[key];
    out[i] = renamed;
  }
  return out;
}

/** The report columns with employee_code named employee_id. */
export const restColumns = (columns: readonly string[]): string[] => columns.map((c) => (c === 'employee_code' ? 'employee_id' : c));
