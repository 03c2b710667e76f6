// Security defaults shared by both hosts, kept free of Electron so tests can check them:
// the content security policy, HTTP hardening headers, the renderer's web preferences and the
// rule that the app never navigates away from its own pages.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Electron BrowserWindow webPreferences for every window. */
export const RENDERER_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
} as const;

/** The app only ever shows its own pages: any other URL is refused. */
export function isAllowedNavigation(target: string, appOrigin: string): boolean {
  try {
    const url = new URL(target);
    const app = new URL(appOrigin);
    if (app.protocol === 'file:') return url.protocol === 'file:' && url.pathname.startsWith(path(app.pathname));
    return url.origin === app.origin;
  } catch {
    return false;
  }
}

function path(p: string): string {
  return p.endsWith('/') ? p : p.slice(0, p.lastIndexOf('/') + 1);
}
