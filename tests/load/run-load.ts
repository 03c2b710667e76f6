// The load simulation: N kiosk processes × R punches/s for T seconds against one central,
// while faults are injected — central restarts, killed connections, a kiosk SIGKILLed and
// restarted. Then it checks that central holds every acknowledged punch and nothing else.
// Loopback only; every loop is bounded by T.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { removeEmbeddedCluster, startEmbeddedCentral, type EmbeddedCentral } from '../../src-main/db/central/embedded.js';
import { connectCentral } from '../../src-main/db/central/connection.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import { createLogger } from '../../src-main/log.js';
import { hashSecret } from '../../src-main/services/roster/pin-hash.js';
import { stableId } from '../../src-main/services/roster/roster.js';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { freePort } from '../../src-main/free-port.js';
import { spawnCentral, stopChild } from '../support/central-process.js';
import { loadConfig } from '../../src-main/config.js';
import { addKiosk, revokeKiosk } from '../../src-main/services/fleet/kiosks.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';

export interface LoadOptions {
  /** 'central': kiosks enrolled with a Frontdesk Central process, syncing over HTTP; 'database': straight to PostgreSQL. */
  via?: 'central' | 'database';
  kiosks: number;
  ratePerKiosk: number;
  seconds: number;
  employees: number;
  faults: boolean;
}

export interface LoadResult {
  kiosks: number;
  rate_per_kiosk: number;
  seconds: number;
  acknowledged: number;
  in_central: number;
  lost: number;
  duplicated: number;
  unexpected_in_central: number;
  p50_tap_to_central_ms: number;
  p95_tap_to_central_ms: number;
  via: 'central' | 'database';
  /** Acknowledged by a kiosk after it was revoked: held on it, and in Central's quarantine. */
  quarantined: number;
  /** Acknowledged after the revocation and still in the revoked kiosk's outbox (never lost, never sent to payroll). */
  held_on_revoked_kiosk: number;
  faults: {
    database_restarts: number;
    connection_kills: number;
    kiosk_kills: number;
    read_only_phases: number;
    locked_database_phases: number;
    central_server_restarts: number;
    kiosks_revoked: number;
  };
}

interface Kiosk {
  dir: string;
  child: ChildProcess;
  acked: Set<string>;
  /** What the kiosk child is given: a DATABASE_URL, or `central:<credential dir>`. */
  target?: string;
  name?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function spawnKiosk(k: Omit<Kiosk, 'child'>, target: string, rate: number): Promise<Kiosk> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/load/kiosk-child.ts', k.dir, target, String(rate)], {
    stdio: ['ignore', 'pipe', 'ignore'],
    env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error' },
  });
  let buf = '';
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buf += chunk.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.startsWith('ACK ')) k.acked.add(line.slice(4));
        else if (line.startsWith('READY')) resolve({ ...k, child });
      }
    });
    child.once('exit', (code, signal) => reject(new Error(`kiosk exited early (${code ?? signal})`)));
  });
}

async function seedRoster(url: string, employees: number): Promise<void> {
  const c = connectCentral(url);
  try {
    await migrateCentral(c.pool);
    const siteId = stableId('site', 'Load Site');
    await c.pool.query("INSERT INTO sites (id, name, tz) VALUES ($1, 'Load Site', 'Asia/Kolkata') ON CONFLICT DO NOTHING", [siteId]);
    const teamId = stableId('team', 'Load Team');
    await c.pool.query("INSERT INTO teams (id, name, site_id) VALUES ($1, 'Load Team', $2) ON CONFLICT DO NOTHING", [teamId, siteId]);
    const pinHash = await hashSecret('1234');
    for (let i = 0; i < employees; i++) {
      const code = `L${String(i).padStart(4, '0')}`;
      await c.pool.query('INSERT INTO employees (id, code, name, pin_hash, team_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [
        stableId('employee', code),
        code,
        `Load ${i}`,
        pinHash,
        teamId,
      ]);
    }
  } finally {
    await c.close();
  }
}

/** Makes central's database read-only for `ms` (new connections only, so all are cut first), then writable again. */
async function readOnlyPhase(url: string, ms: number): Promise<void> {
  const database = new URL(url).pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const run = async (sql: string): Promise<void> => {
    const c = new pg.Client({ connectionString: admin.toString() });
    c.on('error', () => undefined);
    await c.connect();
    try {
      await c.query(sql);
      await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
    } finally {
      await c.end().catch(() => undefined);
    }
  };
  await run(`ALTER DATABASE "${database.replace(/"/g, '""')}" SET default_transaction_read_only = on`);
  await sleep(ms);
  await run(`ALTER DATABASE "${database.replace(/"/g, '""')}" RESET default_transaction_read_only`);
}

