// A kiosk's database that went missing, was emptied, was cut short, or is another kiosk's is
// refused at start with a plain message and what to do, and nothing in the folder is changed:
// it must never silently become a new kiosk (new device id, demo data) or take punches into a
// file that fails its integrity check.
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { IDENTITY_FILE } from '../../src-main/db/local/kiosk-identity.js';
import { addStaff, makeTestApp, punch, tempDir, type TestApp } from '../support/test-app.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A kiosk with a roster and punches, closed: returns its folder and device id. */
async function closedKiosk(): Promise<{ dataDir: string; deviceId: string; file: string }> {
  const t = await makeTestApp();
  await addStaff(t, 'A1');
  // Enough pages that cutting the file in half cuts real data.
  const pad = t.app.store.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  for (let i = 0; i < 300; i++) pad.run(`test-padding-${i}`, 'x'.repeat(1000));
  await punch(t, 'A1', 'IN');
  const deviceId = t.app.deps.kiosk.deviceId;
  await t.app.close();
  dirs.push(t.dataDir);
  return { dataDir: t.dataDir, deviceId, file: path.join(t.dataDir, LOCAL_DB_FILE) };
}

const reopen = (dataDir: string, demo = true): Promise<TestApp> => makeTestApp({ dataDir, demo });

describe('the local database at start', () => {
  it('writes the identity beside a new kiosk’s database and opens it again', async () => {
    const { dataDir, deviceId } = await closedKiosk();
    expect(JSON.parse(readFileSync(path.join(dataDir, IDENTITY_FILE), 'utf8'))).toMatchObject({ deviceId });
    const t = await reopen(dataDir);
    expect(t.app.deps.kiosk.deviceId).toBe(deviceId);
    await t.app.close();
  });

  it('refuses a 0-byte database instead of starting a new kiosk with demo data, and leaves it as it was', async () => {
    const { dataDir, deviceId, file } = await closedKiosk();
    writeFileSync(file, '');
    rmSync(`${file}-wal`, { force: true });
    await expect(reopen(dataDir)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(new RegExp(`kiosk ${deviceId}.*is empty.*Restore`)),
    });
    expect(statSync(file).size).toBe(0);
  });

  it('refuses a deleted database and does not create one', async () => {
    const { dataDir, deviceId, file } = await closedKiosk();
    rmSync(file);
    await expect(reopen(dataDir)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(new RegExp(`kiosk ${deviceId}.*is missing`)),
    });
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a truncated database before it accepts a punch, and says what to do', async () => {
    const { dataDir, file } = await closedKiosk();
    truncateSync(file, Math.floor(statSync(file).size / 2));
    await expect(reopen(dataDir)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringMatching(/is damaged.*Restore it from a backup/),
    });
  });

  it('refuses a file that is not a database at all', async () => {
    const { dataDir, file } = await closedKiosk();
    writeFileSync(file, 'this is not SQLite '.repeat(500));
    await expect(reopen(dataDir)).rejects.toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('is damaged') });
  });

  it('refuses another kiosk’s database copied into the folder', async () => {
    const a = await closedKiosk();
    const b = await closedKiosk();
    copyFileSync(b.file, a.file);
    rmSync(`${a.file}-wal`, { force: true });
    await expect(reopen(a.dataDir)).rejects.toMatchObject({
      code: 'STORAGE_FAILED',
      message: expect.stringContaining(`belongs to kiosk ${b.deviceId}, but this data folder belongs to kiosk ${a.deviceId}`),
    });
  });

  it('rewrites a lost identity file from a healthy database', async () => {
    const { dataDir, deviceId } = await closedKiosk();
    rmSync(path.join(dataDir, IDENTITY_FILE));
    const t = await reopen(dataDir);
    expect(t.app.deps.kiosk.deviceId).toBe(deviceId);
    await t.app.close();
    expect(JSON.parse(readFileSync(path.join(dataDir, IDENTITY_FILE), 'utf8'))).toMatchObject({ deviceId });
  });

  it('a read-only data folder is named as such, not as a disk error or "nothing was recorded"', async () => {
    // A real read-only file system (a tmpfs remounted read-only) when this machine lets us mount
    // one; otherwise a folder this user may not write to.
    const root = tempDir('frontdesk-ro-');
    dirs.push(root);
    let mounted = false;
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', root], { stdio: 'ignore' });
      mounted = true;
    } catch {
      // not permitted here
    }
    const dataDir = path.join(root, 'data');
    mkdirSync(dataDir);
    const t = await makeTestApp({ dataDir });
    await addStaff(t, 'A1');
    await t.app.close();
    if (mounted) execFileSync('mount', ['-o', 'remount,ro', root]);
    else chmodSync(dataDir, 0o500);
    try {
      await expect(reopen(dataDir)).rejects.toMatchObject({ code: 'STORAGE_FAILED', message: expect.stringContaining('its folder is read-only') });
    } finally {
      if (mounted) execFileSync('umount', ['-l', root]);
      else chmodSync(dataDir, 0o700);
    }
  });
});
