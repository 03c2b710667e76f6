// The work-hours rules exist twice: as SQL views on central and as a TypeScript function on the
// kiosk. On thousands of random punch histories — including DST days in zones that have them —
// both must give the same sessions, hours and exceptions. Punches reach central in a random
// order and in random chunks, with voids in between, as offline kiosks deliver them: central
// keeps sessions up to date as punches arrive, and must end where a fresh computation would.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { computeWorkSessions, DEFAULT_MAX_HOURS, hoursOf, type PunchFact } from '../../shared/domain/work-hours.js';
import { uuidv7From } from '../../shared/ids.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { createTestDatabase } from '../support/test-postgres.js';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'] as const;
const EMPLOYEES = ['00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-00000000000b'];
const SITE = (i: number): string => `00000000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`;
// Histories cluster around DST changes: early March and November (US), late March/October (EU),
// early April/October (AU).
const ANCHORS = [
  '2026-03-08T06:00:00Z',
  '2026-03-29T01:00:00Z',
  '2026-10-25T01:00:00Z',
  '2026-11-01T06:00:00Z',
  '2026-04-05T00:00:00Z',
  '2026-07-15T12:00:00Z',
].map(Date.parse);

let url: string;
let pool: pg.Pool;
beforeAll(async () => {
  url = await createTestDatabase('wh');
  pool = new pg.Pool({ connectionString: url, max: 1 });
  await migrateCentral(pool);
  for (const [i, tz] of ZONES.entries()) await pool.query('INSERT INTO sites (id, name, tz) VALUES ($1, $2, $3)', [SITE(i), `Site ${i}`, tz]);
  for (const id of EMPLOYEES) await pool.query("INSERT INTO employees (id, code, name, pin_hash) VALUES ($1, $2, 'x', 'x')", [id, id]);
});
afterAll(() => pool.end());

interface Sample {
  zone: number;
  maxHours: number;
  /** How many punches arrive per insert. */
  chunk: number;
  punches: (PunchFact & { voided: boolean; arrival: number })[];
}

const sampleArb: fc.Arbitrary<Sample> = fc
  .record({
    zone: fc.integer({ min: 0, max: ZONES.length - 1 }),
    anchor: fc.constantFrom(...ANCHORS),
    maxHours: fc.constantFrom(8, 12, 16, 24),
    chunk: fc.integer({ min: 1, max: 8 }),
    raw: fc.array(
      fc.record({
        employee: fc.integer({ min: 0, max: 1 }),
        kind: fc.constantFrom<'IN' | 'OUT'>('IN', 'OUT'),
        // within four days of the anchor, at minute resolution, plus some exact ties
        offsetMin: fc.oneof(fc.integer({ min: -2 * 1440, max: 2 * 1440 }), fc.constantFrom(0, 60, 61)),
        seconds: fc.integer({ min: 0, max: 59 }),
        voided: fc.integer({ min: 0, max: 99 }).map((n) => n < 12),
        arrival: fc.integer({ min: 0, max: 1000 }),
        salt: fc.integer({ min: 0, max: 2 ** 30 }),
      }),
      { maxLength: 24 },
    ),
  })
  .map(({ zone, anchor, maxHours, chunk, raw }) => ({
    zone,
    maxHours,
    chunk,
    punches: raw.map((r, i) => {
      const atMs = anchor + r.offsetMin * 60_000 + r.seconds * 1000;
      const entropy = new Uint8Array(10);
      new DataView(entropy.buffer).setUint32(0, r.salt);
      entropy[9] = i;
      return { id: uuidv7From(atMs, entropy), employeeId: EMPLOYEES[r.employee]!, kind: r.kind, atMs, voided: r.voided, arrival: r.arrival };
    }),
  }));

