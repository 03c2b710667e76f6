// Key/value settings of this kiosk (device id, site). The device id is made once, on first
// open, and never changes: it is part of every punch this kiosk records.
import { eq } from 'drizzle-orm';
import { uuidv7 } from '../../../shared/ids.js';
import type { LocalDb } from '../../db/local/connection.js';
import { settings } from '../../db/local/schema.js';

export function getSetting(db: LocalDb, key: string): string | undefined {
  return db.select({ value: settings.value }).from(settings).where(eq(settings.key, key)).get()?.value;
}

export function setSetting(db: LocalDb, key: string, value: string): void {
  db.insert(settings).values({ key, value }).onConflictDoUpdate({ target: settings.key, set: { value } }).run();
}

export function ensureDeviceId(db: LocalDb, now: number): string {
  const existing = getSetting(db, 'device_id');
  if (existing) return existing;
  const id = uuidv7(now);
  setSetting(db, 'device_id', id);
  return id;
}
