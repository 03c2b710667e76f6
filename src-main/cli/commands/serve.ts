import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { rendererDir } from '../../paths.js';
import { DEMO_ADMIN, startBuiltInCentral } from '../../central/built-in.js';
import { createLogger } from '../../log.js';
import { startWebHost } from '../../rpc/http.js';
import { parseCommand } from '../args.js';
import { openApp } from '../context.js';
import { createOut, UsageError } from '../output.js';

/** The built-in Central's port in the zero-setup mode (a real Central defaults to 8080). */
const BUILT_IN_CENTRAL_PORT = 4311;
const log = createLogger('serve');

export const serveCommand = {
  usage: 'serve [--host 127.0.0.1] [--port 4310] [--token-file FILE] [--central-port 4311 | --no-central]',
  summary: 'run the web host: the kiosk in any browser on this machine (and, with no DATABASE_URL, the built-in Central)',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, {
      host: { type: 'string' },
      port: { type: 'string' },
      token: { type: 'string' },
      'token-file': { type: 'string' },
      'central-port': { type: 'string' },
      'no-central': { type: 'boolean', default: false },
    });
    // A token on the command line is visible to every user in the process list.
    if (values.token !== undefined) {
      throw new UsageError(
        '--token would show the session token in the process list; set FRONTDESK_TOKEN or put it in a file given with --token-file',
      );
    }
    const tokenFromFile = values['token-file'] === undefined ? undefined : readTokenFile(values['token-file']);
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port must be 0 to 65535');
    const centralPort = values['central-port'] === undefined ? (port === 0 ? 0 : BUILT_IN_CENTRAL_PORT) : Number(values['central-port']);
    if (!(Number.isInteger(centralPort) && centralPort >= 0 && centralPort <= 65535)) throw new UsageError('--central-port must be 0 to 65535');
    const out = createOut(globals.json);
    let stopping = false;
    let wake: (() => void) | undefined;
    const stop = (): void => {
      stopping = true;
      wake?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    // Enrolling from the kiosk's screen starts the host again, on the same address, syncing through Central.
    let listenPort = port;
    for (let first = true; ; first = false) {
      const app = await openApp(globals, out, 'web', { host: values.host, port: listenPort, token: tokenFromFile });
      const token = app.config.token ?? kioskToken(app.config.dataDir);
      const host = await startWebHost({
        dispatch: app.dispatch,
        events: app.events,
        staticDir: rendererDir(),
        token,
        host: app.config.host,
        port: app.config.port,
      });
      listenPort = Number(new URL(host.url).port);
      app.start();
      // Zero-setup: with the built-in database (no DATABASE_URL), the built-in Central too.
      const central =
        app.config.databaseUrl === undefined && app.link.kind !== 'central' && values['no-central'] !== true
          ? await startBuiltInCentral({
              source: app.central,
              dataDir: app.config.dataDir,
              host: app.config.host,
              port: centralPort,
              log: createLogger('central'),
            })
          : null;
      if (first) {
        const consoleLines = !central
          ? ''
          : `\nManager console (Frontdesk Central): ${central.url}` +
            (central.demoAdminPassword
              ? `\n  sign in as ${DEMO_ADMIN} with the password ${central.demoAdminPassword} (shown only this once; change it under Password)`
              : '');
        out.result(
          {
            url: host.url,
            openUrl: host.openUrl,
            dataDir: app.config.dataDir,
            pid: process.pid,
            central: central
              ? {
                  url: central.url,
                  ...(central.demoAdminPassword ? { demoAdmin: { username: DEMO_ADMIN, password: central.demoAdminPassword } } : {}),
                }
              : null,
          },
          () =>
            `Frontdesk kiosk is ready. Open this link in a browser on this machine:\n  ${host.openUrl}${consoleLines}\nData folder: ${app.config.dataDir}\nPress Ctrl+C to stop.`,
        );
      } else {
        log.info('the kiosk started again', { url: host.url, central: app.deps.kiosk.central?.url ?? null });
      }
      let restart = false;
      const offEnrolled = app.events.on('kiosk.enrolled', () => {
        restart = true;
        wake?.();
      });
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (stopping) resolve();
      });
      offEnrolled();
      await central?.close();
      await host.close();
      await app.close();
      if (stopping || !restart) break;
    }
    return 0;
  },
};

function readTokenFile(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (err) {
    throw new UsageError(`cannot read the token file ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
}

const TOKEN_FILE = 'web-token';

/**
 * The web host's session token, kept in the data folder (0600) so that a kiosk page left open in
 * a browser keeps working when the host restarts. Made once, on the first serve.
 */
function kioskToken(dataDir: string): string {
  const file = path.join(dataDir, TOKEN_FILE);
  if (existsSync(file)) {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept.length >= 16) return kept;
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(file, token + '\n', { mode: 0o600 });
  return token;
}
