// Roster changes made by managers go to central, the roster's source of truth, and reach every
// kiosk by the roster pull. Each change holds ROSTER_LOCK (so versions become visible in order)
// and writes an audit row in the same transaction. PINs travel only as scrypt hashes.
import type pg from 'pg';
import type { z } from 'zod';
import type {
  AddCentralEmployeeInputSchema,
  AddSiteInputSchema,
  AddTeamInputSchema,
  Roster,
  RosterChange,
  UpdateEmployeeInputSchema,
  UpdateSiteInputSchema,
  UpdateTeamInputSchema,
} from '../../../shared/contract/roster.js';
import { AppError } from '../../../shared/errors.js';
import { inTransaction } from '../../db/central/connection.js';
import { withCentral, type CentralSource } from '../sync/central-source.js';
import { ROSTER_LOCK } from '../sync/roster-sync.js';
import { hashSecret } from './pin-hash.js';
import { stableId } from './roster.js';
import { BEGINNING, ensureHistory, recordRule, ruleInForce, type ShiftRule } from '../../db/central/shift-history.js';
import { localDateOf } from '../../../shared/domain/local-time.js';
import { EVERYONE, type Reach } from '../../../shared/domain/access.js';
import { actingLabel, actingReach, asManager, requireInReach, type Acting } from '../acting.js';
import { reachParams } from '../reports/reports.js';

async function rosterChange<T>(
  source: CentralSource,
  acting: Acting,
  fn: (client: pg.PoolClient, actor: string, reach: Reach) => Promise<T>,
): Promise<T> {
  return withCentral(source, (central) =>
    inTransaction(central.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [ROSTER_LOCK]);
      if (acting.kind === 'manager') {
        const { rowCount } = await client.query('SELECT 1 FROM employees WHERE code = $1 AND is_manager AND active', [acting.code]);
        if (!rowCount) throw new AppError('FORBIDDEN', `${acting.code} is not an active manager; only managers change the roster.`);
      }
      return fn(client, actingLabel(acting), actingReach(acting));
    }),
  );
}

/** A team by name with its site, refused when it is outside the caller's reach. */
async function teamInReachByName(client: pg.PoolClient, name: string, reach: Reach): Promise<string> {
  const { rows } = await client.query<{ id: string; site_id: string }>('SELECT id::text AS id, site_id::text AS site_id FROM teams WHERE name = $1', [
    name,
  ]);
  const team = rows[0];
  if (!team) throw new AppError('NOT_FOUND', `No team named ${name}.`);
  requireInReach(reach, { teamId: team.id, siteId: team.site_id }, `Team ${name}`);
  return team.id;
}

const audit = (client: pg.PoolClient, actor: string, action: string, entity: string, id: string, before: unknown, after: unknown) =>
  client.query('INSERT INTO audit_log (actor, action, entity, entity_id, before, after) VALUES ($1, $2, $3, $4, $5, $6)', [
    actor,
    action,
    entity,
    id,
    before,
    after,
  ]);

/** A unique violation in words: which value was taken, named by the constraint that refused it. */
function unique(err: unknown, what: string): never {
  const e = err as { code?: string; constraint?: string };
  if (e.code !== '23505') throw err;
  if (e.constraint === 'employees_badge_unique') throw new AppError('CONFLICT', 'That badge is already assigned to another employee.');
  if (e.constraint === 'employees_code_unique') throw new AppError('CONFLICT', 'Another employee already has that code.');
  throw new AppError('CONFLICT', `${what} already exists.`);
}

export function addSite(
  source: CentralSource,
  input: z.output<typeof AddSiteInputSchema>,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  return rosterChange(source, acting, async (client, actor) => {
    const id = stableId('site', input.name);
    const { rows } = await client
      .query<{ version: string }>(
        'INSERT INTO sites (id, name, tz, shift_start, grace_minutes, shift_end, working_days) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING version::text',
        [id, input.name, input.tz, input.shiftStart, input.graceMinutes, input.shiftEnd, input.workingDays.join(',')],
      )
      .catch((err) => unique(err, `A site named ${input.name}`));
    await recordRule(client, 'site', id, BEGINNING, { shift_start: input.shiftStart, grace_minutes: input.graceMinutes, shift_end: input.shiftEnd });
    await audit(client, actor, 'site.add', 'site', id, null, { ...input, by: undefined });
    return { entity: 'site', id, version: Number(rows[0]!.version) };
  });
}