/** Holds the write lock of a kiosk's SQLite file for `ms`, as a second process doing a long import would. */
async function holdWriteLock(file: string, ms: number): Promise<void> {
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 10000');
    db.exec('BEGIN IMMEDIATE');
    await sleep(ms);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

export async function runLoad(opts: LoadOptions, log: (line: Record<string, unknown>) => void = () => {}): Promise<LoadResult> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-load-'));
  const pgLog = createLogger('load-pg');
  let server: EmbeddedCentral | null = process.env.LOAD_DATABASE_URL ? null : await startEmbeddedCentral(path.join(root, 'central'), pgLog);
  const url = process.env.LOAD_DATABASE_URL ?? server!.url;
  const via = opts.via ?? 'database';
  const faults = {
    database_restarts: 0,
    connection_kills: 0,
    kiosk_kills: 0,
    read_only_phases: 0,
    locked_database_phases: 0,
    central_server_restarts: 0,
    kiosks_revoked: 0,
  };
  const kiosks: Kiosk[] = [];
  let centralChild: ChildProcess | null = null;
  const revoked = new Map<string, number>();
  try {
    await seedRoster(url, opts.employees);
    let centralUrl = '';
    let centralPort = 0;
    const centralDir = path.join(root, 'central-app');
    if (via === 'central') {
      centralPort = await freePort();
      centralChild = await spawnCentral(url, centralPort, centralDir);
      centralUrl = `http://127.0.0.1:${centralPort}`;
    }
    const admin = connectCentral(url);
    try {
      for (let i = 0; i < opts.kiosks; i++) {
        const dir = path.join(root, `kiosk-${i}`);
        let target = url;
        const name = `Load kiosk ${i}`;
        if (via === 'central') {
          const credentialDir = path.join(root, `credentials-${i}`);
          const made = await addKiosk(admin.pool, { name, site: 'Load Site' }, 'load', new Date());
          await enrollDataFolder(loadConfig({}, { dataDir: dir, credentialDir, demo: 'off' }), new URL(centralUrl), made.code);
          target = `central:${credentialDir}`;
        }
        kiosks.push(await spawnKiosk({ dir, acked: new Set(), target, name }, target, opts.ratePerKiosk));
      }
    } finally {
      await admin.close();
    }
    log({ phase: 'punching', kiosks: kiosks.length });
    const started = Date.now();
    const endAt = started + opts.seconds * 1000;
    // Faults, spread over the run: a central restart at 30% and 65%, a kiosk kill at 45% and
    // 80%, connection kills every 10% of the run.
    const plan: { at: number; run: () => Promise<void> }[] = [];
    if (opts.faults) {
      if (via === 'central') {
        // Central crashes (SIGKILL) and is stopped cleanly (SIGTERM), each time started again on its port.
        for (const [f, signal] of [
          [0.25, 'SIGKILL'],
          [0.6, 'SIGTERM'],
        ] as const) {
          plan.push({
            at: f,
            run: async () => {
              await stopChild(centralChild!, signal);
              await sleep(Math.min(3000, opts.seconds * 20));
              centralChild = await spawnCentral(url, centralPort, centralDir);
              faults.central_server_restarts++;
            },
          });
        }
        // An admin revokes a kiosk mid-run: what it takes from then on stays on it, and in quarantine.
        plan.push({
          at: 0.7,
          run: async () => {
            const victim = kiosks[kiosks.length - 1]!;
            const c = connectCentral(url);
            try {
              await revokeKiosk(c.pool, victim.name!, 'load', new Date());
            } finally {
              await c.close();
            }
            revoked.set(victim.name!, Date.now());
            faults.kiosks_revoked++;
          },
        });
      }
      for (const f of via === 'central' ? [0.4] : [0.3, 0.65]) {
        if (!server) break;
        plan.push({
          at: f,
          run: async () => {
            await server!.stop();
            await sleep(Math.min(5000, opts.seconds * 30));
            server = await startEmbeddedCentral(path.join(root, 'central'), pgLog);
            faults.database_restarts++;
          },
        });
      }
      // Central read-only for a while (a standby after failover): every kiosk's punches wait.
      plan.push({ at: 0.15, run: async () => readOnlyPhase(url, Math.min(4000, opts.seconds * 25)).then(() => void faults.read_only_phases++) });
      // One kiosk's SQLite held by another process longer than the busy timeout (a large import).
      plan.push({
        at: 0.5,
        run: async () => {
          const victim = kiosks[Math.floor(Math.random() * kiosks.length)]!;
          await holdWriteLock(path.join(victim.dir, LOCAL_DB_FILE), Math.min(8000, opts.seconds * 50));
          faults.locked_database_phases++;
        },
      });
      for (const f of [0.45, 0.8]) {
        plan.push({
          at: f,
          run: async () => {
            // Not the kiosk that is revoked at 70 %: its restart would wait for nothing.
            const victim = kiosks[Math.floor(Math.random() * Math.max(1, kiosks.length - 1))]!;
            victim.child.removeAllListeners('exit');
            victim.child.kill('SIGKILL');
            await new Promise((r) => victim.child.once('exit', r));
            faults.kiosk_kills++;
            const again = await spawnKiosk({ dir: victim.dir, acked: victim.acked }, victim.target ?? url, opts.ratePerKiosk);
            victim.child = again.child;
          },
        });
      }
      for (let f = 0.1; f < 0.95; f += 0.1) {
        plan.push({
          at: f,
          run: async () => {
            const c = new pg.Client({ connectionString: url });
            c.on('error', () => undefined);
            try {
              await c.connect();
              const r = await c.query<{ n: string }>(
                "SELECT count(pg_terminate_backend(pid))::text AS n FROM pg_stat_activity WHERE application_name = 'frontdesk' AND datname = current_database() AND pid <> pg_backend_pid()",
              );
              faults.connection_kills += Number(r.rows[0]?.n ?? 0);
            } catch {
              /* central may be down at this moment */
            } finally {
              await c.end().catch(() => undefined);
            }
          },
        });
      }
      plan.sort((a, b) => a.at - b.at);
    }
    for (const step of plan) {
      const at = started + step.at * opts.seconds * 1000;
      if (at > Date.now()) await sleep(at - Date.now());
      await step.run();
      log({ phase: 'fault', at: Math.round((Date.now() - started) / 1000), faults });
    }
    if (endAt > Date.now()) await sleep(endAt - Date.now());

    log({ phase: 'draining' });
    await Promise.all(
      kiosks.map(
        (k) =>
          new Promise<void>((resolve) => {
            k.child.removeAllListeners('exit');
            k.child.once('exit', () => resolve());
            k.child.kill('SIGTERM');
          }),
      ),
    );

    const acked = new Set<string>();
    const local = new Set<string>();
    const keptOnRevoked = new Set<string>();
    for (const k of kiosks) {
      for (const id of k.acked) acked.add(id);
      const db = new Database(path.join(k.dir, LOCAL_DB_FILE), { readonly: true });
      if (k.name !== undefined && revoked.has(k.name)) {
        for (const r of db.prepare('SELECT punch_id AS id FROM outbox').all() as { id: string }[]) keptOnRevoked.add(r.id);
      }
      for (const r of db.prepare('SELECT id FROM punches WHERE id NOT IN (SELECT punch_id FROM sync_rejects)').all() as { id: string }[])
        local.add(r.id);
      db.close();
    }
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const central = new Set((await c.query<{ id: string }>('SELECT id::text AS id FROM punches')).rows.map((r) => r.id));
    const quarantine = new Set(
      via === 'central' ? (await c.query<{ id: string }>('SELECT punch_id::text AS id FROM sync_quarantine')).rows.map((r) => r.id) : [],
    );
    const totals = (
      await c.query<{ n: string; distinct_ids: string; p50: number | null; p95: number | null }>(
        `SELECT count(*)::text AS n, count(DISTINCT id)::text AS distinct_ids,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - created_at) * 1000) AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM received_at - created_at) * 1000) AS p95
         FROM punches`,
      )
    ).rows[0]!;
    await c.end();
    return {
      kiosks: opts.kiosks,
      rate_per_kiosk: opts.ratePerKiosk,
      seconds: opts.seconds,
      acknowledged: acked.size,
      in_central: central.size,
      // Quarantined punches are not lost: they wait on their kiosk and in Central's quarantine for an admin.
      lost:
        [...acked].filter((id) => !central.has(id) && !quarantine.has(id) && !keptOnRevoked.has(id)).length +
        [...local].filter((id) => !central.has(id) && !acked.has(id) && !quarantine.has(id) && !keptOnRevoked.has(id)).length,
      via,
      quarantined: [...acked].filter((id) => quarantine.has(id) && !central.has(id)).length,
      held_on_revoked_kiosk: [...acked].filter((id) => keptOnRevoked.has(id) && !central.has(id)).length,
      duplicated: Number(totals.n) - Number(totals.distinct_ids),
      unexpected_in_central: [...central].filter((id) => !local.has(id)).length,
      p50_tap_to_central_ms: Math.round(totals.p50 ?? NaN),
      p95_tap_to_central_ms: Math.round(totals.p95 ?? NaN),
      faults,
    };
  } finally {
    for (const k of kiosks) if (k.child.exitCode === null) k.child.kill('SIGKILL');
    if (centralChild) await stopChild(centralChild, 'SIGTERM');
    await server?.stop();
    removeEmbeddedCluster(path.join(root, 'central'));
    rmSync(root, { recursive: true, force: true });
  }
}
