// The Electron shell: one instance, hardened sessions, the core app, the IPC binding and the
// kiosk window. Everything else lives in the core, shared with the web host.
import { app, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { DEMO_ADMIN, startBuiltInCentral } from '../central/built-in.js';
import { createLogger } from '../log.js';
import { bindIpc, EVENT_CHANNEL, forwardEvents } from '../rpc/ipc.js';
import { hardenSessions } from './security.js';
import { keychainCodec } from './secret-codec.js';
import { checkCentralUrl } from '../security/central-url.js';
import { createKioskWindow, createManagerDesktopWindow } from './windows.js';

const log = createLogger('electron');

async function start(): Promise<void> {
  hardenSessions();
  // Manager desktop mode: a Central's console, and no kiosk on this machine.
  const centralUrl = process.env.FRONTDESK_CENTRAL_URL;
  if (centralUrl) {
    const checked = checkCentralUrl(centralUrl);
    if (!checked.ok) {
      dialog.showErrorBox('Frontdesk', checked.message);
      app.quit();
      return;
    }
    createManagerDesktopWindow(checked.url);
    return;
  }
  const config = loadConfig(process.env, { dataDir: process.env.FRONTDESK_DATA || app.getPath('userData') });
  const core: App = await createApp({ config, host: 'electron', secretCodec: keychainCodec(log) });
  const kiosk = app.isPackaged || process.env.FRONTDESK_KIOSK === '1';
  const win = createKioskWindow(kiosk);
  const isAppWindow = (event: IpcMainInvokeEvent): boolean => event.sender === win.webContents;
  bindIpc(ipcMain, core.dispatch, isAppWindow);
  forwardEvents(core.events, (name, payload) => {
    if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, name, payload);
  });
  core.start();
  // Zero-setup: with the built-in database, the built-in Central serves the console too.
  const central =
    config.databaseUrl === undefined && core.link.kind !== 'central'
      ? await startBuiltInCentral({ source: core.central, dataDir: config.dataDir, host: '127.0.0.1', port: 4311, log })
      : null;
  if (central?.demoAdminPassword)
    process.stdout.write(`Manager console: ${central.url} — sign in as ${DEMO_ADMIN} with ${central.demoAdminPassword} (shown once)\n`);
  core.events.on('kiosk.exited', () => setTimeout(() => app.quit(), 1500));
  // Enrolled from the screen: start again, syncing through Frontdesk Central.
  core.events.on('kiosk.enrolled', () => {
    app.relaunch();
    setTimeout(() => app.quit(), 1500);
  });
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void (central?.close() ?? Promise.resolve())
      .then(() => core.close())
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (err: unknown) => log.error('start failed', { error: String(err) }));
}
