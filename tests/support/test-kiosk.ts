// A kiosk enrolled with a test Central: a fresh data folder and credential folder, enrolled with
// a code an admin made, then opened as the enrolled kiosk (sync through Central's HTTP API).
import { rmSync } from 'node:fs';
import { createApp } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';
import type { SyncOptions } from '../../src-main/services/sync/engine.js';
import { credentialFileFor } from '../../src-main/services/sync/device-credential.js';
import { enrollDataFolder } from '../../src-main/services/sync/enroll-folder.js';
import type { SyncProtocol } from '../../shared/contract/sync-api.js';
import type { Method, MethodOutput } from '../../shared/contract/index.js';
import type { App } from '../../src-main/app.js';
import type { TestCentral } from './test-central.js';
import { tempDir, testClock, type TestClock } from './test-app.js';

export interface TestKiosk {
  app: App;
  clock: TestClock;
  dataDir: string;
  credentialDir: string;
  credentialFile: string;
  code: string;
  kioskId: string;
  call<M extends Method>(method: M, input: unknown): Promise<MethodOutput<M>>;
  reopen(opts?: { protocol?: SyncProtocol }): Promise<TestKiosk>;
  dispose(): Promise<void>;
}

export interface KioskOptions {
  site: string;
  name?: string;
  clock?: TestClock;
  sync?: Partial<SyncOptions>;
  protocol?: SyncProtocol;
}

let made = 0;

async function open(
  paths: { dataDir: string; credentialDir: string },
  meta: { code: string; kioskId: string },
  clock: TestClock,
  opts: Omit<KioskOptions, 'site' | 'name'>,
): Promise<TestKiosk> {
  const config = loadConfig({}, { ...paths, demo: 'off', tz: 'Asia/Kolkata' });
  const app = await createApp({
    config,
    host: 'test',
    clock,
    ...(opts.sync ? { sync: opts.sync } : {}),
    ...(opts.protocol ? { protocol: opts.protocol } : {}),
  });
  return {
    app,
    clock,
    ...paths,
    ...meta,
    credentialFile: credentialFileFor(paths.credentialDir, paths.dataDir),
    call: (method, input) => call(app.dispatch, method, input, { origin: 'test' }),
    async reopen(next = {}) {
      await app.close();
      return open(paths, meta, clock, { ...opts, ...next });
    },
    async dispose() {
      await app.close();
      rmSync(paths.dataDir, { recursive: true, force: true });
      rmSync(paths.credentialDir, { recursive: true, force: true });
    },
  };
}

/** Adds a kiosk on Central for a site, enrolls a new data folder with its code, and opens it. */
export async function enrollTestKiosk(central: TestCentral, opts: KioskOptions): Promise<TestKiosk> {
  const clock = opts.clock ?? testClock(central.clock.now());
  const added = await central.admin('kiosks.add', { name: opts.name ?? `Kiosk ${++made}`, site: opts.site });
  const paths = { dataDir: tempDir('frontdesk-kiosk-'), credentialDir: tempDir('frontdesk-cred-') };
  const config = loadConfig({}, { ...paths, demo: 'off', tz: 'Asia/Kolkata' });
  await enrollDataFolder(config, new URL(central.url), added.code);
  const kiosk = await open(paths, { code: added.code, kioskId: added.kiosk.id }, clock, opts);
  // As `frontdesk enroll` does: the first sync brings the site's roster.
  await kiosk.call('sync.now', {});
  return kiosk;
}
