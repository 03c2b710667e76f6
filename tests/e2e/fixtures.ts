// E2E fixtures: each test gets its own web host (`frontdesk serve`) on a fresh data folder with
// the demo roster, and a KioskPage driving it in Debian's Chromium.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { test as base } from '@playwright/test';
import { createTestDatabase } from '../support/test-postgres.js';
import { KioskPage } from './pages/kiosk-page.js';

export interface Server {
  url: string;
  openUrl: string;
  dataDir: string;
  /** The server's central database. */
  databaseUrl: string;
  process: ChildProcess;
  /** Everything the server wrote on stderr (its JSON log lines). */
  stderr(): string;
}

/** A data folder with the demo data made (into an empty test central), nothing synced yet. */
export async function demoDataFolder(): Promise<string> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-e2e-'));
  const databaseUrl = await createTestDatabase('e2e');
  await promisify(execFile)(process.execPath, ['bin/frontdesk.js', 'status', '--demo', '--data', dataDir], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  return dataDir;
}

/** A web host on a fresh data folder, syncing to a fresh database on the test PostgreSQL. */
export async function startServer(extraArgs: string[] = [], env: Record<string, string> = {}, existingDataDir?: string): Promise<Server> {
  const dataDir = existingDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'frontdesk-e2e-'));
  const databaseUrl = env.DATABASE_URL ?? (await createTestDatabase('e2e'));
  // A fresh test database is an empty central: the demo data is asked for explicitly.
  const child = spawn(
    process.execPath,
    ['bin/frontdesk.js', 'serve', '--data', dataDir, '--port', '0', '--json', ...(env.DATABASE_URL ? [] : ['--demo']), ...extraArgs],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      // The web host syncs straight to its test database, as before Central (kiosks through Central: central.spec.ts).
      env: { ...process.env, FRONTDESK_LOG_LEVEL: 'warn', FRONTDESK_DIRECT_SYNC: '1', ...env, DATABASE_URL: databaseUrl },
    },
  );
  let out = '';
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const info = await new Promise<{ url: string; openUrl: string }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve(JSON.parse(out) as { url: string; openUrl: string });
      } catch {
        /* not complete yet */
      }
    });
    child.once('exit', (code) => reject(new Error(`frontdesk serve exited with ${code}`)));
  });
  return { ...info, dataDir, databaseUrl, process: child, stderr: () => err };
}

export async function stopServer(server: Server, opts: { keepData?: boolean } = {}): Promise<void> {
  const running = server.process.exitCode === null && server.process.signalCode === null;
  if (running) {
    const exited = new Promise((resolve) => server.process.once('exit', resolve));
    server.process.kill('SIGTERM');
    await exited;
  }
  if (!opts.keepData) rmSync(server.dataDir, { recursive: true, force: true });
  // No promise rejection may go unhandled in the host, whatever the test did to it.
  const unhandled = server
    .stderr()
    .split('\n')
    .find((l) => l.includes('"msg":"unhandled promise rejection"'));
  if (unhandled) throw new Error(`the web host had an unhandled promise rejection: ${unhandled}`);
}

export const test = base.extend<{ server: Server; kiosk: KioskPage }>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startServer();
    await use(server);
    await stopServer(server);
  },
  kiosk: async ({ page, server }, use) => {
    const kiosk = new KioskPage(page, server.openUrl);
    await kiosk.open();
    await use(kiosk);
  },
});

export { expect } from '@playwright/test';
