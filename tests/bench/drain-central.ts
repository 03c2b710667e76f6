// The kiosk sync through Frontdesk Central against the direct sync to PostgreSQL, in one run: a
// 100,000-punch backlog drained each way into a fresh central database (the ratio), and
// tap-to-central (punch commit to Central's commit) with the network up. Central runs as its own
// process, as it would on a server.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { connectCentral } from '../../src-main/db/central/connection.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { addKiosk } from '../../src-main/services/fleet/kiosks.js';
import { hashSecret } from '../../src-main/services/roster/pin-hash.js';
import { stableId } from '../../src-main/services/roster/roster.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';
import { emit } from './stats.js';
import { fillBacklog } from './backlog.js';
import { freePort } from '../../src-main/free-port.js';
import { spawnCentral } from '../support/central-process.js';
import { measureTapToCentral } from './tap-to-central.js';

const EMPLOYEES = 200;

async function seedCentral(url: string): Promise<string[]> {
  const c = connectCentral(url);
  try {
    await migrateCentral(c.pool);
    const siteId = stableId('site', 'Bench Site');
    const teamId = stableId('team', 'Bench Team');
    await c.pool.query("INSERT INTO sites (id, name, tz) VALUES ($1, 'Bench Site', 'Asia/Kolkata') ON CONFLICT DO NOTHING", [siteId]);
    await c.pool.query("INSERT INTO teams (id, name, site_id) VALUES ($1, 'Bench Team', $2) ON CONFLICT DO NOTHING", [teamId, siteId]);
    const pinHash = await hashSecret('1234');
    const ids: string[] = [];
    for (let i = 0; i < EMPLOYEES; i++) {
      const id = stableId('employee', `B${i}`);
      ids.push(id);
      await c.pool.query('INSERT INTO employees (id, code, name, pin_hash, team_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
        id,
        `B${i}`,
        `Bench ${i}`,
        pinHash,
        teamId,
      ]);
    }
    return ids;
  } finally {
    await c.close();
  }
}

async function timedDrain(app: App): Promise<number> {
  const t0 = performance.now();
  const status = await app.sync.syncNow();
  const seconds = (performance.now() - t0) / 1000;
  if (status.pending !== 0) throw new Error(`drain left ${status.pending} punches (${status.lastError ?? ''})`);
  return seconds;
}

/** `createDatabase(name)` makes an empty database on the bench server and returns its URL. */
export async function benchThroughCentral(createDatabase: (name: string) => Promise<string>, rows = 100_000, samples = 40): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-bench-central-'));
  let central: ChildProcess | null = null;
  const apps: App[] = [];
  try {
    // Direct: a kiosk with DATABASE_URL.
    const directUrl = await createDatabase(`direct_${Date.now()}`);
    const directIds = await seedCentral(directUrl);
    const direct = await createApp({
      config: loadConfig({}, { dataDir: path.join(root, 'direct'), demo: false, databaseUrl: directUrl }),
      host: 'test',
    });
    apps.push(direct);
    await direct.sync.syncNow();
    fillBacklog(direct, directIds, rows);
    const directSeconds = await timedDrain(direct);

    // Through Central: a kiosk enrolled with a Central process on another fresh database.
    const viaUrl = await createDatabase(`via_${Date.now()}`);
    const viaIds = await seedCentral(viaUrl);
    const port = await freePort();
    central = await spawnCentral(viaUrl, port, path.join(root, 'central'));
    const admin = connectCentral(viaUrl);
    const made = await addKiosk(admin.pool, { name: 'Bench kiosk', site: 'Bench Site' }, 'bench', new Date());
    await admin.close();
    const config = loadConfig({}, { dataDir: path.join(root, 'via'), credentialDir: path.join(root, 'credentials'), demo: false });
    await enrollDataFolder(config, new URL(`http://127.0.0.1:${port}`), made.code);
    const via = await createApp({ config, host: 'test' });
    apps.push(via);
    await via.sync.syncNow();
    fillBacklog(via, viaIds, rows);
    const viaSeconds = await timedDrain(via);
    emit({
      bench: 'drain_through_central',
      rows,
      direct_seconds: Math.round(directSeconds * 100) / 100,
      direct_rows_per_s: Math.round(rows / directSeconds),
      central_seconds: Math.round(viaSeconds * 100) / 100,
      central_rows_per_s: Math.round(rows / viaSeconds),
      ratio_to_direct: Math.round((directSeconds / viaSeconds) * 100) / 100,
      target: 'ratio_to_direct >= 0.7',
    });

    // Tap to Central's commit, the network up: the enrolled kiosk's background sync does it.
    via.start();
    const s = await measureTapToCentral(
      via,
      Array.from({ length: EMPLOYEES }, (_, i) => `B${i}`),
      samples,
    );
    emit({ bench: 'tap_to_central_via_central', n: s.n, p50_ms: s.p50_ms, p95_ms: s.p95_ms, max_ms: s.max_ms, target: 'p95 < 1000 ms' });
  } finally {
    for (const app of apps) await app.close().catch(() => undefined);
    if (central) {
      const exited = new Promise((r) => central!.once('exit', r));
      central.kill('SIGTERM');
      await exited;
    }
    rmSync(root, { recursive: true, force: true });
  }
}
