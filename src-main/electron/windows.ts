import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow } from 'electron';
import { rendererDir } from '../paths.js';
import { RENDERER_WEB_PREFERENCES } from '../security/policy.js';

/** Kiosk mode (full screen, no menu, no devtools) in packaged builds or with FRONTDESK_KIOSK=1. */
export function createKioskWindow(kiosk: boolean): BrowserWindow {
  const preload = path.join(path.dirname(fileURLToPath(import.meta.url)), 'preload.cjs');
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#eef1f5',
    title: 'Frontdesk',
    webPreferences: { ...RENDERER_WEB_PREFERENCES, preload, devTools: !kiosk },
  });
  if (kiosk) win.removeMenu();
  win.once('ready-to-show', () => win.show());
  void win.loadFile(path.join(rendererDir(), 'index.html'));
  return win;
}

/**
 * The manager desktop: Frontdesk Central's console in an ordinary window, with no preload
 * (the page talks to Central over HTTPS like any browser) and no kiosk lock.
 */
export function createManagerDesktopWindow(url: URL): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#eef1f5',
    title: `Frontdesk Central — ${url.host}`,
    webPreferences: { ...RENDERER_WEB_PREFERENCES },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(url.toString());
  return win;
}
