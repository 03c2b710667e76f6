// Corrections are made on central by a manager and always audited: a missing OUT is fixed by
// adding a punch with source 'correction', a wrong punch by voiding it. No punch row is ever
// edited or deleted; the audit log records who, when, why, before and after, in the same
// transaction as the change. Every correction is checked against the employee's timeline
// (shared/domain/corrections.ts): it may leave the day better, never worse.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { z } from 'zod';
import type {
  AuditEntry,
  AuditInputSchema,
  CorrectPunchInputSchema,
  DayPunch,
  EmployeeDay,
  EmployeeDayInputSchema,
} from '../../../shared/contract/corrections.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7From } from '../../../shared/ids.js';
import { checkCorrection } from '../../../shared/domain/corrections.js';
import type { PunchFact } from '../../../shared/domain/work-hours.js';
import { punchTimeProblem } from '../../../shared/domain/punch-rules.js';
import { addDays, instantOf, localDateOf, localTimeOf, startOfLocalDay } from '../../../shared/domain/local-time.js';
import { inTransaction } from '../../db/central/connection.js';
import type { CentralDeps } from '../deps.js';
import { actingLabel, actingReach, asManager, requireInReach, type Acting } from '../acting.js';
import { EVERYONE, inReach, type Reach } from '../../../shared/domain/access.js';
import { shiftRuleInForce } from '../reports/shift-rule-sql.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';

interface AuditRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: Number(r.id),
  at: r.at.toISOString(),
  actor: r.actor,
  action: r.action,
  entity: r.entity,
  entityId: r.entity_id,
  reason: r.reason,
  before: r.before,
  after: r.after,
});

const AUDIT_INSERT = `INSERT INTO audit_log (at, actor, action, entity, entity_id, reason, before, after)
  VALUES ($1, $2, $3, 'punch', $4, $5, $6, $7) RETURNING *`;

/** The live and voided punches of one employee within two days of an instant: the timeline a correction is checked against. */
async function timelineAround(client: pg.PoolClient, employeeId: string, atMs: number): Promise<PunchFact[]> {
  const { rows } = await client.query<{ id: string; kind: 'IN' | 'OUT'; at_utc: Date; voided: boolean }>(
    `SELECT p.id::text AS id, p.kind, p.at_utc, EXISTS (SELECT 1 FROM punch_voids v WHERE v.punch_id = p.id) AS voided
       FROM punches p
      WHERE p.employee_id = $1 AND p.at_utc >= $2::timestamptz - interval '2 days' AND p.at_utc < $2::timestamptz + interval '2 days'`,
    [employeeId, new Date(atMs).toISOString()],
  );
  return rows.map((r) => ({ id: r.id, employeeId, kind: r.kind, atMs: r.at_utc.getTime(), voided: r.voided }));
}

/**
 * A correction punch's id comes from the employee, kind and instant: the same correction sent
 * twice (a double click, two managers at once) is the same row, and the second gets the first back.
 */
export function correctionPunchId(employeeId: string, kind: string, atMs: number): string {
  return uuidv7From(atMs, createHash('sha256').update(`correction|${employeeId}|${kind}|${atMs}`).digest().subarray(0, 10));
}

export interface CorrectionResult {
  punchId: string;
  audit: AuditEntry;
  pairedPunchId: string | null;
  repeated: boolean;
}

