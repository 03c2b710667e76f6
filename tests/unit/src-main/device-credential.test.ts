import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  credentialFileFor,
  readDeviceCredential,
  removeDeviceCredential,
  writeDeviceCredential,
  type DeviceCredential,
} from '../../../src-main/services/sync/device-credential.js';
import type { SecretCodec } from '../../../src-main/services/ai/ai-config.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'fd-cred-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const credential: DeviceCredential = {
  centralUrl: 'https://central.example.com',
  kioskId: '01934f6e-0000-7000-8000-000000000001',
  name: 'Reception',
  credential: 'fdkiosk_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  pinKey: 'a2V5LWtleS1rZXkta2V5LWtleS1rZXkta2V5LWtleQ==',
  site: { id: '01934f6e-0000-7000-8000-000000000002', name: 'Head Office', tz: 'Asia/Kolkata' },
  deviceId: 'device-1234',
  enrolledAt: '2026-12-01T10:00:00.000Z',
};

/** A stand-in for the keychain: reversible, and visibly not the plain JSON. */
const sealed: SecretCodec = {
  seal: (t) => JSON.stringify({ sealed: Buffer.from(t).toString('base64') }),
  open: (s) => Buffer.from((JSON.parse(s) as { sealed: string }).sealed, 'base64').toString(),
};

describe('the device credential file', () => {
  it('lives outside the data folder, one file per folder', () => {
    const dir = tmp();
    const a = credentialFileFor(dir, '/data/kiosk-a');
    expect(a.startsWith(dir)).toBe(true);
    expect(credentialFileFor(dir, '/data/kiosk-b')).not.toBe(a);
    expect(credentialFileFor(dir, '/data/kiosk-a/')).toBe(a);
  });

  it('is written readable by its owner only and read back whole', () => {
    const file = path.join(tmp(), 'c', 'kiosk.json');
    writeDeviceCredential(file, credential);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readDeviceCredential(file)).toEqual(credential);
  });

  it('written plain by `frontdesk enroll` is sealed by a kiosk with a keychain the first time it reads it', () => {
    const file = path.join(tmp(), 'kiosk.json');
    writeDeviceCredential(file, credential);
    expect(readDeviceCredential(file, sealed)).toEqual(credential);
    const onDisk = readFileSync(file, 'utf8');
    expect(onDisk).not.toContain('fdkiosk_');
    expect(readDeviceCredential(file, sealed)).toEqual(credential);
  });

  it('refuses a damaged file with words saying to enroll again, and reads a missing one as not enrolled', () => {
    const file = path.join(tmp(), 'kiosk.json');
    expect(readDeviceCredential(file)).toBeNull();
    writeFileSync(file, '{"centralUrl": 3');
    expect(() => readDeviceCredential(file)).toThrow(/Enroll the kiosk again/);
    writeFileSync(file, JSON.stringify({ ...credential, credential: 'not-a-credential' }));
    expect(() => readDeviceCredential(file)).toThrow(/damaged/);
  });

  it('says which file cannot be read and how to enroll again', () => {
    const file = path.join(tmp(), 'kiosk.json');
    writeFileSync(file, 'not json at all');
    expect(() => readDeviceCredential(file)).toThrow(
      new RegExp(
        `^This kiosk's device credential \\(${file.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\) cannot be read \\(.+\\)\\. Enroll the kiosk again: frontdesk enroll --central URL --code CODE\\.$`,
      ),
    );
    writeFileSync(file, JSON.stringify({ ...credential, site: null }));
    expect(() => readDeviceCredential(file)).toThrow(`This kiosk's device credential (${file}) is damaged. Enroll the kiosk again.`);
  });

  it('read plain without a keychain is left as it is on disk', () => {
    const file = path.join(tmp(), 'kiosk.json');
    writeDeviceCredential(file, credential);
    const past = new Date(Date.now() - 3_600_000);
    utimesSync(file, past, past);
    const before = statSync(file).mtimeMs;
    expect(readDeviceCredential(file)).toEqual(credential);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(Math.abs(before - past.getTime())).toBeLessThan(1);
  });

  it('is removed when the kiosk is revoked or enrolled anew, and removing a missing one is no error', () => {
    const file = path.join(tmp(), 'kiosk.json');
    writeDeviceCredential(file, credential);
    removeDeviceCredential(file);
    expect(existsSync(file)).toBe(false);
    expect(() => removeDeviceCredential(file)).not.toThrow();
    expect(readDeviceCredential(file)).toBeNull();
  });
});
