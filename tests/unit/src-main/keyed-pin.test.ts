import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashSecret, keyPinHash, verifyPin, verifySecret } from '../../../src-main/services/roster/pin-hash.js';

const FAST = { N: 1024, r: 8, p: 1 };

describe('keyed PIN verifiers', () => {
  it('accept the right PIN with the key and nothing without it', async () => {
    const key = randomBytes(32);
    const keyed = keyPinHash(await hashSecret('2468', FAST), key);
    expect(keyed.startsWith('kscrypt$1024$8$1$')).toBe(true);
    expect(await verifyPin('2468', keyed, key)).toBe(true);
    expect(await verifyPin('2469', keyed, key)).toBe(false);
    expect(await verifyPin('2468', keyed, null)).toBe(false);
    expect(await verifyPin('2468', keyed, randomBytes(32))).toBe(false);
    // Read as a plain hash (the attack on a copied folder), the right PIN does not match.
    expect(await verifySecret('2468', keyed.replace(/^kscrypt/, 'scrypt'))).toBe(false);
  });
  it('leave plain hashes to the plain check, and key nothing that is not a hash', async () => {
    const plain = await hashSecret('1357', FAST);
    expect(await verifyPin('1357', plain, null)).toBe(true);
    expect(await verifyPin('1357', plain, randomBytes(32))).toBe(true);
    expect(keyPinHash('', randomBytes(32))).toBe('');
    expect(keyPinHash('bcrypt$whatever', randomBytes(32))).toBe('');
    expect(await verifyPin('1357', '', randomBytes(32))).toBe(false);
  });
  it('give each kiosk its own verifier for the same hash', async () => {
    const hash = await hashSecret('1111', FAST);
    expect(keyPinHash(hash, randomBytes(32))).not.toBe(keyPinHash(hash, randomBytes(32)));
  });
});
