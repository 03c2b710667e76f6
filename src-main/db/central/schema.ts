// The central PostgreSQL schema, shared by every kiosk. Roster rows carry a version taken from
// one sequence on every insert and update (a trigger in the migrations), so a kiosk pulls
// "everything after the version I saw last". Punches keep the kiosk's UUIDv7 as primary key:
// the same punch sent twice is the same row.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  bigserial,
} from 'drizzle-orm/pg-core';

export const sites = pgTable('sites', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  tz: text('tz').notNull(),
  shiftStart: text('shift_start').notNull().default('09:00'),
  graceMinutes: integer('grace_minutes').notNull().default(10),
  shiftEnd: text('shift_end').notNull().default('18:00'),
  /** The ISO weekdays (1 = Monday) people of this site are expected to work. */
  workingDays: text('working_days').notNull().default('1,2,3,4,5'),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

/**
 * Every shift rule a site or team ever had, each in force from its date until the next one: the
 * reports read the rule of each day, so a change made today does not rewrite last month's late
 * arrivals. sites and teams carry the rule in force today.
 */
export const shiftHistory = pgTable(
  'shift_history',
  {
    scope: text('scope', { enum: ['site', 'team'] }).notNull(),
    scopeId: uuid('scope_id').notNull(),
    effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
    shiftStart: text('shift_start'),
    graceMinutes: integer('grace_minutes'),
    shiftEnd: text('shift_end'),
  },
  (t) => [primaryKey({ columns: [t.scope, t.scopeId, t.effectiveFrom] })],
);

/** A team's shift times, when set, override its site's. */
export const teams = pgTable('teams', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull().unique(),
  siteId: uuid('site_id')
    .notNull()
    .references(() => sites.id),
  shiftStart: text('shift_start'),
  graceMinutes: integer('grace_minutes'),
  shiftEnd: text('shift_end'),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export const employees = pgTable(
  'employees',
  {
    id: uuid('id').primaryKey(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    role: text('role').notNull().default('staff'),
    teamId: uuid('team_id').references(() => teams.id),
    isManager: boolean('is_manager').notNull().default(false),
    badge: text('badge').unique(),
    pinHash: text('pin_hash').notNull(),
    active: boolean('active').notNull().default(true),
    /** Expected at work from this local date (the day they were added, or a start date given)… */
    employedFrom: date('employed_from', { mode: 'string' })
      .notNull()
      .default(sql`CURRENT_DATE`),
    /** …until this one (set when deactivated, cleared when brought back). */
    employedUntil: date('employed_until', { mode: 'string' }),
    version: bigint('version', { mode: 'number' }).notNull().default(0),
  },
  (t) => [index('employees_version').on(t.version)],
);

export const punches = pgTable(
  'punches',
  {
    id: uuid('id').primaryKey(),
    // No foreign key: the sync's insert checks employees itself (see push-batch.ts), which keeps
    // the hot insert cheap and punches free to be partitioned later.
    employeeId: uuid('employee_id').notNull(),
    kind: text('kind').notNull(),
    atUtc: timestamp('at_utc', { withTimezone: true, mode: 'date' }).notNull(),
    siteId: uuid('site_id').notNull(),
    deviceId: text('device_id').notNull(),
    workMode: text('work_mode').notNull().default('WFO'),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    index('punches_employee_at').on(t.employeeId, t.atUtc),
    index('punches_device_at').on(t.deviceId, t.atUtc),
    check('punches_kind', sql`${t.kind} IN ('IN','OUT')`),
    check('punches_work_mode', sql`${t.workMode} IN ('WFO','WFH')`),
    check('punches_source', sql`${t.source} IN ('kiosk','import','correction','auto')`),
  ],
);

/**
 * Each live (not voided) punch with its neighbours in the employee's history, kept up to date by
 * triggers as punches and voids arrive (migration 0005). Punches are append-only, so a new punch
 * changes at most its own row and its neighbours'; reports read sessions from here instead of
 * running a window over every punch ever made.
 */
export const punchSequence = pgTable(
  'punch_sequence',
  {
    id: uuid('id').primaryKey(),
    employeeId: uuid('employee_id').notNull(),
    kind: text('kind').notNull(),
    atUtc: timestamp('at_utc', { withTimezone: true, mode: 'date' }).notNull(),
    siteId: uuid('site_id').notNull(),
    tz: text('tz').notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    workMode: text('work_mode').notNull(),
    source: text('source').notNull(),
    prevKind: text('prev_kind'),
    nextId: uuid('next_id'),
    nextKind: text('next_kind'),
    nextAt: timestamp('next_at', { withTimezone: true, mode: 'date' }),
    nextSource: text('next_source'),
    /** Whole seconds from this punch to the next one (null for the last). */
    nextSeconds: integer('next_seconds'),
  },
  (t) => [
    index('punch_sequence_employee_at').on(t.employeeId, t.atUtc, t.id),
    // BRIN: rows arrive roughly in time order, so a block-range index finds a date range at
    // almost no cost to the insert.
    index('punch_sequence_at').using('brin', t.atUtc),
  ],
);

/**
 * Work per employee and local date (the date of each IN in its site's zone), at the default
 * 16 h clamp: kept by triggers on punch_sequence (migration 0006), so the work-hours report for a
 * week reads 7 rows per employee instead of pairing punches. Reports asked for another zone or
 * another clamp compute from punch_sequence instead.
 */
export const dailyWork = pgTable(
  'daily_work',
  {
    localDate: date('local_date', { mode: 'string' }).notNull(),
    /**
     * The same date as `YYYY-MM-DD` text, written once with the row (migration 0007) so reports
     * do not format it on every read, and whatever the session's DateStyle.
     */
    dateText: text('date_text')
      .notNull()
      .generatedAlwaysAs(
        sql`lpad(extract(year from local_date)::int::text, 4, '0') || '-' || lpad(extract(month from local_date)::int::text, 2, '0') || '-' || lpad(extract(day from local_date)::int::text, 2, '0')`,
      ),
    employeeId: uuid('employee_id').notNull(),
    /** Seconds of the day's closed sessions, each clamped to 16 h. */
    seconds: integer('seconds').notNull(),
    /**
     * seconds / 3600 to 2 decimals, worked out once as the row is written (migration 0007). In
     * float arithmetic: the same value as round(seconds / 3600.0, 2), since halves are exact in
     * binary.
     */
    hours: doublePrecision('hours')
      .notNull()
      .generatedAlwaysAs(sql`floor(seconds / 36.0::float8 + 0.5) / 100`),
    sessions: integer('sessions').notNull(),
    openSessions: integer('open_sessions').notNull(),
    clampedSessions: integer('clamped_sessions').notNull(),
    autoClosed: integer('auto_closed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.localDate, t.employeeId] })],
);

/** A void takes a punch out of every report; the punch row itself is never edited. */
export const punchVoids = pgTable('punch_voids', {
  punchId: uuid('punch_id').primaryKey(),
  voidedBy: text('voided_by').notNull(),
  reason: text('reason').notNull(),
  voidedAt: timestamp('voided_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const syncRejects = pgTable('sync_rejects', {
  punchId: uuid('punch_id').primaryKey(),
  deviceId: text('device_id').notNull(),
  reason: text('reason').notNull(),
  payload: jsonb('payload').notNull(),
  rejectedAt: timestamp('rejected_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_log_entity').on(t.entity, t.entityId)],
);

/** Read-only views for reports and the AI live here (the reports issue adds them). */
export const reporting = pgSchema('reporting');

/**
 * Wrong-PIN attempts per employee, counted at central so that every kiosk shares one count (N
 * kiosks must not mean N times five guesses). Kiosk taps and manager sign-ins count apart.
 */
export const pinLockouts = pgTable(
  'pin_lockouts',
  {
    employeeId: uuid('employee_id').notNull(),
    purpose: text('purpose', { enum: ['kiosk', 'manager'] }).notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.employeeId, t.purpose] })],
);
