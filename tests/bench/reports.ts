// Reports at scale: 2,000 employees × 250 days (about 1M punches) on central. The 7-day and
// full-range work-hours reports run the same SQL as reports.run; the floors, measured in the
// same run, are what any report must at least do: count the punches in the range, and one
// ordered scan computing LEAD over them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import type pg from 'pg';
import { connectCentral } from '../../src-main/db/central/connection.js';
import { removeEmbeddedCluster, startEmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { createLogger } from '../../src-main/log.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { REPORT_SQL, reportSql } from '../../src-main/services/reports/report-sql.js';
import { uuidv7From } from '../../shared/ids.js';
import { hashSecret } from '../../src-main/services/roster/pin-hash.js';
import { stableId } from '../../src-main/services/roster/roster.js';
import { emit, summarize } from './stats.js';
import { benchDashboardFirstPaint, withBrowser } from './browser.js';
import { benchCentralApi } from './central-api.js';

const DAY = 86_400_000;
const TEAMS = 10;

interface Shape {
  employees: number;
  days: number;
}

function employeeId(i: number): string {
  return `00000000-0000-7000-8000-${(i + 1).toString(16).padStart(12, '0')}`;
}

async function seedRoster(pool: pg.Pool, shape: Shape): Promise<void> {
  const sites = [
    ['00000000-0000-7000-8000-100000000001', 'Pune', 'Asia/Kolkata'],
    ['00000000-0000-7000-8000-100000000002', 'New York', 'America/New_York'],
  ] as const;
  for (const [id, name, tz] of sites) await pool.query('INSERT INTO sites (id, name, tz) VALUES ($1, $2, $3)', [id, name, tz]);
  for (let t = 0; t < TEAMS; t++) {
    await pool.query('INSERT INTO teams (id, name, site_id) VALUES ($1, $2, $3)', [
      `00000000-0000-7000-8000-2000000000${String(t).padStart(2, '0')}`,
      `Team ${t}`,
      sites[t % 2]![0],
    ]);
  }
  await pool.query(
    `INSERT INTO employees (id, code, name, team_id, pin_hash)
     SELECT ('00000000-0000-7000-8000-' || lpad(to_hex(i + 1), 12, '0'))::uuid, 'E' || i, 'Employee ' || i,
            ('00000000-0000-7000-8000-2000000000' || lpad(((i % ${TEAMS}))::text, 2, '0'))::uuid, 'x'
       FROM generate_series(0, $1 - 1) AS i`,
    [shape.employees],
  );
}

/** Each employee comes in around 09:00 local and leaves 8–9 h later; 2 % forget to punch out. */
function* punchLines(shape: Shape, lastDay: number): Generator<string> {
  const sites = ['00000000-0000-7000-8000-100000000001', '00000000-0000-7000-8000-100000000002'];
  const offsetsMs = [-5.5 * 3_600_000, 5 * 3_600_000]; // local 09:00 as UTC, roughly
  let chunk = '';
  let seq = 0;
  for (let d = shape.days - 1; d >= 0; d--) {
    const midnight = lastDay - d * DAY;
    for (let e = 0; e < shape.employees; e++) {
      const site = (e % TEAMS) % 2;
      const h = (e * 7919 + d * 104_729) % 1000;
      const inAt = midnight + 9 * 3_600_000 + offsetsMs[site]! + ((h - 300) * 60_000) / 10;
      const outAt = inAt + 8 * 3_600_000 + (h % 60) * 60_000;
      const mode = h % 5 === 0 ? 'WFH' : 'WFO';
      const entropy = new Uint8Array(10);
      new DataView(entropy.buffer).setUint32(0, ++seq);
      chunk += `${uuidv7From(inAt, entropy)}\t${employeeId(e)}\tIN\t${new Date(inAt).toISOString()}\t${sites[site]}\tbench\t${mode}\tkiosk\t${new Date(inAt).toISOString()}\n`;
      if (h % 50 !== 0) {
        new DataView(entropy.buffer).setUint32(0, ++seq);
        chunk += `${uuidv7From(outAt, entropy)}\t${employeeId(e)}\tOUT\t${new Date(outAt).toISOString()}\t${sites[site]}\tbench\t${mode}\tkiosk\t${new Date(outAt).toISOString()}\n`;
      }
    }
    if (chunk.length > 4 << 20) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

async function time(pool: pg.Pool, sql: string, params: unknown[], runs: number): Promise<{ p50_ms: number; rows: number }> {
  let rows = 0;
  await pool.query(sql, params); // warm
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    rows = (await pool.query(sql, params)).rowCount ?? 0;
    samples.push(performance.now() - t0);
  }
  return { p50_ms: summarize(samples).p50_ms, rows };
}

/**
 * PostgreSQL's own time for a query (EXPLAIN ANALYZE without per-node timing): executing it
 * and, with `text`, also rendering every row as text (SERIALIZE), the part that grows with the
 * rows returned; the network and the driver come on top.
 */
async function serverTime(pool: pg.Pool, sql: string, params: unknown[], runs: number, text: boolean): Promise<number> {
  const options = text ? 'ANALYZE, SERIALIZE TEXT, TIMING OFF, FORMAT JSON' : 'ANALYZE, TIMING OFF, FORMAT JSON';
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const { rows } = await pool.query<{ 'QUERY PLAN': { 'Execution Time': number }[] }>(`EXPLAIN (${options}) ${sql}`, params);
    if (i > 0) samples.push(rows[0]!['QUERY PLAN'][0]!['Execution Time']);
  }
  return summarize(samples).p50_ms;
}

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Migrates central at `url` and loads the dataset; returns the last day loaded (UTC midnight). */
export async function loadReportsDataset(pool: pg.Pool, shape: Shape): Promise<number> {
  await migrateCentral(pool);
  await seedRoster(pool, shape);
  const lastDay = Math.floor(Date.now() / DAY) * DAY - DAY;
  const client = await pool.connect();
  const t0 = performance.now();
  try {
    // One COPY per ~4 MB, as punches arrive in batches; the triggers keep sessions as they go.
    for (const lines of punchLines(shape, lastDay)) {
      await pipeline(
        Readable.from([lines]),
        client.query(copyFrom('COPY punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at) FROM STDIN')),
      );
    }
    await client.query('VACUUM ANALYZE punches');
    await client.query('VACUUM ANALYZE punch_sequence');
    await client.query('VACUUM ANALYZE daily_work');
  } finally {
    client.release();
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const punches = Number((await pool.query('SELECT count(*) FROM punches')).rows[0].count);
  emit({
    bench: 'reports_dataset',
    employees: shape.employees,
    days: shape.days,
    punches,
    load_s: Math.round(loadSeconds),
    load_rows_per_s: Math.round(punches / loadSeconds),
  });
  return lastDay;
}

/** The demo's manager (1001, PIN 4321, badge 0004521001), on central. */
async function addManager(pool: pg.Pool): Promise<void> {
  await pool.query(
    "INSERT INTO employees (id, code, name, is_manager, badge, pin_hash) VALUES ($1, '1001', 'Asha Rao', true, '0004521001', $2) ON CONFLICT DO NOTHING",
    [stableId('employee', '1001'), await hashSecret('4321')],
  );
}

async function benchReports(url: string, shape: Shape = { employees: 2000, days: 250 }): Promise<void> {
  const central = connectCentral(url, { max: 2 });
  try {
    const lastDay = await loadReportsDataset(central.pool, shape);
    await measureReports(central.pool, lastDay, shape.days);
    // A real central gets no demo data: the manager who signs in is added to it here.
    await addManager(central.pool);
    await withBrowser((browser) => benchDashboardFirstPaint(browser, url, shape.employees + 1));
    // The same dataset through Central's REST API and console.
    await withBrowser((browser) => benchCentralApi(url, browser));
  } finally {
    await central.close();
  }
}

/** The work-hours report over the last 7 days and over every day loaded, with its floors. */
export async function measureReports(pool: pg.Pool, lastDay: number, days: number): Promise<void> {
  const ranges = {
    '7d': { from: isoDate(lastDay - 6 * DAY), to: isoDate(lastDay) },
    full: { from: isoDate(lastDay - (days - 1) * DAY), to: isoDate(lastDay) },
  };
  for (const [label, r] of Object.entries(ranges)) {
    const runs = label === 'full' ? 5 : 25;
    const params = [r.from, r.to, null, null, null, 16, new Date().toISOString(), null, []];
    // What reports.run does by default (the day totals kept on central), and the same report
    // computed from the punch sequence, as it is for another zone or clamp.
    const sql = reportSql('workhours', { tz: null, maxHours: 16 });
    const report = await time(pool, sql, params, runs);
    const execution = await serverTime(pool, sql, params, runs, false);
    const withText = await serverTime(pool, sql, params, runs, true);
    const computed = await time(pool, REPORT_SQL.workhours, params, runs);
    // Moving the rows into Node costs by itself: the same number of day rows, no join, no order.
    const transfer = await time(pool, 'SELECT * FROM reporting.daily_work WHERE local_date BETWEEN $1 AND $2', [r.from, r.to], runs);
    const bounds = [`${r.from}T00:00:00Z`, new Date(Date.parse(`${r.to}T00:00:00Z`) + DAY).toISOString()];
    const count = await time(pool, 'SELECT count(*) FROM punch_sequence WHERE at_utc >= $1 AND at_utc < $2', bounds, runs);
    const lead = await time(
      pool,
      `SELECT count(nxt) FROM (SELECT lead(at_utc) OVER (PARTITION BY employee_id ORDER BY at_utc, id) AS nxt
                                 FROM punches WHERE at_utc >= $1 AND at_utc < $2) x`,
      bounds,
      runs,
    );
    emit({
      bench: `report_workhours_${label}`,
      from: r.from,
      to: r.to,
      rows: report.rows,
      p50_ms: report.p50_ms,
      db_execution_p50_ms: execution,
      db_with_text_p50_ms: withText,
      transfer_floor_p50_ms: transfer.p50_ms,
      count_floor_p50_ms: count.p50_ms,
      lead_scan_floor_p50_ms: lead.p50_ms,
      ratio_to_lead_scan: Math.round((report.p50_ms / lead.p50_ms) * 100) / 100,
      computed_p50_ms: computed.p50_ms,
      computed_ratio_to_lead_scan: Math.round((computed.p50_ms / lead.p50_ms) * 100) / 100,
      target: label === '7d' ? 'db_execution_p50_ms <= 10 ms' : 'ratio_to_lead_scan <= 3',
    });
  }
}

/** The reports bench on a PostgreSQL of its own (BENCH_DATABASE_URL, or an embedded server). */
export async function benchReportsOnEmbedded(shape: Shape): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-reports-'));
  const server = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedCentral(dir, createLogger('bench-pg'));
  const base = process.env.BENCH_DATABASE_URL ?? server!.url;
  try {
    const admin = connectCentral(base);
    const name = `bench_reports_${Date.now()}`;
    await admin.pool.query(`CREATE DATABASE ${name}`);
    await admin.close();
    const u = new URL(base);
    u.pathname = `/${name}`;
    await benchReports(u.toString(), shape);
  } finally {
    await server?.stop();
    removeEmbeddedCluster(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