async function load(sample: Sample): Promise<void> {
  await pool.query('TRUNCATE punches, punch_voids');
  const arriving = [...sample.punches].sort((a, b) => a.arrival - b.arrival);
  for (let i = 0; i < arriving.length; i += sample.chunk) {
    const p = arriving.slice(i, i + sample.chunk);
    await pool.query(
      `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
       SELECT id, employee_id, kind, at_utc, $5, 'prop', 'WFO', 'kiosk', now()
         FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS t(id, employee_id, kind, at_utc)`,
      [p.map((x) => x.id), p.map((x) => x.employeeId), p.map((x) => x.kind), p.map((x) => new Date(x.atMs).toISOString()), SITE(sample.zone)],
    );
    const voids = p.filter((x) => x.voided).map((x) => x.id);
    if (voids.length) await pool.query("INSERT INTO punch_voids (punch_id, voided_by, reason) SELECT unnest($1::uuid[]), 'test', 'test'", [voids]);
  }
}

interface DayTotal {
  key: string;
  seconds: number;
  hours: number;
  sessions: number;
  open: number;
  clamped: number;
}

/** The day totals central keeps as punches arrive (reporting.daily_work), in key order. */
async function keptDays(): Promise<DayTotal[]> {
  const { rows } = await pool.query<DayTotal>(
    `SELECT employee_id || ' ' || date_text AS key, seconds, hours, sessions, open_sessions AS open, clamped_sessions AS clamped
       FROM reporting.daily_work ORDER BY 1`,
  );
  return rows;
}

/** The same totals from the TypeScript rules: sessions and missing OUTs by the IN's local date. */
function dayTotals({ sessions, exceptions }: ReturnType<typeof computeWorkSessions>): DayTotal[] {
  const days = new Map<string, DayTotal>();
  const day = (employeeId: string, localDate: string): DayTotal => {
    const key = `${employeeId} ${localDate}`;
    const found = days.get(key) ?? { key, seconds: 0, hours: 0, sessions: 0, open: 0, clamped: 0 };
    days.set(key, found);
    return found;
  };
  for (const s of sessions) {
    const d = day(s.employeeId, s.localDate);
    d.seconds += s.seconds;
    d.hours = hoursOf(d.seconds);
    d.sessions += 1;
    d.clamped += s.clamped ? 1 : 0;
  }
  for (const e of exceptions) if (e.kind === 'MISSING_OUT') day(e.employeeId, e.localDate).open += 1;
  return [...days.values()].sort((a, b) => (a.key < b.key ? -1 : 1));
}

describe('work-hours rules: SQL views and TypeScript agree', () => {
  it('on thousands of random histories, DST days included', async () => {
    await fc.assert(
      fc.asyncProperty(sampleArb, async (sample) => {
        await load(sample);
        const tz = ZONES[sample.zone]!;
        const ts = computeWorkSessions(sample.punches, { tz, maxHours: sample.maxHours });
        const { rows: sessions } = await pool.query<{ in_id: string; out_id: string; seconds: string; local_date: string; clamped: boolean }>(
          `SELECT in_id::text, out_id::text, least(elapsed_seconds, $1 * 3600)::text AS seconds, local_date::text,
                  elapsed_seconds > $1 * 3600 AS clamped
             FROM reporting.work_sessions ORDER BY in_id`,
          [sample.maxHours],
        );
        const { rows: exceptions } = await pool.query<{ kind: string; punch_id: string; local_date: string }>(
          'SELECT kind, punch_id::text, local_date::text FROM reporting.exceptions ORDER BY punch_id',
        );
        const byId = <T extends { inId?: string; punchId?: string }>(a: T, b: T): number =>
          (a.inId ?? a.punchId)! < (b.inId ?? b.punchId)! ? -1 : 1;
        expect(
          sessions.map((s) => ({ inId: s.in_id, outId: s.out_id, seconds: Number(s.seconds), localDate: s.local_date, clamped: s.clamped })),
        ).toEqual(
          ts.sessions.map((s) => ({ inId: s.inId, outId: s.outId, seconds: s.seconds, localDate: s.localDate, clamped: s.clamped })).sort(byId),
        );
        expect(exceptions.map((e) => ({ kind: e.kind, punchId: e.punch_id, localDate: e.local_date }))).toEqual(
          ts.exceptions.map((e) => ({ kind: e.kind, punchId: e.punchId, localDate: e.localDate })).sort(byId),
        );
        expect(await keptDays()).toEqual(dayTotals(computeWorkSessions(sample.punches, { tz, maxHours: DEFAULT_MAX_HOURS })));
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 3000) },
    );
    // About 40 s on an idle 2-core machine; a loaded one may take several times that.
  }, 300_000);
});

