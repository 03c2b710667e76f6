// One host per data folder. Two hosts (two `frontdesk serve`, or the Electron app and a web
// host) on one folder would each run a sync engine and a tap screen over the same punches; the
// second is refused with a clear message. The lock is an exclusive lock on a small SQLite file
// in the folder, held for the life of the process, so the operating system releases it when
// the process dies, even by SIGKILL: a crashed host never leaves a stale lock behind.
// Commands (punch, import, report) still run beside a host; SQLite serialises their writes.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

export const HOST_LOCK_FILE = 'host.lock';
const HOST_INFO_FILE = 'host.json';

const HostInfoSchema = z.object({ pid: z.number().int(), host: z.string(), startedAt: z.string() });

export interface HostLock {
  release(): void;
}

function describeHolder(dataDir: string): string {
  try {
    const info = HostInfoSchema.parse(JSON.parse(readFileSync(path.join(dataDir, HOST_INFO_FILE), 'utf8')));
    return `the ${info.host === 'electron' ? 'Frontdesk app' : `Frontdesk ${info.host} host`} (process ${info.pid}, started ${info.startedAt})`;
  } catch {
    return 'another Frontdesk process';
  }
}

export function acquireHostLock(dataDir: string, host: string, now: Date = new Date()): HostLock {
  const db = new Database(path.join(dataDir, HOST_LOCK_FILE));
  try {
    db.pragma('busy_timeout = 0');
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    db.close();
    if ((err as { code?: unknown }).code !== 'SQLITE_BUSY') throw err;
    throw new AppError(
      'CONFLICT',
      `This data folder (${dataDir}) is already served by ${describeHolder(dataDir)}. Stop that one first, or give this one a folder of its own with --data.`,
    );
  }
  if (host !== 'probe') {
    writeFileSync(path.join(dataDir, HOST_INFO_FILE), JSON.stringify({ pid: process.pid, host, startedAt: now.toISOString() }) + '\n', {
      mode: 0o600,
    });
  }
  return {
    release: () => {
      if (db.open) db.close();
    },
  };
}

/** Whether a host serves this folder now (a command beside it then leaves the host's own duties to it). */
export function hostIsRunning(dataDir: string): boolean {
  let held: HostLock;
  try {
    held = acquireHostLock(dataDir, 'probe');
  } catch (err) {
    if (err instanceof AppError && err.code === 'CONFLICT') return true;
    return false;
  }
  held.release();
  return false;
}