/** The date a shift change applies from: today in the site's zone unless given; never later than today. */
function changeDate(given: string | undefined, tz: string, nowMs: number): { from: string; today: string } {
  const today = localDateOf(nowMs, tz);
  const from = given ?? today;
  if (from > today) throw new AppError('BAD_INPUT', `A shift change applies from today or an earlier date; ${from} is after today (${today}).`);
  return { from, today };
}

export function updateSite(
  source: CentralSource,
  input: z.output<typeof UpdateSiteInputSchema>,
  nowMs: number,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  return rosterChange(source, acting, async (client, actor) => {
    const { rows: found } = await client.query<{ id: string; tz: string }>(
      'SELECT id, name, tz, shift_start, grace_minutes, shift_end, working_days FROM sites WHERE name = $1 FOR UPDATE',
      [input.name],
    );
    const before = found[0];
    if (!before) throw new AppError('NOT_FOUND', `No site named ${input.name}.`);
    const { from, today } = changeDate(input.effectiveFrom, before.tz, nowMs);
    await ensureHistory(client, 'site', before.id, before as unknown as ShiftRule);
    if (input.shiftStart !== undefined || input.graceMinutes !== undefined || input.shiftEnd !== undefined) {
      const base = await ruleInForce(client, 'site', before.id, from);
      await recordRule(client, 'site', before.id, from, {
        shift_start: input.shiftStart ?? base.shift_start,
        grace_minutes: input.graceMinutes ?? base.grace_minutes,
        shift_end: input.shiftEnd ?? base.shift_end,
      });
    }
    const now = await ruleInForce(client, 'site', before.id, today);
    const { rows } = await client.query<{ version: string }>(
      `UPDATE sites SET shift_start = coalesce($2, shift_start), grace_minutes = coalesce($3, grace_minutes), shift_end = coalesce($4, shift_end),
              working_days = coalesce($5, working_days)
        WHERE id = $1 RETURNING version::text`,
      [before.id, now.shift_start, now.grace_minutes, now.shift_end, input.workingDays?.join(',') ?? null],
    );
    await audit(client, actor, 'site.update', 'site', before.id, before, { ...input, effectiveFrom: from, by: undefined });
    return { entity: 'site', id: before.id, version: Number(rows[0]!.version) };
  });
}