describe('sessions kept up to date on central', () => {
  it('stay right when several kiosks push punches of the same employees at once', async () => {
    await pool.query('TRUNCATE punches, punch_voids');
    const pushers = new pg.Pool({ connectionString: url, max: 6 });
    try {
      const base = Date.parse('2026-03-08T00:00:00Z');
      // 6 kiosks × 40 batches; each batch holds punches of both employees, interleaved in time
      // with the other kiosks' punches, so each push changes neighbours another push is writing.
      await Promise.all(
        Array.from({ length: 6 }, async (_, kiosk) => {
          for (let batch = 0; batch < 40; batch += 1) {
            const rows = EMPLOYEES.map((employeeId, e) => {
              const atMs = base + (batch * 6 + kiosk) * 60_000 + e;
              return {
                id: uuidv7From(atMs, new Uint8Array([kiosk, batch, e, 0, 0, 0, 0, 0, 0, 0])),
                employeeId,
                kind: (batch + kiosk) % 3 === 0 ? 'OUT' : 'IN',
                atMs,
              };
            });
            await pushers.query(
              `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
               SELECT id, employee_id, kind, at_utc, $5, 'k', 'WFO', 'kiosk', now()
                 FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS t(id, employee_id, kind, at_utc)`,
              [
                rows.map((r) => r.id),
                rows.map((r) => r.employeeId),
                rows.map((r) => r.kind),
                rows.map((r) => new Date(r.atMs).toISOString()),
                SITE(0),
              ],
            );
          }
        }),
      );
    } finally {
      await pushers.end();
    }
    const fresh = `SELECT id, lag(kind) OVER w AS prev_kind, lead(id) OVER w AS next_id, lead(kind) OVER w AS next_kind
                     FROM punches WINDOW w AS (PARTITION BY employee_id ORDER BY at_utc, id)`;
    const { rows } = await pool.query<{ n: string; differ: string }>(
      `SELECT count(*)::text AS n,
              count(*) FILTER (WHERE (f.prev_kind, f.next_id, f.next_kind) IS DISTINCT FROM (s.prev_kind, s.next_id, s.next_kind))::text AS differ
         FROM (${fresh}) f FULL JOIN punch_sequence s USING (id)`,
    );
    expect(rows[0]).toEqual({ n: String(6 * 40 * 2), differ: '0' });
    const { rows: days } = await pool.query<{ n: string; differ: string }>(
      `WITH fresh AS (
         SELECT employee_id, local_date, sum(least(next_seconds, 57600)) FILTER (WHERE next_kind = 'OUT')::int AS seconds,
                count(*) FILTER (WHERE next_kind IS DISTINCT FROM 'OUT')::int AS open_sessions
           FROM punch_sequence WHERE kind = 'IN' GROUP BY 1, 2)
       SELECT count(*)::text AS n,
              count(*) FILTER (WHERE (coalesce(f.seconds, 0), f.open_sessions) IS DISTINCT FROM (d.seconds, d.open_sessions))::text AS differ
         FROM fresh f FULL JOIN daily_work d USING (employee_id, local_date)`,
    );
    expect(days[0]!.differ).toBe('0');
    expect(Number(days[0]!.n)).toBeGreaterThan(0);
  });
});
