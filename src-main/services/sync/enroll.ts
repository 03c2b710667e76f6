// Enrolling this kiosk with Frontdesk Central: the one-time code is traded for a device
// credential, which is kept sealed outside the data folder; the kiosk takes Central's site as its
// own and forgets every PIN hash it held (the next sync brings its own site's, keyed), so a kiosk
// that ran on its own before keeps no other site's hashes.
import { EnrollResponseSchema, formatProtocol, SYNC_PROTOCOL, SYNC_VERSION_HEADER, type EnrollResponse } from '../../../shared/contract/sync-api.js';
import { AppError } from '../../../shared/errors.js';
import type { LocalStore } from '../../db/local/connection.js';
import { setSetting } from '../settings/settings.js';
import type { SecretCodec } from '../ai/ai-config.js';
import { writeDeviceCredential, type DeviceCredential } from './device-credential.js';

export async function requestEnrollment(centralUrl: URL, body: { code: string; deviceId: string; appVersion: string }): Promise<EnrollResponse> {
  let res: Response;
  try {
    res = await fetch(new URL('/sync/v1/enroll', centralUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', [SYNC_VERSION_HEADER]: formatProtocol(SYNC_PROTOCOL) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
      redirect: 'error',
    });
  } catch (err) {
    const cause = (err as { cause?: { code?: unknown } }).cause;
    throw new AppError(
      'UNAVAILABLE',
      `Frontdesk Central at ${centralUrl.origin} could not be reached (${typeof cause?.code === 'string' ? cause.code : err instanceof Error ? err.message : 'no answer'}); nothing was enrolled.`,
    );
  }
  const json = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
  if (!res.ok) {
    const code = json?.error?.code;
    const message = json?.error?.message ?? `Frontdesk Central answered ${res.status}.`;
    throw new AppError(
      code === 'UNAUTHORIZED' ? 'UNAUTHORIZED' : code === 'CONFLICT' ? 'CONFLICT' : code === 'BAD_INPUT' ? 'BAD_INPUT' : 'UNAVAILABLE',
      message,
    );
  }
  const parsed = EnrollResponseSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError('UNAVAILABLE', `The server at ${centralUrl.origin} did not answer like Frontdesk Central; nothing was enrolled.`);
  return parsed.data;
}

/** Keeps the credential and makes this data folder the enrolled kiosk's. */
export function adoptEnrollment(
  store: LocalStore,
  file: string,
  answer: EnrollResponse,
  centralUrl: URL,
  deviceId: string,
  now: Date,
  codec?: SecretCodec,
): DeviceCredential {
  const credential: DeviceCredential = {
    centralUrl: centralUrl.origin,
    kioskId: answer.kioskId,
    name: answer.name,
    credential: answer.credential,
    pinKey: answer.pinKey,
    site: answer.site,
    deviceId,
    enrolledAt: now.toISOString(),
  };
  writeDeviceCredential(file, credential, codec);
  store.sqlite.transaction(() => {
    setSetting(store.db, 'site_id', answer.site.id);
    setSetting(store.db, 'site_name', answer.site.name);
    setSetting(store.db, 'tz', answer.site.tz);
    store.sqlite.prepare("UPDATE roster_employees SET pin_hash = '', active = 0").run();
    store.sqlite
      .prepare("DELETE FROM sync_state WHERE key IN ('roster_watermark', 'heartbeat_nonce', 'clone_suspected', 'state', 'last_error')")
      .run();
  })();
  return credential;
}
