// The secrets file sealed with the OS keychain (Electron safeStorage): on disk it is only ever
// ciphertext. Where the OS offers no keychain, the plain 0600 file is used and the log says so.
import { safeStorage } from 'electron';
import { PLAIN_FILE, type SecretCodec } from '../services/ai/ai-config.js';
import type { Logger } from '../log.js';

export function keychainCodec(log: Logger): SecretCodec {
  if (!safeStorage.isEncryptionAvailable()) {
    log.warn('no OS keychain: the AI key is kept in a file only this user can read');
    return PLAIN_FILE;
  }
  return {
    seal: (text) => JSON.stringify({ sealed: safeStorage.encryptString(text).toString('base64') }),
    open: (stored) => safeStorage.decryptString(Buffer.from((JSON.parse(stored) as { sealed: string }).sealed, 'base64')),
  };
}
