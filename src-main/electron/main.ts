// The Electron shell: one instance, hardened sessions, the core app, the IPC binding and the
// kiosk window. Everything else lives in the core, shared with the web host.
import { app, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { createApp, type App } from '../app.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../log.js';
import { bindIpc, EVENT_CHANNEL, forwardEvents } from '../rpc/ipc.js';
import { hardenSessions } from './security.js';
import { keychainCodec } from './secret-codec.js';
import { createKioskWindow } from './windows.js';

const log = createLogger('electron');

async function start(): Promise<void> {
  hardenSessions();
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
  core.events.on('kiosk.exited', () => setTimeout(() => app.quit(), 1500));
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void core.close().finally(() => {
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
