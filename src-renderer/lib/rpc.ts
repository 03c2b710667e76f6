// The renderer's one way to reach the app: `invoke(method, input)` over Electron IPC when the
// preload bridge is present; over HTTP to the kiosk's web host with its session token; or, as
// Frontdesk Central's console, over HTTP with the account's session cookie and CSRF token.
// Always resolves to an envelope; a host that does not answer becomes an UNAVAILABLE error.
import type { SessionInfo } from '../../shared/contract/accounts.js';
import type { Envelope, Method, MethodInput, MethodOutput } from '../../shared/contract/index.js';
import type { EventName, EventPayload } from '../../shared/contract/events.js';

interface Bridge {
  invoke(method: string, input: unknown, managerToken?: string): Promise<Envelope<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}

declare global {
  interface Window {
    frontdesk?: Bridge;
  }
}

const TOKEN_KEY = 'frontdesk.token';

function sessionToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]));
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

const token = window.frontdesk ? null : sessionToken();

export const hasSession = (): boolean => window.frontdesk !== undefined || token !== null;

/** The manager sign-in, kept in memory only: a reload or a restart signs the manager out. */
let managerToken: string | undefined;
export const setManagerToken = (next: string | undefined): void => {
  managerToken = next;
};

/** Set once the page knows it is served by Central; the CSRF token of the signed-in session. */
let central: { csrf: string | null } | null = null;
let onSessionEnded: (() => void) | null = null;

export const isCentral = (): boolean => central !== null;

const UNAVAILABLE_CENTRAL = {
  ok: false,
  error: { code: 'UNAVAILABLE', message: 'Frontdesk Central is not answering. Try again in a moment.' },
} as const;

async function centralCall<T>(path: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<Envelope<T>> {
  try {
    const res = await fetch(path, {
      method: init.method,
      credentials: 'same-origin',
      headers: {
        ...(init.method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
        ...(central?.csrf ? { 'X-CSRF-Token': central.csrf } : {}),
      },
      ...(init.method === 'POST' ? { body: JSON.stringify(init.body ?? {}) } : {}),
    });
    const envelope = (await res.json()) as Envelope<T>;
    if (res.status === 401 && path.startsWith('./rpc/')) onSessionEnded?.();
    return envelope;
  } catch {
    return UNAVAILABLE_CENTRAL;
  }
}

/**
 * Whether this page is Central's console: Central answers `./auth/session` with an envelope
 * (the signed-in account, or UNAUTHORIZED). Resolves to the session, null when signed out, or
 * 'not-central' for any other host.
 */
export async function probeCentral(): Promise<SessionInfo | null | 'not-central'> {
  if (window.frontdesk || token !== null) return 'not-central';
  try {
    const res = await fetch('./auth/session', { credentials: 'same-origin' });
    const body = (await res.json()) as Envelope<SessionInfo>;
    if (typeof body !== 'object' || body === null || !('ok' in body)) return 'not-central';
    central = { csrf: body.ok ? body.value.csrfToken : null };
    return body.ok ? body.value : null;
  } catch {
    return 'not-central';
  }
}

/** Central's account sign-in, sign-out and password change. */
export const account = {
  async signIn(username: string, password: string): Promise<Envelope<SessionInfo>> {
    const res = await centralCall<SessionInfo>('./auth/sign-in', { method: 'POST', body: { username, password } });
    if (res.ok) central = { csrf: res.value.csrfToken };
    return res;
  },
  async signOut(): Promise<Envelope<{ signedOut: boolean }>> {
    const res = await centralCall<{ signedOut: boolean }>('./auth/sign-out', { method: 'POST' });
    central = { csrf: null };
    return res;
  },
  changePassword: (current: string, next: string): Promise<Envelope<{ changed: boolean }>> =>
    centralCall('./auth/password', { method: 'POST', body: { current, next } }),
  /** Called when a call finds the session over (idle or absolute timeout, signed out elsewhere). */
  onSessionEnded(listener: (() => void) | null): void {
    onSessionEnded = listener;
  },
};

export async function invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>> {
  if (window.frontdesk) return (await window.frontdesk.invoke(method, input, managerToken)) as Envelope<MethodOutput<M>>;
  if (central) return centralCall<MethodOutput<M>>(`./rpc/${method}`, { method: 'POST', body: input });
  try {
    const res = await fetch(`./rpc/${method}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: `Bearer ${token ?? ''}`,
        ...(managerToken ? { 'X-Frontdesk-Manager': managerToken } : {}),
      },
      body: JSON.stringify(input ?? {}),
    });
    return (await res.json()) as Envelope<MethodOutput<M>>;
  } catch {
    return { ok: false, error: { code: 'UNAVAILABLE', message: 'The kiosk service is not answering. Punches are not being taken.' } };
  }
}

/**
 * Listens to a push event. `onReady` runs once the stream is live (and again after a
 * reconnect), so a caller can re-read state it may have missed while connecting.
 */
export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void, onReady?: () => void): () => void {
  if (window.frontdesk) {
    const off = window.frontdesk.on(event, listener as (p: unknown) => void);
    onReady?.();
    return off;
  }
  if (central) {
    // Central pushes nothing: a screen reads once, and again when asked.
    onReady?.();
    return () => undefined;
  }
  const source = new EventSource(`./events?token=${encodeURIComponent(token ?? '')}`);
  const handler = (e: MessageEvent<string>): void => listener(JSON.parse(e.data) as EventPayload<E>);
  source.addEventListener(event, handler);
  if (onReady) source.addEventListener('hello', () => onReady());
  return () => source.close();
}
