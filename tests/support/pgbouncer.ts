// A real PgBouncer (Debian's `pgbouncer`) in transaction-pooling mode in front of the test
// PostgreSQL, as the pooled endpoints of managed hosts run it: each transaction may land on any
// server connection, and startup parameters it does not know are refused.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../src-main/free-port.js';

export interface PgBouncer {
  /** The URL of `database` through the pooler. */
  url(database: string): string;
  /** The pooler's admin console, for SHOW POOLS. */
  adminUrl: string;
  stop(): Promise<void>;
}

export const PGBOUNCER = '/usr/sbin/pgbouncer';

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const until = Date.now() + 10_000;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited (${child.exitCode}): ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => {
        s.end();
        resolve(true);
      });
      s.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`pgbouncer did not listen on ${port}: ${log()}`);
}

/**
 * Starts PgBouncer for the server of `serverUrl` (its user and password). PgBouncer will not run
 * as root, so as root it runs as the `postgres` user the Debian package creates.
 */
export async function startPgBouncer(serverUrl: string, opts: { poolSize?: number } = {}): Promise<PgBouncer> {
  const server = new URL(serverUrl);
  const user = decodeURIComponent(server.username);
  const password = decodeURIComponent(server.password);
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-pgbouncer-'));
  const asRoot = process.getuid?.() === 0;
  const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
  writeFileSync(path.join(dir, 'users.txt'), `${quote(user)} ${quote(password)}\n${quote('pgbouncer')} ${quote('pgbouncer')}\n`);
  writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432} user=${user} password=${password}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      `unix_socket_dir =`,
      'auth_type = plain',
      `auth_file = ${path.join(dir, 'users.txt')}`,
      'pool_mode = transaction',
      `default_pool_size = ${opts.poolSize ?? 4}`,
      'max_client_conn = 500',
      'admin_users = pgbouncer',
      'ignore_startup_parameters = extra_float_digits',
      `logfile = ${path.join(dir, 'pgbouncer.log')}`,
      '',
    ].join('\n'),
  );
  if (asRoot) {
    const pw = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gw = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    const uid = Number(pw.stdout.trim());
    const gid = Number(gw.stdout.trim());
    chownSync(dir, uid, gid);
    for (const f of ['users.txt', 'pgbouncer.ini']) chownSync(path.join(dir, f), uid, gid);
  }
  chmodSync(dir, 0o700);
  const args = [path.join(dir, 'pgbouncer.ini')];
  const child = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', PGBOUNCER, ...args], { stdio: 'pipe' })
    : spawn(PGBOUNCER, args, { stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  await waitForPort(port, child, () => output);
  const url = (database: string): string => {
    const u = new URL(serverUrl);
    u.port = String(port);
    u.hostname = '127.0.0.1';
    u.pathname = `/${database}`;
    return u.toString();
  };
  return {
    url,
    adminUrl: `postgres://pgbouncer:pgbouncer@127.0.0.1:${port}/pgbouncer`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
