// A kiosk's identity (its device id, fixed at its first start) is kept twice: in the database
// and in `kiosk.json` beside it. At every start the two are compared, so a database that went
// missing, was emptied, or was swapped for another kiosk's is refused with a plain message
// instead of silently becoming a new kiosk (new device id, demo data) that strands the old
// kiosk's unsynced punches. A folder with neither is a new kiosk.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors.js';

export const IDENTITY_FILE = 'kiosk.json';

const IdentitySchema = z.object({ deviceId: z.string().min(1), createdAt: z.string() });
export type StoredIdentity = z.infer<typeof IdentitySchema>;

export function readIdentityFile(dataDir: string): StoredIdentity | null {
  const file = path.join(dataDir, IDENTITY_FILE);
  if (!existsSync(file)) return null;
  const parsed = IdentitySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new AppError(
      'STORAGE_FAILED',
      `The kiosk identity file ${file} is damaged. Restore it from a backup, or move it aside if this folder should start as a new kiosk.`,
    );
  return parsed.data;
}

export function writeIdentityFile(dataDir: string, identity: StoredIdentity): void {
  writeFileSync(path.join(dataDir, IDENTITY_FILE), JSON.stringify(identity, null, 2) + '\n', { mode: 0o600 });
}

const restoreAdvice = (dbFile: string): string =>
  `Restore ${path.basename(dbFile)} from a backup. Punches it held that never reached central exist only there. ` +
  `Only if this folder should start over as a new kiosk, move ${IDENTITY_FILE} aside and start again.`;

/** Before opening: a kiosk that existed here must still have a database with something in it. */
export function refuseMissingDatabase(identity: StoredIdentity | null, dbFile: string): void {
  if (!identity) return;
  const empty = !existsSync(dbFile) || statSync(dbFile).size === 0;
  if (empty) {
    throw new AppError(
      'STORAGE_FAILED',
      `This data folder belongs to kiosk ${identity.deviceId} (since ${identity.createdAt}), but its database ${dbFile} is ${existsSync(dbFile) ? 'empty' : 'missing'}. Frontdesk did not start, so nothing was changed. ${restoreAdvice(dbFile)}`,
    );
  }
}

/** After opening: the database's device id must be the one the folder remembers. */
export function refuseForeignDatabase(identity: StoredIdentity | null, deviceIdInDb: string | undefined, dbFile: string): void {
  if (!identity || deviceIdInDb === identity.deviceId) return;
  throw new AppError(
    'STORAGE_FAILED',
    deviceIdInDb
      ? `The database ${dbFile} belongs to kiosk ${deviceIdInDb}, but this data folder belongs to kiosk ${identity.deviceId}. Frontdesk did not start, so nothing was changed. ${restoreAdvice(dbFile)}`
      : `This data folder belongs to kiosk ${identity.deviceId}, but its database ${dbFile} holds no kiosk. Frontdesk did not start, so nothing was changed. ${restoreAdvice(dbFile)}`,
  );
}