export async function correctPunch(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof CorrectPunchInputSchema>,
  acting: Acting = asManager(input.by),
): Promise<CorrectionResult> {
  const now = new Date(deps.clock.now());
  const context = { maxHours: deps.policy.maxHours, nowMs: now.getTime() };
  return withCentral(source, (central) =>
    inTransaction(central.pool, async (client) => {
      if (acting.kind === 'manager') {
        const { rows: managers } = await client.query<{ code: string }>('SELECT code FROM employees WHERE code = $1 AND is_manager AND active', [
          acting.code,
        ]);
        if (managers.length === 0) throw new AppError('FORBIDDEN', `${acting.code} is not an active manager; only managers correct punches.`);
      }
      const actor = actingLabel(acting);
      const reach = actingReach(acting);

      if (input.action === 'void') {
        const ids = [input.punchId, ...(input.withPunchId ? [input.withPunchId] : [])];
        const { rows } = await client.query<{
          id: string;
          employee_id: string;
          at_utc: Date;
          source: string;
          tz: string | null;
          team_id: string | null;
          team_site_id: string | null;
        }>(
          `SELECT p.*, p.id::text AS id, s.tz, e.team_id::text AS team_id, t.site_id::text AS team_site_id
             FROM punches p LEFT JOIN sites s ON s.id = p.site_id
             LEFT JOIN employees e ON e.id = p.employee_id LEFT JOIN teams t ON t.id = e.team_id
            WHERE p.id = ANY($1::uuid[])`,
          [ids],
        );
        const punch = rows.find((r) => r.id === input.punchId);
        if (!punch || !inReach(reach, { teamId: punch.team_id, siteId: punch.team_site_id })) {
          throw new AppError('NOT_FOUND', `No punch ${input.punchId} on central${reach.all ? '' : ' in your teams'}.`);
        }
        if (rows.length !== ids.length || rows.some((r) => r.employee_id !== punch.employee_id)) {
          throw new AppError('BAD_INPUT', 'The two punches voided together must both be on central and be the same employee’s.');
        }
        // One correction per employee at a time: the timeline read here stays true until commit.
        await client.query('SELECT 1 FROM employees WHERE id = $1 FOR NO KEY UPDATE', [punch.employee_id]);
        const check = checkCorrection(
          await timelineAround(client, punch.employee_id, punch.at_utc.getTime()),
          { void: ids, undo: rows.every((r) => r.source === 'correction') },
          {
            tz: punch.tz ?? deps.kiosk.tz,
            ...context,
          },
        );
        if (!check.ok) throw new AppError('CONFLICT', check.reason!);
        let first: AuditRow | undefined;
        for (const r of rows) {
          await client.query('INSERT INTO punch_voids (punch_id, voided_by, reason, voided_at) VALUES ($1, $2, $3, $4)', [
            r.id,
            actor,
            input.reason,
            now,
          ]);
          const { tz: _tz, team_id: _team, team_site_id: _site, ...before } = r;
          const { rows: audit } = await client.query<AuditRow>(AUDIT_INSERT, [
            now,
            actor,
            'punch.void',
            r.id,
            input.reason,
            before,
            { voided: true },
          ]);
          if (r.id === input.punchId) first = audit[0];
        }
        return { punchId: input.punchId, audit: toEntry(first!), pairedPunchId: input.withPunchId ?? null, repeated: false };
      }

      const { rows: employees } = await client.query<{ id: string; team_id: string | null; site_id: string | null; tz: string | null }>(
        `SELECT e.id, e.team_id::text AS team_id, t.site_id::text AS site_id, s.tz
           FROM employees e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN sites s ON s.id = t.site_id
          WHERE e.code = $1 FOR NO KEY UPDATE OF e`,
        [input.employeeCode],
      );
      const employee = employees[0];
      if (!employee) throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.employeeCode}.`);
      requireInReach(reach, { teamId: employee.team_id, siteId: employee.site_id }, `Employee ${input.employeeCode}`);
      if (input.outAt !== undefined && input.kind !== 'IN') throw new AppError('BAD_INPUT', 'Only an IN comes with an OUT (outAt).');
      const tz = employee.tz ?? deps.kiosk.tz;
      const atMs = instantOf(input.at, tz);
      const outMs = input.outAt === undefined ? null : instantOf(input.outAt, tz);
      for (const [text, ms] of [[input.at, atMs], ...(input.outAt === undefined ? [] : [[input.outAt, outMs!] as const])] as const) {
        const problem = punchTimeProblem(ms, now.getTime());
        if (problem) throw new AppError('BAD_INPUT', `A correction at ${text} ${problem}.`);
      }
      const id = correctionPunchId(employee.id, input.kind, atMs);
      const { rows: earlier } = await client.query<AuditRow>(
        "SELECT a.* FROM audit_log a WHERE a.entity = 'punch' AND a.entity_id = $1 AND a.action = 'punch.add' ORDER BY a.id LIMIT 1",
        [id],
      );
      if (earlier[0]) {
        const after = earlier[0].after as { pairedPunchId?: string } | null;
        return { punchId: id, audit: toEntry(earlier[0]), pairedPunchId: after?.pairedPunchId ?? null, repeated: true };
      }
      const adds = [{ kind: input.kind, atMs }, ...(outMs === null ? [] : [{ kind: 'OUT' as const, atMs: outMs }])];
      const check = checkCorrection(await timelineAround(client, employee.id, atMs), { add: adds }, { tz, ...context });
      if (!check.ok) throw new AppError('CONFLICT', check.reason!);

      const rowsToAdd = adds.map((a) => ({
        id: correctionPunchId(employee.id, a.kind, a.atMs),
        employee_id: employee.id,
        kind: a.kind,
        at_utc: new Date(a.atMs).toISOString(),
        site_id: employee.site_id ?? deps.kiosk.siteId,
        device_id: actor,
        work_mode: input.workMode,
        source: 'correction',
        created_at: now.toISOString(),
      }));
      for (const punch of rowsToAdd) {
        await client.query(
          `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING`,
          [punch.id, punch.employee_id, punch.kind, punch.at_utc, punch.site_id, punch.device_id, punch.work_mode, punch.source, punch.created_at],
        );
      }
      const [main, paired] = rowsToAdd as [(typeof rowsToAdd)[number], (typeof rowsToAdd)[number] | undefined];
      const { rows: audit } = await client.query<AuditRow>(AUDIT_INSERT, [
        now,
        actor,
        'punch.add',
        main.id,
        input.reason,
        null,
        paired ? { ...main, pairedPunchId: paired.id } : main,
      ]);
      if (paired) await client.query(AUDIT_INSERT, [now, actor, 'punch.add', paired.id, input.reason, null, { ...paired, pairedPunchId: main.id }]);
      return { punchId: main.id, audit: toEntry(audit[0]!), pairedPunchId: paired?.id ?? null, repeated: false };
    }),
  );
}

export async function auditLog(source: CentralSource, input: z.output<typeof AuditInputSchema>): Promise<AuditEntry[]> {
  const { rows } = await withCentral(source, (central) =>
    central.pool.query<AuditRow>(
      `SELECT a.* FROM audit_log a
      WHERE ($1::text IS NULL
             OR a.entity_id IN (SELECT p.id::text FROM punches p JOIN employees e ON e.id = p.employee_id WHERE e.code = $1))
        AND ($3::text IS NULL OR a.actor = $3 OR substr(a.actor, strpos(a.actor, ':') + 1) = $3)
        AND ($4::text IS NULL OR a.action = $4 OR (right($4, 1) = '.' AND starts_with(a.action, $4)) OR (right($4, 1) = '*' AND starts_with(a.action, rtrim($4, '*'))))
        AND ($5::timestamptz IS NULL OR a.at >= $5) AND ($6::timestamptz IS NULL OR a.at < $6)
      ORDER BY a.id DESC LIMIT $2`,
      [input.employeeCode ?? null, input.limit, input.actor ?? null, input.action ?? null, input.from ?? null, input.to ?? null],
    ),
  );
  return rows.map(toEntry);
}

/** One employee's day for review: the punches of that local date and the next, voided ones marked, and their audit history. */
/** The shift of the day under review: the rule in force on that date ($2), not today's. */
const DAY_RULE = shiftRuleInForce({ teamId: 'e.team_id', siteId: 't.site_id', date: '$2::date' });

export async function employeeDay(
  deps: CentralDeps,
  source: CentralSource,
  input: z.output<typeof EmployeeDayInputSchema>,
  reach: Reach = EVERYONE,
): Promise<EmployeeDay> {
  return withCentral(source, async (central) => {
    const { rows: found } = await central.pool.query<{
      id: string;
      code: string;
      name: string;
      team: string | null;
      tz: string | null;
      shift_start: string;
      shift_end: string;
      team_id: string | null;
      site_id: string | null;
    }>(
      `SELECT e.id, e.code, e.name, t.name AS team, s.tz, e.team_id::text AS team_id, t.site_id::text AS site_id,
              ${DAY_RULE.shiftStart} AS shift_start, ${DAY_RULE.shiftEnd} AS shift_end
         FROM employees e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN sites s ON s.id = t.site_id
         ${DAY_RULE.joins}
        WHERE e.code = $1`,
      [input.employeeCode, input.date],
    );
    const employee = found[0];
    if (!employee) throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.employeeCode}.`);
    requireInReach(reach, { teamId: employee.team_id, siteId: employee.site_id }, `Employee ${input.employeeCode}`);
    const tz = employee.tz ?? deps.kiosk.tz;
    const nextDate = addDays(input.date, 1);
    const { rows } = await central.pool.query<{
      id: string;
      kind: 'IN' | 'OUT';
      at_utc: Date;
      source: DayPunch['source'];
      work_mode: 'WFO' | 'WFH';
      voided_by: string | null;
      void_reason: string | null;
    }>(
      `SELECT p.id::text AS id, p.kind, p.at_utc, p.source, p.work_mode, v.voided_by, v.reason AS void_reason
         FROM punches p LEFT JOIN punch_voids v ON v.punch_id = p.id
        WHERE p.employee_id = $1 AND p.at_utc >= $2 AND p.at_utc < $3
        ORDER BY p.at_utc, p.id`,
      [employee.id, new Date(startOfLocalDay(input.date, tz)).toISOString(), new Date(startOfLocalDay(addDays(input.date, 2), tz)).toISOString()],
    );
    const { rows: history } = await central.pool.query<AuditRow>(
      "SELECT a.* FROM audit_log a WHERE a.entity = 'punch' AND a.entity_id = ANY($1::text[]) ORDER BY a.id",
      [rows.map((r) => r.id)],
    );
    return {
      employee: { code: employee.code, name: employee.name, team: employee.team },
      date: input.date,
      nextDate,
      tz,
      shiftStart: employee.shift_start,
      shiftEnd: employee.shift_end,
      punches: rows.map((r) => ({
        id: r.id,
        kind: r.kind,
        at: r.at_utc.toISOString(),
        localDate: localDateOf(r.at_utc.getTime(), tz),
        localTime: localTimeOf(r.at_utc.getTime(), tz),
        source: r.source,
        workMode: r.work_mode,
        voided: r.voided_by !== null,
        voidedBy: r.voided_by,
        voidReason: r.void_reason,
      })),
      history: history.map(toEntry),
    };
  });
}