/** The id of a site or team named in a roster change; NOT_FOUND when there is none. */
async function idByName(client: pg.PoolClient, table: 'sites' | 'teams', name: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM ${table} WHERE name = $1`, [name]);
  if (!rows[0]) throw new AppError('NOT_FOUND', `No ${table === 'sites' ? 'site' : 'team'} named ${name}.`);
  return rows[0].id;
}

export function addTeam(
  source: CentralSource,
  input: z.output<typeof AddTeamInputSchema>,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  return rosterChange(source, acting, async (client, actor, reach) => {
    const id = stableId('team', input.name);
    const siteId = await idByName(client, 'sites', input.site);
    // A new team of a site is the caller's only when the site is.
    requireInReach(reach, { teamId: null, siteId }, `Site ${input.site}`);
    const { rows } = await client
      .query<{ version: string }>(
        'INSERT INTO teams (id, name, site_id, shift_start, grace_minutes, shift_end) VALUES ($1, $2, $3, $4, $5, $6) RETURNING version::text',
        [id, input.name, siteId, input.shiftStart ?? null, input.graceMinutes ?? null, input.shiftEnd ?? null],
      )
      .catch((err) => unique(err, `A team named ${input.name}`));
    await recordRule(client, 'team', id, BEGINNING, {
      shift_start: input.shiftStart ?? null,
      grace_minutes: input.graceMinutes ?? null,
      shift_end: input.shiftEnd ?? null,
    });
    await audit(client, actor, 'team.add', 'team', id, null, { ...input, by: undefined });
    return { entity: 'team', id, version: Number(rows[0]!.version) };
  });
}

/** Changes what is given; a shift time given as null goes back to the site's. Shift changes apply from a date. */
export function updateTeam(
  source: CentralSource,
  input: z.output<typeof UpdateTeamInputSchema>,
  nowMs: number,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  return rosterChange(source, acting, async (client, actor, reach) => {
    const { rows: found } = await client.query<{ id: string; tz: string; site_id: string }>(
      'SELECT t.id, t.name, t.site_id, t.shift_start, t.grace_minutes, t.shift_end, s.tz FROM teams t JOIN sites s ON s.id = t.site_id WHERE t.name = $1 FOR UPDATE OF t',
      [input.name],
    );
    const before = found[0];
    if (!before) throw new AppError('NOT_FOUND', `No team named ${input.name}.`);
    requireInReach(reach, { teamId: before.id, siteId: before.site_id }, `Team ${input.name}`);
    const site = input.site === undefined ? null : await idByName(client, 'sites', input.site);
    if (site !== null) requireInReach(reach, { teamId: null, siteId: site }, `Site ${input.site}`);
    const { from, today } = changeDate(input.effectiveFrom, before.tz, nowMs);
    await ensureHistory(client, 'team', before.id, before as unknown as ShiftRule);
    if (input.shiftStart !== undefined || input.graceMinutes !== undefined || input.shiftEnd !== undefined) {
      const base = await ruleInForce(client, 'team', before.id, from);
      await recordRule(client, 'team', before.id, from, {
        shift_start: input.shiftStart === undefined ? base.shift_start : input.shiftStart,
        grace_minutes: input.graceMinutes === undefined ? base.grace_minutes : input.graceMinutes,
        shift_end: input.shiftEnd === undefined ? base.shift_end : input.shiftEnd,
      });
    }
    const now = await ruleInForce(client, 'team', before.id, today);
    const { rows } = await client.query<{ version: string }>(
      `UPDATE teams SET site_id = coalesce($2, site_id), shift_start = $3, grace_minutes = $4, shift_end = $5
        WHERE id = $1 RETURNING version::text`,
      [before.id, site, now.shift_start, now.grace_minutes, now.shift_end],
    );
    const { tz: _tz, ...shown } = before;
    await audit(client, actor, 'team.update', 'team', before.id, shown, { ...input, effectiveFrom: from, by: undefined });
    return { entity: 'team', id: before.id, version: Number(rows[0]!.version) };
  });
}

/**
 * A kiosk manager signs in at a kiosk with code and PIN and there reaches every team; so only a
 * caller who reaches every team may make one, or set one's PIN (a team's manager could
 * otherwise mint themselves a kiosk manager and step outside their teams).
 */
function requireEveryoneForKioskManager(reach: Reach, code: string): void {
  if (!reach.all) {
    throw new AppError(
      'FORBIDDEN',
      `Only an account that sees every team may make ${code} a kiosk manager or set a kiosk manager's PIN: a kiosk manager reaches every team.`,
    );
  }
}

export async function addCentralEmployee(
  source: CentralSource,
  input: z.output<typeof AddCentralEmployeeInputSchema>,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  const pinHash = await hashSecret(input.pin);
  return rosterChange(source, acting, async (client, actor, reach) => {
    const teamId = input.team ? await teamInReachByName(client, input.team, reach) : null;
    if (teamId === null) requireInReach(reach, { teamId: null, siteId: null }, 'An employee with no team');
    if (input.isManager) requireEveryoneForKioskManager(reach, input.code);
    const id = stableId('employee', input.code);
    const { rows } = await client
      .query<{ version: string }>(
        `INSERT INTO employees (id, code, name, role, team_id, is_manager, badge, pin_hash, employed_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::date, CURRENT_DATE)) RETURNING version::text`,
        [
          id,
          input.code,
          input.name,
          input.isManager ? 'manager' : 'staff',
          teamId,
          input.isManager,
          input.badge ?? null,
          pinHash,
          input.startDate ?? null,
        ],
      )
      .catch((err) => unique(err, `An employee with the code ${input.code}`));
    const after = { code: input.code, name: input.name, team: input.team ?? null, isManager: input.isManager, badge: input.badge ?? null };
    await audit(client, actor, 'employee.add', 'employee', id, null, after);
    return { entity: 'employee', id, version: Number(rows[0]!.version) };
  });
}

