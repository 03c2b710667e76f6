// The renderer's one way to reach the app: `invoke(method, input)` over Electron IPC when the
// preload bridge is present, otherwise over HTTP to the web host with the session token.
// Always resolves to an envelope; a host that does not answer becomes an UNAVAILABLE error.
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

export async function invoke<M extends Method>(method: M, input: MethodInput<M>): Promise<Envelope<MethodOutput<M>>> {
  if (window.frontdesk) return (await window.frontdesk.invoke(method, input, managerToken)) as Envelope<MethodOutput<M>>;
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
  const source = new EventSource(`./events?token=${encodeURIComponent(token ?? '')}`);
  const handler = (e: MessageEvent<string>): void => listener(JSON.parse(e.data) as EventPayload<E>);
  source.addEventListener(event, handler);
  if (onReady) source.addEventListener('hello', () => onReady());
  return () => source.close();
}
