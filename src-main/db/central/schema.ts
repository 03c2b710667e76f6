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
  uniqueIndex,
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
    /** Central's clock minus the kiosk's when the punch arrived through Central (null: direct sync). */
    clockOffsetMs: integer('clock_offset_ms'),
  },
  (t) => [
    index('punches_employee_at').on(t.employeeId, t.atUtc),
    index('punches_device_at').on(t.deviceId, t.atUtc),
    check('punches_kind', sql`${t.kind} IN ('IN','OUT')`),
    check('punches_work_mode', sql`${t.workMode} IN ('WFO','WFH')`),
    check('punches_source', sql`${t.source} IN ('kiosk','import','correction','auto','api')`),
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
    /**
     * The row's part of the REST API's work-hours JSON, from `"date"` to the closing brace
     * (`,"date":"2026-11-30","seconds":27000,"hours":7.5,…}`), written once with the row
     * (migration 0014). The API prefixes each employee's own fields and sends the rows as they
     * come, so a week of 14,000 rows is not turned into objects and back into JSON on every call.
     * The same keys, order and numbers as JSON.stringify of the report's rows (tested byte for
     * byte).
     */
    restTail: text('rest_tail')
      .notNull()
      .generatedAlwaysAs(
        sql`',"date":"' || lpad(extract(year from local_date)::int::text, 4, '0') || '-' || lpad(extract(month from local_date)::int::text, 2, '0') || '-' || lpad(extract(day from local_date)::int::text, 2, '0') || '","seconds":' || seconds::text || ',"hours":' || (floor(seconds / 36.0::float8 + 0.5) / 100)::text || ',"sessions":' || sessions::text || ',"open_sessions":' || open_sessions::text || ',"auto_closed_sessions":' || auto_closed::text || '}'`,
      ),
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

// ---- Frontdesk Central: accounts, sessions, tokens and the counters every instance shares ----
// Central keeps nothing of its own in memory: two instances behind a load balancer read these.

/** A person who signs in to the console: a manager account is apart from any employee's PIN. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    /** Letters, digits, _ . - (the contract's rule); unique whatever the case. */
    username: text('username').notNull(),
    /** scrypt, with its parameters and salt in the string (never the password). */
    passwordHash: text('password_hash').notNull(),
    role: text('role').notNull(),
    teamIds: uuid('team_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    siteIds: uuid('site_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('users_username_lower').on(sql`lower(${t.username})`),
    check('users_role', sql`${t.role} IN ('admin','manager','payroll','viewer')`),
  ],
);

/** A console sign-in. The cookie holds a random token; only its SHA-256 is kept. */
export const userSessions = pgTable(
  'user_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Sent back by the console in a header with every state-changing call (the CSRF defence). */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The absolute end, whatever the activity. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    clientAddress: text('client_address'),
  },
  (t) => [index('user_sessions_user').on(t.userId)],
);

/** API tokens for programs: shown once, kept as SHA-256, revocable. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters, to tell tokens apart in a list. */
    prefix: text('prefix').notNull(),
    scope: text('scope').notNull(),
    /** A token made for a user acts with that user's role and teams, never more. */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [check('api_tokens_scope', sql`${t.scope} IN ('read','write','admin')`)],
);

/** Failed sign-ins per account and per client address, shared by every instance. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
});

/** Request counters for the API rate limit (per token or address), shared by every instance. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  hits: integer('hits').notNull(),
  resetAt: timestamp('reset_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Kiosks enrolled with Central. An admin adds one and gets a one-time enrollment code (kept as
 * SHA-256, short-lived); the kiosk trades it for a device credential (SHA-256 here, shown once)
 * and a PIN key that makes its copy of the roster's PIN hashes useless without it. The rest is
 * the kiosk's health as its heartbeats and pushes report it.
 */
export const kiosks = pgTable(
  'kiosks',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull().unique(),
    siteId: uuid('site_id')
      .notNull()
      .references(() => sites.id),
    /** Unique among kiosks not revoked: a revoked kiosk's folder can be enrolled again. */
    deviceId: text('device_id'),
    credentialHash: text('credential_hash').unique(),
    pinKey: text('pin_key').notNull(),
    enrollCodeHash: text('enroll_code_hash').unique(),
    enrollExpiresAt: timestamp('enroll_expires_at', { withTimezone: true, mode: 'date' }),
    enrolledAt: timestamp('enrolled_at', { withTimezone: true, mode: 'date' }),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
    revokedBy: text('revoked_by'),
    appVersion: text('app_version'),
    syncVersion: text('sync_version'),
    schemaVersion: integer('schema_version'),
    lastHeartbeatAt: timestamp('last_heartbeat_at', { withTimezone: true, mode: 'date' }),
    lastPushAt: timestamp('last_push_at', { withTimezone: true, mode: 'date' }),
    backlogCount: integer('backlog_count'),
    backlogOldestAt: timestamp('backlog_oldest_at', { withTimezone: true, mode: 'date' }),
    rejectedCount: integer('rejected_count'),
    lastError: text('last_error'),
    clockOffsetMs: integer('clock_offset_ms'),
    /** Each heartbeat's answer; the next must bring it back. Two copies of one kiosk cannot. */
    heartbeatNonce: text('heartbeat_nonce'),
    /** The nonce the last accepted heartbeat brought, and its attempt id: a retry of a heartbeat whose answer was lost brings both again. */
    heartbeatPrevNonce: text('heartbeat_prev_nonce'),
    heartbeatAttempt: text('heartbeat_attempt'),
    cloneSuspectedAt: timestamp('clone_suspected_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('kiosks_site').on(t.siteId),
    uniqueIndex('kiosks_device_live')
      .on(t.deviceId)
      .where(sql`revoked_at IS NULL`),
  ],
);

/** The employees each kiosk was sent: when one leaves the kiosk's site, only the kiosks that had them hear of it. */
export const kioskRoster = pgTable(
  'kiosk_roster',
  {
    kioskId: uuid('kiosk_id')
      .notNull()
      .references(() => kiosks.id, { onDelete: 'cascade' }),
    employeeId: uuid('employee_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kioskId, t.employeeId] })],
);

/** Punches a revoked kiosk sent: kept apart until an admin accepts (they become punches) or rejects them. */
export const syncQuarantine = pgTable(
  'sync_quarantine',
  {
    punchId: uuid('punch_id').primaryKey(),
    kioskId: uuid('kiosk_id')
      .notNull()
      .references(() => kiosks.id, { onDelete: 'cascade' }),
    payload: jsonb('payload').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, mode: 'date' }),
    resolution: text('resolution'),
    resolvedBy: text('resolved_by'),
  },
  (t) => [index('sync_quarantine_kiosk').on(t.kioskId), check('sync_quarantine_resolution', sql`${t.resolution} IN ('accepted','rejected')`)],
);
