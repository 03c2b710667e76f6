// Builds the app for one CLI command from the global flags, and tells the user the demo
// credentials the one time they are created.
import { createApp, type App } from '../app.js';
import { loadConfig, type ConfigOverrides } from '../config.js';
import type { KioskInfo } from '../../shared/contract/kiosk.js';
import type { GlobalFlags } from './args.js';
import { table, type Out } from './output.js';
import path from 'node:path';

export async function openApp(globals: GlobalFlags, out: Out, host: KioskInfo['host'] = 'cli', overrides: ConfigOverrides = {}): Promise<App> {
  const config = loadConfig(process.env, {
    ...overrides,
    ...(globals.data ? { dataDir: path.resolve(globals.data) } : {}),
    ...(globals.noDemo ? { demo: 'off' as const } : globals.demo ? { demo: 'on' as const } : {}),
  });
  const app = await createApp({ config, host });
  if (app.demoSeeded) {
    out.note(
      `First run: created demo data in ${config.dataDir}. Demo employees (shown once; also in the README):\n` +
        table(
          app.demoSeeded.map((e) => ({ code: e.code, name: e.name, team: e.team, pin: e.pin, badge: e.badge, manager: e.isManager ? 'yes' : '' })),
          ['code', 'name', 'team', 'pin', 'badge', 'manager'],
        ),
    );
  }
  return app;
}

/** Opens the app for one command, runs it, and always closes the app (and any central it started). */
export async function withApp<T>(globals: GlobalFlags, out: Out, run: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(globals, out);
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}
