// The manager desktop mode of the Electron app: `FRONTDESK_CENTRAL_URL` names a Frontdesk
// Central, and the app opens its console instead of the kiosk. Kept free of Electron so the
// rule is tested: http(s) only, no credentials in the URL, and plain http only to this machine
// (a password typed into a console over the network needs TLS).
export type CentralUrlCheck = { ok: true; url: URL } | { ok: false; message: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function checkCentralUrl(text: string, name = 'FRONTDESK_CENTRAL_URL'): CentralUrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, message: `${name} is not a URL: ${JSON.stringify(text.slice(0, 200))}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: `${name} must start with https:// (it starts with ${url.protocol}//)` };
  }
  if (url.username || url.password) return { ok: false, message: `${name} must not carry a username or password` };
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, message: `${name} must use https:// for ${url.hostname}: a password would cross the network in clear` };
  }
  return { ok: true, url };
}
