// Rules about kiosks as Central sees them: which sync protocol versions meet, when a kiosk is
// stale, and what state its enrollment is in. Pure functions; Central and the kiosk both read them.
import type { SyncProtocol } from '../contract/sync-api.js';

/** A kiosk with no heartbeat for this long is shown as stale. */
export const STALE_AFTER_MS = 10 * 60_000;
/** An enrollment code works this long after it is made. */
export const ENROLL_CODE_TTL_MS = 24 * 60 * 60_000;

export type ProtocolVerdict = 'ok' | 'kiosk-too-old' | 'central-too-old';

/**
 * Central serves kiosks of its own minor version and the one before it. A kiosk older than that
 * (or of another major) needs an update; a kiosk newer than Central waits for Central's.
 */
export function judgeProtocol(kiosk: SyncProtocol, central: SyncProtocol): ProtocolVerdict {
  if (kiosk.major < central.major) return 'kiosk-too-old';
  if (kiosk.major > central.major) return 'central-too-old';
  if (kiosk.minor > central.minor) return 'central-too-old';
  if (kiosk.minor < central.minor - 1) return 'kiosk-too-old';
  return 'ok';
}

export function isStale(lastHeartbeatMs: number | null, enrolled: boolean, nowMs: number): boolean {
  if (!enrolled) return false;
  return lastHeartbeatMs === null || nowMs - lastHeartbeatMs > STALE_AFTER_MS;
}

export type KioskState = 'awaiting-enrollment' | 'code-expired' | 'enrolled' | 'revoked';

export function kioskState(
  k: { revokedAtMs: number | null; enrolledAtMs: number | null; codeExpiresAtMs: number | null },
  nowMs: number,
): KioskState {
  if (k.revokedAtMs !== null) return 'revoked';
  if (k.enrolledAtMs !== null) return 'enrolled';
  if (k.codeExpiresAtMs !== null && k.codeExpiresAtMs > nowMs) return 'awaiting-enrollment';
  return 'code-expired';
}
