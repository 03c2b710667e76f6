// Attendance events on Central for programs: a page of an employee's IN/OUT events in time
// order (a cursor carries on where the last page stopped), and recording one from an ISO-8601
// time. A recorded event goes through the same idempotent insert as a kiosk's batch. The same
// client id from the same caller is the same punch (its id is derived from both), and the same
// kind again within the duplicate window returns the first, as at a kiosk.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type { AttendanceEvent, AttendancePage, ListAttendanceInputSchema, RecordAttendanceInputSchema } from '../../../shared/contract/attendance.js';
import { inReach, type Reach } from '../../../shared/domain/access.js';
import { addDays, instantOf, isoWithOffset, startOfLocalDay } from '../../../shared/domain/local-time.js';
import { isDuplicateTap, punchTimeProblem } from '../../../shared/domain/punch-rules.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7, uuidv7From } from '../../../shared/ids.js';
import type { CentralDeps } from '../deps.js';
import { pushBatch } from '../sync/push-batch.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { reachParams } from '../reports/reports.js';

interface EventRow {
  id: string;
  code: string;
  name: string;
  team: string | null;
  kind: 'IN' | 'OUT';
  at_utc: Date;
  tz: string | null;
  work_mode: 'WFO' | 'WFH';
  source: string;
  voided: boolean;
}

const EVENT_SELECT = `SELECT p.id::text AS id, e.code, e.name, t.name AS team, p.kind, p.at_utc, s.tz, p.work_mode, p.source,
       EXISTS (SELECT 1 FROM punch_voids v WHERE v.punch_id = p.id) AS voided
  FROM punches p JOIN employees e ON e.id = p.employee_id
  LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN sites s ON s.id = p.site_id`;

const toEvent = (r: EventRow, defaultTz: string): AttendanceEvent => {
  const tz = r.tz ?? defaultTz;
  return {
    id: r.id,
    employeeCode: r.code,
    employeeName: r.name,
    team: r.team,
    kind: r.kind,
    at: r.at_utc.toISOString(),
    localTime: isoWithOffset(r.at_utc.getTime(), tz),
    tz,
    workMode: r.work_mode,
    source: r.source,
    voided: r.voided,
  };
};

const encodeCursor = (atMs: number, id: string): string => Buffer.from(`${atMs}.${id}`).toString('base64url');
/** 3000-01-01T00:00Z: no punch is later (dates run to 2999-12-31). */
const MAX_CURSOR_MS = Date.UTC(3000, 0, 1);

function decodeCursor(cursor: string): { atMs: number; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('.');
  const atMs = Number(at);
  // Only what encodeCursor writes: an instant PostgreSQL can hold and a UUID.
  const instant = Number.isSafeInteger(atMs) && atMs >= 0 && atMs <= MAX_CURSOR_MS;
  if (!instant || !id || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) {
    throw new AppError('BAD_INPUT', 'The cursor is not one this server gave.');
  }
  return { atMs, id };
}

/** A bound given as a local date is read in the default zone (sites within ±14 h are caught by the local-date check). */
function bound(text: string | undefined, tz: string, end: boolean): number | null {
  if (text === undefined) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return startOfLocalDay(end ? addDays(text, 1) : text, tz);
  return instantOf(text, tz);
}

export async function listAttendance(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof ListAttendanceInputSchema>,
  reach: Reach,
): Promise<AttendancePage> {
  const tz = deps.kiosk.tz;
  const from = bound(input.from, tz, false);
  const to = bound(input.to, tz, true);
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
  const [teams, sites] = reachParams(reach);
  const { rows } = await withCentral(source, (central) =>
    central.pool.query<EventRow>(
      `${EVENT_SELECT}
        WHERE ($1::text IS NULL OR e.code = $1)
          AND ($2::timestamptz IS NULL OR p.at_utc >= $2) AND ($3::timestamptz IS NULL OR p.at_utc < $3)
          AND ($4::timestamptz IS NULL OR (p.at_utc, p.id) > ($4, $5::uuid))
          AND ($6::uuid[] IS NULL OR e.team_id = ANY($6::uuid[]) OR t.site_id = ANY($7::uuid[]))
          AND ($8 OR NOT EXISTS (SELECT 1 FROM punch_voids v WHERE v.punch_id = p.id))
        ORDER BY p.at_utc, p.id
        LIMIT $9`,
      [
        input.employee ?? null,
        from === null ? null : new Date(from),
        to === null ? null : new Date(to),
        after ? new Date(after.atMs) : null,
        after?.id ?? null,
        teams,
        sites,
        input.includeVoided,
        input.limit + 1,
      ],
    ),
  );
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => toEvent(r, tz)),
    nextCursor: rows.length > input.limit && last ? encodeCursor(last.at_utc.getTime(), last.id) : null,
  };
}

