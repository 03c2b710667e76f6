// Account passwords: scrypt with its parameters and salt in the stored string (the same format
// as PINs, at a higher cost), verified in constant time. An unknown username still costs one
// hash, so timing does not tell which usernames exist.
import { hashSecret, verifySecret } from '../roster/pin-hash.js';

/** OWASP's scrypt floor for passwords: N=2^15, r=8, p=3 (32 MiB per hash). */
export const PASSWORD_SCRYPT = { N: 32768, r: 8, p: 3 } as const;

export const hashPassword = (password: string): Promise<string> => hashSecret(password, PASSWORD_SCRYPT);

let decoy: Promise<string> | undefined;

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) {
    decoy ??= hashPassword('no such account, no such password');
    await verifySecret(password, await decoy);
    return false;
  }
  return verifySecret(password, stored);
}
