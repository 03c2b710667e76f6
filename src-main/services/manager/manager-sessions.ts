// Manager sign-ins: an opaque random token per sign-in, held in memory only (a restart signs
// everyone out), lapsing after a stretch of idle time. The dispatch resolves the token on every
// call; nothing the renderer sends can name a different manager.
import { randomBytes } from 'node:crypto';
import type { Clock } from '../deps.js';

export interface ManagerSession {
  code: string;
  name: string;
}

export interface ManagerSessions {
  open(manager: ManagerSession): string;
  /** The signed-in manager for a token, or null; a hit pushes the idle deadline back. */
  resolve(token: string | undefined): ManagerSession | null;
  /** Ends a sign-in; false when there was none to end. */
  close(token: string | undefined): boolean;
  readonly idleMinutes: number;
}

export function createManagerSessions(clock: Clock, idleMinutes = 30): ManagerSessions {
  const live = new Map<string, ManagerSession & { idleUntil: number }>();
  const idleMs = idleMinutes * 60_000;
  return {
    idleMinutes,
    open(manager) {
      const token = randomBytes(32).toString('base64url');
      live.set(token, { ...manager, idleUntil: clock.now() + idleMs });
      return token;
    },
    resolve(token) {
      if (!token) return null;
      const session = live.get(token);
      if (!session) return null;
      if (session.idleUntil <= clock.now()) {
        live.delete(token);
        return null;
      }
      session.idleUntil = clock.now() + idleMs;
      return { code: session.code, name: session.name };
    },
    close(token) {
      return token !== undefined && live.delete(token);
    },
  };
}
