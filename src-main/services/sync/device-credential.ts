// The device credential of a kiosk enrolled with Frontdesk Central: Central's URL, the kiosk's
// credential and PIN key, its site. Kept sealed (Electron's safeStorage; a 0600 file otherwise)
// outside the data folder, one file per data folder, and never shown after enrollment.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';
import type { SecretCodec } from '../ai/ai-config.js';
import { PLAIN_FILE } from '../ai/ai-config.js';

export const DeviceCredentialSchema = z.object({
  centralUrl: z.url(),
  kioskId: z.uuid(),
  name: z.string(),
  credential: z.string().startsWith('fdkiosk_'),
  pinKey: z.string().min(16),
  site: z.object({ id: z.uuid(), name: z.string(), tz: z.string() }),
  deviceId: z.string(),
  enrolledAt: z.string(),
});

export type DeviceCredential = z.infer<typeof DeviceCredentialSchema>;

export function credentialFileFor(credentialDir: string, dataDir: string): string {
  const key = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  return path.join(credentialDir, `kiosk-${key}.json`);
}

export function readDeviceCredential(file: string, codec: SecretCodec = PLAIN_FILE): DeviceCredential | null {
  if (!existsSync(file)) return null;
  const stored = readFileSync(file, 'utf8');
  let parsed: unknown;
  // `frontdesk enroll` writes the plain 0600 file; the Electron kiosk seals it with the keychain the first time it reads it.
  let plain = false;
  try {
    parsed = JSON.parse(codec.open(stored));
  } catch (sealedErr) {
    try {
      parsed = JSON.parse(stored);
      plain = true;
    } catch {
      throw new AppError(
        'STORAGE_FAILED',
        `This kiosk's device credential (${file}) cannot be read (${sealedErr instanceof Error ? sealedErr.message : String(sealedErr)}). Enroll the kiosk again: frontdesk enroll --central URL --code CODE.`,
      );
    }
  }
  const result = DeviceCredentialSchema.safeParse(parsed);
  if (!result.success) throw new AppError('STORAGE_FAILED', `This kiosk's device credential (${file}) is damaged. Enroll the kiosk again.`);
  if (plain && codec !== PLAIN_FILE) writeDeviceCredential(file, result.data, codec);
  return result.data;
}

/** Writes the credential atomically, readable by its owner only. */
export function writeDeviceCredential(file: string, credential: DeviceCredential, codec: SecretCodec = PLAIN_FILE): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, codec.seal(JSON.stringify(DeviceCredentialSchema.parse(credential))), { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

export function removeDeviceCredential(file: string): void {
  rmSync(file, { force: true });
}
