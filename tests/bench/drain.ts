// Draining a kiosk's backlog to central (rows/s, kiosk memory) against two floors measured in the
// same run: a raw COPY of the same rows into an identical table (same indexes and checks, without
// the session upkeep), and a COPY into central's own punches table in a fresh database, where the
// same triggers keep sessions up to date (what any way of loading punches has to pay).
// Also tap-to-central with the network up: punch commit to central commit.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { from as copyFrom } from 'pg-copy-streams';
import { createApp, type App } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { connectCentral } from '../../src-main/db/central/connection.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { removeEmbeddedCluster, startEmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { createLogger } from '../../src-main/log.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { emit } from './stats.js';
import { fillBacklog } from './backlog.js';
import { measureTapToCentral } from './tap-to-central.js';
import { benchThroughCentral } from './drain-central.js';

const EMPLOYEES = 200;

async function kioskWithBacklog(url: string, rows: number): Promise<App> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-drain-'));
  const batchSize = process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined;
  const app = await createApp({
    config: loadConfig({}, { dataDir, demo: false, databaseUrl: url }),
    host: 'test',
    ...(batchSize ? { sync: { batchSize } } : {}),
  });
  const ids: string[] = [];
  for (let i = 0; i < EMPLOYEES; i++) {
    ids.push((await call(app.dispatch, 'employees.add', { code: `D${i}`, name: `Drain ${i}`, pin: '1234' }, { origin: 'cli' })).id);
  }
  await app.sync.syncNow(); // publish the roster; the outbox is empty so far
  fillBacklog(app, ids, rows);
  return app;
}

async function createDatabase(base: string, name: string): Promise<string> {
  const admin = connectCentral(base);
  try {
    await admin.pool.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.close();
  }
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Rows/s of a COPY of the kiosk's punches: into a bare copy of the table, or into a fresh central. */
async function copyFloor(url: string, app: App, rows: number, into: 'bare' | 'central'): Promise<number> {
  const target = into === 'bare' ? url : await createDatabase(url, `floor_${Date.now()}`);
  const central = connectCentral(target);
  if (into === 'central') await migrateCentral(central.pool);
  const table = into === 'bare' ? 'punches_copy' : 'punches';
  const client = await central.pool.connect();
  try {
    if (into === 'bare') {
      await client.query('DROP TABLE IF EXISTS punches_copy');
      await client.query('CREATE TABLE punches_copy (LIKE punches INCLUDING ALL)');
    }
    const source = app.store.sqlite
      .prepare('SELECT id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at FROM punches LIMIT ?')
      .raw()
      .iterate(rows) as IterableIterator<unknown[]>;
    const lines = (function* () {
      let chunk = '';
      for (const r of source) {
        chunk += `${[r[0], r[1], r[2], new Date(r[3] as number).toISOString(), r[4], r[5], r[6], r[7], new Date(r[8] as number).toISOString()].map(String).join('\t')}\n`;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    })();
    const t0 = performance.now();
    await pipeline(
      Readable.from(lines),
      client.query(copyFrom(`COPY ${table} (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at) FROM STDIN`)),
    );
    const seconds = (performance.now() - t0) / 1000;
    if (into === 'bare') await client.query('DROP TABLE punches_copy');
    return rows / seconds;
  } finally {
    client.release();
    await central.close();
  }
}

async function benchDrain(url: string, rows: number): Promise<void> {
  const app = await kioskWithBacklog(url, rows);
  try {
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
    const rssBefore = process.memoryUsage().rss;
    const t0 = performance.now();
    const status = await app.sync.syncNow();
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    if (status.pending !== 0) throw new Error(`drain left ${status.pending} punches`);
    const drainRate = rows / seconds;
    const copyRate = await copyFloor(url, app, rows, 'bare');
    const centralCopyRate = await copyFloor(url, app, rows, 'central');
    emit({
      bench: 'drain_backlog',
      rows,
      seconds: Math.round(seconds * 100) / 100,
      rows_per_s: Math.round(drainRate),
      copy_rows_per_s: Math.round(copyRate),
      ratio_to_copy: Math.round((drainRate / copyRate) * 100) / 100,
      copy_into_central_rows_per_s: Math.round(centralCopyRate),
      ratio_to_copy_into_central: Math.round((drainRate / centralCopyRate) * 100) / 100,
      kiosk_rss_before_mb: Math.round(rssBefore / 1048576),
      kiosk_peak_rss_mb: Math.round(peakRss / 1048576),
      target: 'ratio_to_copy_into_central >= 0.5',
    });
  } finally {
    const dir = app.config.dataDir;
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchTapToCentral(url: string, samples = 40): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-t2c-'));
  const app = await createApp({ config: loadConfig({}, { dataDir, demo: true, databaseUrl: url }), host: 'test' });
  try {
    app.sync.start();
    await app.sync.syncNow();
    const s = await measureTapToCentral(
      app,
      Array.from({ length: 8 }, (_, i) => `100${i + 1}`),
      samples,
    );
    emit({ bench: 'tap_to_central', n: s.n, p50_ms: s.p50_ms, p95_ms: s.p95_ms, max_ms: s.max_ms, target: 'p95 < 1000 ms' });
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function benchSync(sizes: number[]): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-pg-'));
  const server = process.env.BENCH_DATABASE_URL ? null : await startEmbeddedCentral(dir, createLogger('bench-pg'));
  const base = process.env.BENCH_DATABASE_URL ?? server!.url;
  try {
    for (const rows of sizes) {
      // A fresh database per size, so index sizes match between the drain and the COPY.
      await benchDrain(await createDatabase(base, `bench_${rows}_${Date.now()}`), rows);
    }
    await benchTapToCentral(base);
    await benchThroughCentral((name) => createDatabase(base, name));
  } finally {
    await server?.stop();
    removeEmbeddedCluster(dir);
    rmSync(dir, { recursive: true, force: true });
  }
}
