// The kiosk's local SQLite schema. Punches are append-only (triggers in the migrations forbid
// UPDATE and DELETE); every punch has an outbox row written in the same transaction, which
// leaves only once central has committed the punch. Instants are integer UTC milliseconds.
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const rosterSites = sqliteTable('roster_sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  tz: text('tz').notNull(),
  version: integer('version').notNull().default(0),
  /** 0 = created on this kiosk and not yet on central; 1 = on central; 2 = central refused it. */
  published: integer('published').notNull().default(0),
});

export const rosterTeams = sqliteTable('roster_teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull().unique(),
  siteId: text('site_id')
    .notNull()
    .references(() => rosterSites.id),
  version: integer('version').notNull().default(0),
  published: integer('published').notNull().default(0),
});

export const rosterEmployees = sqliteTable(
  'roster_employees',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').notNull().default('staff'),
    teamId: text('team_id').references(() => rosterTeams.id),
    isManager: integer('is_manager', { mode: 'boolean' }).notNull().default(false),
    badge: text('badge').unique(),
    pinHash: text('pin_hash').notNull(),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    /** The local date they were added here: published as the day central expects them from. */
    employedFrom: text('employed_from'),
    version: integer('version').notNull().default(0),
    published: integer('published').notNull().default(0),
  },
  (t) => [index('roster_employees_team').on(t.teamId)],
);

export const punches = sqliteTable(
  'punches',
  {
    id: text('id').primaryKey(),
    employeeId: text('employee_id')
      .notNull()
      .references(() => rosterEmployees.id),
    kind: text('kind', { enum: ['IN', 'OUT'] }).notNull(),
    atUtc: integer('at_utc').notNull(),
    siteId: text('site_id').notNull(),
    deviceId: text('device_id').notNull(),
    workMode: text('work_mode', { enum: ['WFO', 'WFH'] })
      .notNull()
      .default('WFO'),
    source: text('source', { enum: ['kiosk', 'import', 'correction'] }).notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [
    index('punches_employee_at').on(t.employeeId, t.atUtc),
    index('punches_at').on(t.atUtc),
    check('punches_kind', sql`${t.kind} IN ('IN','OUT')`),
    check('punches_work_mode', sql`${t.workMode} IN ('WFO','WFH')`),
    check('punches_source', sql`${t.source} IN ('kiosk','import','correction')`),
  ],
);

export const outbox = sqliteTable(
  'outbox',
  {
    punchId: text('punch_id')
      .primaryKey()
      .references(() => punches.id),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [index('outbox_next_attempt').on(t.nextAttemptAt)],
);

export const pinFailures = sqliteTable('pin_failures', {
  employeeId: text('employee_id')
    .primaryKey()
    .references(() => rosterEmployees.id),
  failures: integer('failures').notNull().default(0),
  lockedUntil: integer('locked_until'),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

export const syncState = sqliteTable('sync_state', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Punches central refused for their own data (an employee central does not know, a data
 * exception), with the reason. A refused punch keeps its outbox row, held out of the push,
 * until an admin sends it again (the row here is removed) or discards it (the outbox row goes,
 * and who and why are kept here).
 */
export const syncRejects = sqliteTable('sync_rejects', {
  punchId: text('punch_id')
    .primaryKey()
    .references(() => punches.id),
  reason: text('reason').notNull(),
  rejectedAt: integer('rejected_at').notNull(),
  discardedAt: integer('discarded_at'),
  discardedBy: text('discarded_by'),
  discardReason: text('discard_reason'),
});

/** Wrong PINs at the manager screens and kiosk exit, counted apart from the kiosk's taps. */
export const managerPinFailures = sqliteTable('manager_pin_failures', {
  employeeId: text('employee_id')
    .primaryKey()
    .references(() => rosterEmployees.id),
  failures: integer('failures').notNull().default(0),
  lockedUntil: integer('locked_until'),
});