/** The punch id of a caller's client id: the same pair is always the same id (a UUIDv7 at the event's time). */
export function clientPunchId(caller: string, clientId: string, atMs: number): string {
  return uuidv7From(atMs, createHash('sha256').update(`api|${caller}|${clientId}`).digest().subarray(0, 10));
}

export async function recordAttendance(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof RecordAttendanceInputSchema>,
  /** `namespace`: whose client ids these are (a token's or account's id, never a name two may share). */
  caller: { label: string; reach: Reach; namespace: string },
): Promise<{ event: AttendanceEvent; repeated: boolean }> {
  return withCentral(source, async (central) => {
    const pool: pg.Pool = central.pool;
    const { rows: found } = await pool.query<{ id: string; team_id: string | null; site_id: string | null; tz: string | null; active: boolean }>(
      `SELECT e.id::text AS id, e.team_id::text AS team_id, t.site_id::text AS site_id, s.tz, e.active
         FROM employees e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN sites s ON s.id = t.site_id WHERE e.code = $1`,
      [input.employeeCode],
    );
    const employee = found[0];
    if (!employee || !inReach(caller.reach, { teamId: employee.team_id, siteId: employee.site_id })) {
      throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.employeeCode}${caller.reach.all ? '' : ' in your teams'}.`);
    }
    if (!employee.active) throw new AppError('INACTIVE_EMPLOYEE', `${input.employeeCode} is deactivated; their attendance is closed.`);
    const tz = employee.tz ?? deps.kiosk.tz;
    const atMs = instantOf(input.at, tz);
    const nowMs = deps.clock.now();
    const problem = punchTimeProblem(atMs, nowMs);
    if (problem) throw new AppError('BAD_INPUT', `An event at ${input.at} ${problem}.`);
    const id = input.clientId === undefined ? uuidv7(atMs) : clientPunchId(caller.namespace, input.clientId, atMs);
    const readEvent = async (punchId: string): Promise<AttendanceEvent | null> => {
      const { rows } = await pool.query<EventRow>(`${EVENT_SELECT} WHERE p.id = $1`, [punchId]);
      return rows[0] ? toEvent(rows[0], deps.kiosk.tz) : null;
    };
    const existing = await readEvent(id);
    if (existing) {
      if (existing.kind !== input.kind || Date.parse(existing.at) !== atMs || existing.employeeCode !== input.employeeCode) {
        throw new AppError('CONFLICT', `The client id ${input.clientId} was already used for another event (${existing.kind} at ${existing.at}).`);
      }
      return { event: existing, repeated: true };
    }
    // The same kind again within the duplicate window is one tap, as at a kiosk.
    const { rows: lastRows } = await pool.query<{ id: string; kind: 'IN' | 'OUT'; at_utc: Date }>(
      `SELECT p.id::text AS id, p.kind, p.at_utc FROM punches p
        WHERE p.employee_id = $1 AND p.at_utc <= $2 AND NOT EXISTS (SELECT 1 FROM punch_voids v WHERE v.punch_id = p.id)
        ORDER BY p.at_utc DESC, p.id DESC LIMIT 1`,
      [employee.id, new Date(atMs)],
    );
    const last = lastRows[0];
    if (last && isDuplicateTap({ kind: last.kind, atMs: last.at_utc.getTime() }, input.kind, atMs, deps.policy)) {
      return { event: (await readEvent(last.id))!, repeated: true };
    }
    const siteId = employee.site_id ?? deps.kiosk.siteId;
    const result = await pushBatch(pool, [
      {
        id,
        employeeId: employee.id,
        kind: input.kind,
        atUtc: atMs,
        siteId,
        deviceId: caller.label,
        workMode: input.workMode,
        source: 'api',
        createdAt: nowMs,
      },
    ]);
    if (result.accepted.length !== 1) throw new AppError('INTERNAL', `The event was not stored: ${result.rejected[0]?.reason ?? 'no reason given'}.`);
    return { event: (await readEvent(id))!, repeated: false };
  });
}
