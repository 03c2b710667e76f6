// The zero-setup Central: `frontdesk serve` with no DATABASE_URL also serves the manager
// console and the REST API from the kiosk's built-in database, on its own port. The first time
// it finds no admin it makes the demo admin `admin` with a random password, which the caller
// prints once. It never runs beside a real central (DATABASE_URL set), and a busy port leaves
// the kiosk working without it.
import { randomBytes } from 'node:crypto';
import { call } from '../rpc/dispatch.js';
import { CLI_ADMIN } from '../services/accounts/actor.js';
import { countActiveAdmins } from '../services/accounts/users.js';
import type { Logger } from '../log.js';
import type { CentralSource } from '../services/sync/central-source.js';
import { createCentralApp } from './central-app.js';
import { loadCentralConfig } from './config.js';
import { startCentralServer, type CentralServer } from './server.js';

export const DEMO_ADMIN = 'admin';

export interface BuiltInCentral {
  url: string;
  /** Set when this start made the demo admin: its password, to be shown once. */
  demoAdminPassword: string | null;
  close(): Promise<void>;
}

export async function startBuiltInCentral(opts: {
  source: CentralSource;
  dataDir: string;
  host: string;
  port: number;
  log: Logger;
}): Promise<BuiltInCentral | null> {
  const config = loadCentralConfig(process.env, { host: opts.host, port: opts.port, dataDir: opts.dataDir });
  const app = await createCentralApp(config, { source: opts.source });
  let server: CentralServer;
  try {
    server = await startCentralServer(app);
  } catch (err) {
    await app.close();
    opts.log.warn('the built-in Central did not start; the kiosk runs without it', { error: String(err), port: opts.port });
    return null;
  }
  let demoAdminPassword: string | null = null;
  if ((await countActiveAdmins(await app.pool())) === 0) {
    const password = randomBytes(12).toString('base64url');
    try {
      await call(app.dispatch, 'users.add', { username: DEMO_ADMIN, password, role: 'admin' }, { origin: 'cli', actor: CLI_ADMIN });
      demoAdminPassword = password;
    } catch (err) {
      // An `admin` account that is deactivated, say: the console then needs `frontdesk central init`.
      opts.log.warn('no admin could be made for the built-in Central', { error: String(err) });
    }
  }
  return {
    url: server.publicUrl.toString(),
    demoAdminPassword,
    close: async () => {
      await server.close();
      await app.close();
    },
  };
}
