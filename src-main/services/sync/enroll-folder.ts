// `frontdesk enroll` and the tests: enrolls a data folder that no host is serving, by opening it
// (no demo data), trading the code, and closing it again. The kiosk runs enrolled from its next start.
import { existsSync } from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { createApp } from '../../app.js';
import type { AppConfig } from '../../config.js';
import { appVersion } from '../../paths.js';
import type { SecretCodec } from '../ai/ai-config.js';
import { credentialFileFor, type DeviceCredential } from './device-credential.js';
import { adoptEnrollment, requestEnrollment } from './enroll.js';

/**
 * Enrolls the data folder a configuration names: opens it (no demo data), trades the code, keeps
 * the credential and closes it again. The kiosk runs enrolled from its next start.
 */
export async function enrollDataFolder(
  config: AppConfig,
  centralUrl: URL,
  code: string,
  opts: { secretCodec?: SecretCodec; now?: () => number } = {},
): Promise<DeviceCredential> {
  const file = credentialFileFor(config.credentialDir, config.dataDir);
  if (existsSync(file)) {
    throw new AppError(
      'CONFLICT',
      `This data folder is enrolled already (its credential is ${file}). To enroll it again, an admin revokes the old kiosk and you delete that file.`,
    );
  }
  if (config.databaseUrl !== undefined) {
    throw new AppError('BAD_INPUT', 'Unset DATABASE_URL first: an enrolled kiosk syncs through Central and holds no database credential.');
  }
  const app = await createApp({ config: { ...config, demo: 'off' }, host: 'cli', ...(opts.secretCodec ? { secretCodec: opts.secretCodec } : {}) });
  try {
    const deviceId = app.deps.kiosk.deviceId;
    const answer = await requestEnrollment(centralUrl, { code, deviceId, appVersion: appVersion() });
    return adoptEnrollment(app.store, file, answer, centralUrl, deviceId, new Date(opts.now?.() ?? Date.now()), opts.secretCodec);
  } finally {
    await app.close();
  }
}
