// Builds a real app for a test: a fresh data folder, the real migrations, a controllable clock.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src-main/app.js';
import { loadConfig, type ConfigOverrides } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';
import type { SyncOptions } from '../../src-main/services/sync/engine.js';
import type { Method, MethodOutput } from '../../shared/contract/index.js';
import type { Envelope } from '../../shared/contract/index.js';

export const NO_CENTRAL = 'postgres://frontdesk:none@127.0.0.1:9/none';

export interface TestClock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function testClock(start = Date.parse('2026-11-20T04:00:00Z')): TestClock {
  let t = start;
  return { now: () => t, set: (ms) => (t = ms), advance: (ms) => (t += ms) };
}

export function tempDir(prefix = 'frontdesk-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestApp {
  app: App;
  clock: TestClock;
  dataDir: string;
  /** Trusted call (as the CLI); throws AppError on a refusal. */
  call<M extends Method>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /** Raw call as a given origin; returns the envelope. */
  raw(method: unknown, input: unknown, origin?: 'http' | 'ipc' | 'cli' | 'test'): Promise<Envelope<unknown>>;
  reopen(): Promise<TestApp>;
  dispose(): Promise<void>;
}

export async function makeTestApp(
  opts: { demo?: boolean; clock?: TestClock; dataDir?: string; config?: ConfigOverrides; sync?: Partial<SyncOptions> } = {},
): Promise<TestApp> {
  const clock = opts.clock ?? testClock();
  const dataDir = opts.dataDir ?? tempDir();
  // Unless a test names a central, central is a closed port: no test starts an embedded server by accident.
  const config = loadConfig({}, { dataDir, demo: opts.demo ?? false, tz: 'Asia/Kolkata', databaseUrl: NO_CENTRAL, ...opts.config });
  const app = await createApp({ config, host: 'test', clock, ...(opts.sync ? { sync: opts.sync } : {}) });
  const t: TestApp = {
    app,
    clock,
    dataDir,
    call: (method, input) => call(app.dispatch, method, input, { origin: 'test' }),
    raw: (method, input, origin = 'test') => app.dispatch(method, input, { origin }),
    async reopen() {
      await app.close();
      return makeTestApp({ ...opts, clock, dataDir });
    },
    async dispose() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

export async function addStaff(t: TestApp, code: string, pin = '1234', extra: Record<string, unknown> = {}) {
  return t.call('employees.add', { code, name: `Employee ${code}`, pin, ...('team' in extra ? { newTeam: true } : {}), ...extra });
}

/** Identify with code + PIN and punch; returns the receipt. */
export async function punch(t: TestApp, code: string, kind: 'IN' | 'OUT', pin = '1234') {
  const who = await t.call('kiosk.identify', { method: 'pin', code, pin });
  return t.call('punches.record', { ticket: who.ticket, kind });
}
