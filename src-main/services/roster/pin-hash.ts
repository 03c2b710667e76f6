// PINs are stored as scrypt hashes with their parameters, so the cost can rise later without
// invalidating stored hashes. Verification is constant-time.
import { createHmac, randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const scrypt = (secret: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> =>
  new Promise((resolve, reject) => scryptCb(secret, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))));

const KEY_LEN = 32;
export const DEFAULT_SCRYPT = { N: 16384, r: 8, p: 1 } as const;

export async function hashSecret(secret: string, params: { N: number; r: number; p: number } = DEFAULT_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(secret, salt, KEY_LEN, { ...params, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scrypt(secret, salt, expected.length, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A kiosk enrolled with Central keeps keyed PIN verifiers: the scrypt key of each PIN hash,
 * passed through HMAC-SHA256 with the kiosk's PIN key (held in its sealed device credential, not
 * in the data folder). A copied data folder then gives hashes no one can test PINs against.
 */
export function keyPinHash(stored: string, pinKey: Buffer): string {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return '';
  const mac = createHmac('sha256', pinKey).update(Buffer.from(parts[5]!, 'base64')).digest('base64');
  return ['kscrypt', ...parts.slice(1, 5), mac].join('$');
}

/** Verifies a PIN against a plain (`scrypt$`) or keyed (`kscrypt$`, needs the key) hash. */
export async function verifyPin(pin: string, stored: string, pinKey: Buffer | null): Promise<boolean> {
  if (!stored.startsWith('kscrypt$')) return verifySecret(pin, stored);
  if (!pinKey) return false;
  const parts = stored.split('$');
  if (parts.length !== 6) return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const key = await scrypt(pin, Buffer.from(parts[4]!, 'base64'), KEY_LEN, { N, r, p, maxmem: 64 * 1024 * 1024 });
  const mac = createHmac('sha256', pinKey).update(key).digest();
  const expected = Buffer.from(parts[5]!, 'base64');
  return mac.length === expected.length && timingSafeEqual(mac, expected);
}
