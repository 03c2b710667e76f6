// The kiosk's roster cache: sites, teams and employees. Until central sync exists this is
// also where `employees add` writes; codes and badges are unique.
import { asc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { createHash } from 'node:crypto';
import { uuidv7, uuidv7From } from '../../../shared/ids.js';
import type { AddEmployeeInputSchema, Employee } from '../../../shared/contract/employees.js';
import type { z } from 'zod';
import type { LocalDb } from '../../db/local/connection.js';
import { rosterEmployees, rosterSites, rosterTeams } from '../../db/local/schema.js';
import { hashSecret } from './pin-hash.js';

export type EmployeeRecord = typeof rosterEmployees.$inferSelect;

/**
 * Sites and teams are named, and two kiosks creating "Head Office" offline must create the same
 * row: their ids are derived from the name (a UUIDv7 shape with hashed bits, time 0).
 */
export function stableId(kind: 'site' | 'team' | 'employee', key: string): string {
  return uuidv7From(0, createHash('sha256').update(`${kind}|${key}`).digest().subarray(0, 10));
}

type EmployeeKey = 'id' | 'code' | 'badge';

function prepareFinder(db: LocalDb, key: EmployeeKey) {
  return db
    .select()
    .from(rosterEmployees)
    .where(eq(rosterEmployees[key], sql.placeholder('value')))
    .prepare();
}

/** Every tap looks an employee up, so each lookup is prepared once per database handle. */
const finders = new WeakMap<LocalDb, Record<EmployeeKey, ReturnType<typeof prepareFinder>>>();

function findEmployee(db: LocalDb, key: EmployeeKey, value: string): EmployeeRecord | undefined {
  let prepared = finders.get(db);
  if (!prepared) finders.set(db, (prepared = { id: prepareFinder(db, 'id'), code: prepareFinder(db, 'code'), badge: prepareFinder(db, 'badge') }));
  return prepared[key].get({ value });
}

export function findEmployeeByCode(db: LocalDb, code: string): EmployeeRecord | undefined {
  return findEmployee(db, 'code', code);
}

export function findEmployeeById(db: LocalDb, id: string): EmployeeRecord | undefined {
  return findEmployee(db, 'id', id);
}

export function findEmployeeByBadge(db: LocalDb, badge: string): EmployeeRecord | undefined {
  return findEmployee(db, 'badge', badge);
}

export function ensureSite(db: LocalDb, site: { id?: string; name: string; tz: string }): string {
  const existing = db.select().from(rosterSites).where(eq(rosterSites.name, site.name)).get();
  if (existing) return existing.id;
  const id = site.id ?? stableId('site', site.name);
  db.insert(rosterSites).values({ id, name: site.name, tz: site.tz }).run();
  return id;
}

export function ensureTeam(db: LocalDb, name: string, siteId: string): string {
  const existing = db.select().from(rosterTeams).where(eq(rosterTeams.name, name)).get();
  if (existing) return existing.id;
  const id = stableId('team', name);
  db.insert(rosterTeams).values({ id, name, siteId }).run();
  return id;
}

export async function addEmployee(
  db: LocalDb,
  siteId: string,
  input: z.output<typeof AddEmployeeInputSchema>,
  id: string = uuidv7(),
  /** The local date they are added (central expects them at work from it). */
  addedOn: string | null = null,
): Promise<Employee> {
  if (findEmployeeByCode(db, input.code)) {
    throw new AppError('CONFLICT', `An employee with code ${input.code} already exists.`);
  }
  if (input.badge && findEmployeeByBadge(db, input.badge)) {
    throw new AppError('CONFLICT', `Badge ${input.badge} is already assigned to another employee.`);
  }
  // A team that does not exist is made only when asked for: a typo must not make one.
  if (input.team && !input.newTeam && !db.select().from(rosterTeams).where(eq(rosterTeams.name, input.team)).get()) {
    const teams = db.select({ name: rosterTeams.name }).from(rosterTeams).orderBy(asc(rosterTeams.name)).all();
    throw new AppError(
      'BAD_INPUT',
      `There is no team ${input.team}. ${teams.length ? `The teams are ${teams.map((t) => t.name).join(', ')}.` : 'There are no teams yet.'} Check the name, or make it with --new-team.`,
    );
  }
  const pinHash = await hashSecret(input.pin);
  db.transaction((tx) => {
    const teamId = input.team ? ensureTeam(tx, input.team, siteId) : null;
    tx.insert(rosterEmployees)
      .values({
        id,
        code: input.code,
        name: input.name,
        role: input.role,
        teamId,
        isManager: input.isManager,
        badge: input.badge ?? null,
        pinHash,
        employedFrom: addedOn,
      })
      .run();
  });
  const created = listEmployees(db, true).find((e) => e.id === id);
  if (!created) throw new AppError('INTERNAL', 'The new employee was not stored.');
  return created;
}

export function listEmployees(db: LocalDb, includeInactive: boolean): Employee[] {
  const rows = db
    .select({
      id: rosterEmployees.id,
      code: rosterEmployees.code,
      name: rosterEmployees.name,
      role: rosterEmployees.role,
      team: rosterTeams.name,
      isManager: rosterEmployees.isManager,
      badge: rosterEmployees.badge,
      active: rosterEmployees.active,
    })
    .from(rosterEmployees)
    .leftJoin(rosterTeams, eq(rosterTeams.id, rosterEmployees.teamId))
    .orderBy(asc(rosterEmployees.code))
    .all();
  return rows.filter((r) => includeInactive || r.active).map(({ badge, ...r }) => ({ ...r, hasBadge: badge !== null }));
}
