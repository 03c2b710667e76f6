// Corrections are made on central by a manager and always audited: a missing OUT is fixed by
// adding a punch with source 'correction', a wrong punch by voiding it. No punch row is ever
// edited or deleted; the audit log records who, when, why, before and after, in the same
// transaction as the change.
import type { z } from 'zod';
import type { AuditEntry, AuditInputSchema, CorrectPunchInputSchema } from '../../../shared/contract/corrections.js';
import { AppError } from '../../../shared/errors.js';
import { uuidv7 } from '../../../shared/ids.js';
import { punchTimeProblem } from '../../../shared/domain/punch-rules.js';
import { instantOf } from '../../../shared/domain/local-time.js';
import { inTransaction } from '../../db/central/connection.js';
import type { ServiceDeps } from '../deps.js';
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

export async function correctPunch(
  deps: ServiceDeps,
  source: CentralSource,
  input: z.output<typeof CorrectPunchInputSchema>,
): Promise<{ punchId: string; audit: AuditEntry }> {
  const now = new Date(deps.clock.now());
  return withCentral(source, (central) =>
    inTransaction(central.pool, async (client) => {
      const { rows: managers } = await client.query<{ code: string }>('SELECT code FROM employees WHERE code = $1 AND is_manager AND active', [
        input.by,
      ]);
      if (managers.length === 0) throw new AppError('FORBIDDEN', `${input.by} is not an active manager; only managers correct punches.`);
      const actor = `manager:${input.by}`;

      if (input.action === 'void') {
        const { rows } = await client.query('SELECT * FROM punches WHERE id = $1 FOR SHARE', [input.punchId]);
        if (rows.length === 0) throw new AppError('NOT_FOUND', `No punch ${input.punchId} on central.`);
        const { rowCount } = await client.query(
          'INSERT INTO punch_voids (punch_id, voided_by, reason, voided_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
          [input.punchId, actor, input.reason, now],
        );
        if (rowCount === 0) throw new AppError('CONFLICT', 'That punch is already voided.');
        const { rows: audit } = await client.query<AuditRow>(AUDIT_INSERT, [
          now,
          actor,
          'punch.void',
          input.punchId,
          input.reason,
          rows[0],
          { voided: true },
        ]);
        return { punchId: input.punchId, audit: toEntry(audit[0]!) };
      }

      const { rows: employees } = await client.query<{ id: string; site_id: string | null; tz: string | null }>(
        'SELECT e.id, t.site_id, s.tz FROM employees e LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN sites s ON s.id = t.site_id WHERE e.code = $1',
        [input.employeeCode],
      );
      const employee = employees[0];
      if (!employee) throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.employeeCode}.`);
      const atMs = instantOf(input.at, employee.tz ?? deps.kiosk.tz);
      const problem = punchTimeProblem(atMs, deps.clock.now());
      if (problem) throw new AppError('BAD_INPUT', `A correction at ${input.at} ${problem}.`);
      const punch = {
        id: uuidv7(atMs),
        employee_id: employee.id,
        kind: input.kind,
        at_utc: new Date(atMs).toISOString(),
        site_id: employee.site_id ?? deps.kiosk.siteId,
        device_id: actor,
        work_mode: input.workMode,
        source: 'correction',
        created_at: now.toISOString(),
      };
      await client.query(
        `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [punch.id, punch.employee_id, punch.kind, punch.at_utc, punch.site_id, punch.device_id, punch.work_mode, punch.source, punch.created_at],
      );
      const { rows: audit } = await client.query<AuditRow>(AUDIT_INSERT, [now, actor, 'punch.add', punch.id, input.reason, null, punch]);
      return { punchId: punch.id, audit: toEntry(audit[0]!) };
    }),
  );
}

export async function auditLog(source: CentralSource, input: z.output<typeof AuditInputSchema>): Promise<AuditEntry[]> {
  const { rows } = await withCentral(source, (central) =>
    central.pool.query<AuditRow>(
      `SELECT a.* FROM audit_log a
      WHERE $1::text IS NULL
         OR a.entity_id IN (SELECT p.id::text FROM punches p JOIN employees e ON e.id = p.employee_id WHERE e.code = $1)
      ORDER BY a.id DESC LIMIT $2`,
      [input.employeeCode ?? null, input.limit],
    ),
  );
  return rows.map(toEntry);
}
