// The work-hours rules exist twice: as SQL views on central and as a TypeScript function on the
// kiosk. On thousands of random punch histories — including DST days in zones that have them —
// both must give the same sessions, hours and exceptions.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { computeWorkSessions, type PunchFact } from '../../shared/domain/work-hours.js';
import { uuidv7From } from '../../shared/ids.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { createTestDatabase } from '../support/test-postgres.js';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Sydney'] as const;
const EMPLOYEES = ['00000000-0000-7000-8000-00000000000a', '00000000-0000-7000-8000-00000000000b'];
const SITE = (i: number): string => `00000000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`;
// Histories cluster around DST changes: early March and November (US), late March/October (EU),
// early April/October (AU).
const ANCHORS = ['2026-03-08T06:00:00Z', '2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-11-01T06:00:00Z', '2026-04-05T00:00:00Z', '2026-07-15T12:00:00Z'].map(Date.parse);

let pool: pg.Pool;
beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase('wh'), max: 1 });
  await migrateCentral(pool);
  for (const [i, tz] of ZONES.entries()) await pool.query('INSERT INTO sites (id, name, tz) VALUES ($1, $2, $3)', [SITE(i), `Site ${i}`, tz]);
  for (const id of EMPLOYEES) await pool.query("INSERT INTO employees (id, code, name, pin_hash) VALUES ($1, $2, 'x', 'x')", [id, id]);
});
afterAll(() => pool.end());

interface Sample {
  zone: number;
  maxHours: number;
  punches: (PunchFact & { voided: boolean })[];
}

const sampleArb: fc.Arbitrary<Sample> = fc
  .record({
    zone: fc.integer({ min: 0, max: ZONES.length - 1 }),
    anchor: fc.constantFrom(...ANCHORS),
    maxHours: fc.constantFrom(8, 12, 16, 24),
    raw: fc.array(
      fc.record({
        employee: fc.integer({ min: 0, max: 1 }),
        kind: fc.constantFrom<'IN' | 'OUT'>('IN', 'OUT'),
        // within four days of the anchor, at minute resolution, plus some exact ties
        offsetMin: fc.oneof(fc.integer({ min: -2 * 1440, max: 2 * 1440 }), fc.constantFrom(0, 60, 61)),
        seconds: fc.integer({ min: 0, max: 59 }),
        voided: fc.boolean().map((b) => b && Math.random() < 0.15),
        salt: fc.integer({ min: 0, max: 2 ** 30 }),
      }),
      { maxLength: 24 },
    ),
  })
  .map(({ zone, anchor, maxHours, raw }) => ({
    zone,
    maxHours,
    punches: raw.map((r, i) => {
      const atMs = anchor + r.offsetMin * 60_000 + r.seconds * 1000;
      const entropy = new Uint8Array(10);
      new DataView(entropy.buffer).setUint32(0, r.salt);
      entropy[9] = i;
      return { id: uuidv7From(atMs, entropy), employeeId: EMPLOYEES[r.employee]!, kind: r.kind, atMs, voided: r.voided };
    }),
  }));

async function load(sample: Sample): Promise<void> {
  await pool.query('TRUNCATE punches, punch_voids');
  if (sample.punches.length === 0) return;
  const p = sample.punches;
  await pool.query(
    `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
     SELECT id, employee_id, kind, at_utc, $5, 'prop', 'WFO', 'kiosk', now()
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::timestamptz[]) AS t(id, employee_id, kind, at_utc)`,
    [p.map((x) => x.id), p.map((x) => x.employeeId), p.map((x) => x.kind), p.map((x) => new Date(x.atMs).toISOString()), SITE(sample.zone)],
  );
  const voids = p.filter((x) => x.voided).map((x) => x.id);
  if (voids.length) await pool.query("INSERT INTO punch_voids (punch_id, voided_by, reason) SELECT unnest($1::uuid[]), 'test', 'test'", [voids]);
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
        const byId = <T extends { inId?: string; punchId?: string }>(a: T, b: T): number => ((a.inId ?? a.punchId)! < (b.inId ?? b.punchId)! ? -1 : 1);
        expect(sessions.map((s) => ({ inId: s.in_id, outId: s.out_id, seconds: Number(s.seconds), localDate: s.local_date, clamped: s.clamped }))).toEqual(
          ts.sessions.map((s) => ({ inId: s.inId, outId: s.outId, seconds: s.seconds, localDate: s.localDate, clamped: s.clamped })).sort(byId),
        );
        expect(exceptions.map((e) => ({ kind: e.kind, punchId: e.punch_id, localDate: e.local_date }))).toEqual(
          ts.exceptions.map((e) => ({ kind: e.kind, punchId: e.punchId, localDate: e.localDate })).sort(byId),
        );
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) },
    );
  });
});