/** The roster as central has it, for the manager screens. */
export async function listRoster(source: CentralSource, reach: Reach = EVERYONE): Promise<Roster> {
  const params = reachParams(reach);
  // In reach: a team given or at a site given; a site given or holding a team given.
  const TEAM_IN = '($1::uuid[] IS NULL OR t.id = ANY($1::uuid[]) OR t.site_id = ANY($2::uuid[]))';
  return withCentral(source, async (central) => {
    const [sites, teams, employees] = await Promise.all([
      central.pool.query<Roster['sites'][number]>(
        `SELECT name, tz, shift_start AS "shiftStart", grace_minutes AS "graceMinutes", shift_end AS "shiftEnd" FROM sites s
          WHERE $1::uuid[] IS NULL OR s.id = ANY($2::uuid[]) OR EXISTS (SELECT 1 FROM teams t WHERE t.site_id = s.id AND t.id = ANY($1::uuid[]))
          ORDER BY name`,
        params,
      ),
      central.pool.query<Roster['teams'][number]>(
        `SELECT t.name, s.name AS site, t.shift_start AS "shiftStart", t.grace_minutes AS "graceMinutes", t.shift_end AS "shiftEnd",
                (SELECT count(*)::int FROM employees e WHERE e.team_id = t.id AND e.active) AS employees
           FROM teams t JOIN sites s ON s.id = t.site_id WHERE ${TEAM_IN} ORDER BY t.name`,
        params,
      ),
      central.pool.query<Roster['employees'][number]>(
        `SELECT e.code, e.name, t.name AS team, e.is_manager AS "isManager", e.badge, e.active
           FROM employees e LEFT JOIN teams t ON t.id = e.team_id
          WHERE $1::uuid[] IS NULL OR (t.id IS NOT NULL AND ${TEAM_IN}) ORDER BY e.code COLLATE "C"`,
        params,
      ),
    ]);
    return { sites: sites.rows, teams: teams.rows, employees: employees.rows };
  });
}

export async function updateEmployee(
  source: CentralSource,
  input: z.output<typeof UpdateEmployeeInputSchema>,
  acting: Acting = asManager(input.by),
): Promise<RosterChange> {
  const pinHash = input.pin ? await hashSecret(input.pin) : undefined;
  return rosterChange(source, acting, async (client, actor, reach) => {
    const { rows: found } = await client.query(
      'SELECT e.id, e.code, e.name, e.team_id, e.is_manager, e.badge, e.active FROM employees e WHERE e.code = $1 FOR UPDATE',
      [input.code],
    );
    const before = found[0] as { id: string; team_id: string | null; is_manager: boolean } | undefined;
    if (!before) throw new AppError('UNKNOWN_EMPLOYEE', `No employee has the code ${input.code} on central.`);
    const makesManager = input.isManager === true && !before.is_manager;
    if (makesManager || (before.is_manager && input.pin !== undefined)) requireEveryoneForKioskManager(reach, input.code);
    if (!reach.all) {
      const { rows: site } = await client.query<{ site_id: string }>('SELECT site_id::text AS site_id FROM teams WHERE id = $1', [before.team_id]);
      requireInReach(reach, { teamId: before.team_id, siteId: site[0]?.site_id ?? null }, `Employee ${input.code}`);
    }
    let teamId: string | null | undefined;
    if (input.team === null) {
      teamId = null;
      requireInReach(reach, { teamId: null, siteId: null }, 'An employee with no team');
    } else if (input.team !== undefined) teamId = await teamInReachByName(client, input.team, reach);
    const { rows } = await client
      .query<{ version: string }>(
        `UPDATE employees SET
           name = coalesce($2, name),
           team_id = CASE WHEN $3::boolean THEN $4::uuid ELSE team_id END,
           active = coalesce($5, active),
           -- Employed until the day they are deactivated; brought back, employed again.
           employed_until = CASE WHEN $5::boolean IS NULL THEN employed_until WHEN $5 THEN NULL ELSE coalesce(employed_until, CURRENT_DATE) END,
           is_manager = coalesce($6, is_manager),
           pin_hash = coalesce($7, pin_hash),
           badge = CASE WHEN $8::boolean THEN $9 ELSE badge END
         WHERE id = $1 RETURNING version::text`,
        [
          before.id,
          input.name ?? null,
          teamId !== undefined,
          teamId ?? null,
          input.active ?? null,
          input.isManager ?? null,
          pinHash ?? null,
          input.badge !== undefined,
          input.badge ?? null,
        ],
      )
      .catch((err) => unique(err, 'That badge'));
    // A new PIN lifts any wrong-PIN lock on the old one, everywhere.
    if (pinHash) await client.query('DELETE FROM pin_lockouts WHERE employee_id = $1', [before.id]);
    const changed = {
      name: input.name,
      team: input.team,
      active: input.active,
      isManager: input.isManager,
      pinReset: input.pin !== undefined,
      badge: input.badge,
    };
    await audit(client, actor, 'employee.update', 'employee', before.id, before, changed);
    return { entity: 'employee', id: before.id, version: Number(rows[0]!.version) };
  });
}
