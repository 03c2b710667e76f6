import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAiStore, SECRETS_FILE, type SecretCodec } from '../../../src-main/services/ai/ai-config.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-ai-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('AI settings', () => {
  it('is unset by default, keeps saved settings in a 0600 file, and forgets them', () => {
    const dir = tempDir();
    const store = createAiStore({}, dir);
    expect(store.settings()).toEqual({ endpoint: null, status: { configured: false, baseUrl: null, model: null, keySource: null } });
    expect(store.save({ aiKey: 'sk-abcdefgh', aiModel: 'm' }).status).toEqual({
      configured: true,
      baseUrl: 'https://api.openai.com/v1',
      model: 'm',
      keySource: 'secrets-file',
    });
    expect(statSync(path.join(dir, SECRETS_FILE)).mode & 0o777).toBe(0o600);
    expect(store.save({ aiBaseUrl: 'http://127.0.0.1:8080/v1', aiKey: 'sk-abcdefgh' }).endpoint).toEqual({
      apiKey: 'sk-abcdefgh',
      baseUrl: 'http://127.0.0.1:8080/v1',
      model: 'm',
    });
    expect(store.save({ aiModel: 'm2' }).endpoint).toEqual({ apiKey: 'sk-abcdefgh', baseUrl: 'http://127.0.0.1:8080/v1', model: 'm2' });
    expect(store.save(null).status.configured).toBe(false);
  });

  it('never sends a stored key to a new address: changing the address needs the key again', () => {
    const dir = tempDir();
    const store = createAiStore({}, dir);
    store.save({ aiKey: 'sk-stored-key', aiBaseUrl: 'https://api.example.com/v1' });
    expect(() => store.save({ aiBaseUrl: 'https://attacker.example/v1' })).toThrow(/needs its API key again/);
    expect(store.settings().endpoint).toMatchObject({ apiKey: 'sk-stored-key', baseUrl: 'https://api.example.com/v1' });
    expect(store.save({ aiBaseUrl: 'https://other.example/v1', aiKey: 'sk-other-key' }).endpoint).toMatchObject({
      apiKey: 'sk-other-key',
      baseUrl: 'https://other.example/v1',
    });
    // The same address again needs no key; nor does an address with no key stored yet.
    expect(() => store.save({ aiBaseUrl: 'https://other.example/v1' })).not.toThrow();
    const fresh = createAiStore({}, tempDir());
    expect(fresh.save({ aiBaseUrl: 'http://127.0.0.1:1/v1' }).status.configured).toBe(false);
  });

  it('takes the key and the address from one place: an environment key never goes to the file’s address', () => {
    const dir = tempDir();
    createAiStore({}, dir).save({ aiKey: 'sk-file-key', aiBaseUrl: 'https://file.example/v1' });
    const withEnvKey = createAiStore({ FRONTDESK_AI_KEY: 'sk-env-key' }, dir);
    expect(withEnvKey.settings().endpoint).toMatchObject({ apiKey: 'sk-env-key', baseUrl: 'https://api.openai.com/v1' });
    const withEnvBoth = createAiStore({ FRONTDESK_AI_KEY: 'sk-env-key', FRONTDESK_AI_BASE_URL: 'https://env.example/v1' }, dir);
    expect(withEnvBoth.settings().endpoint).toMatchObject({ apiKey: 'sk-env-key', baseUrl: 'https://env.example/v1' });
    const withEnvUrlOnly = createAiStore({ FRONTDESK_AI_BASE_URL: 'https://env.example/v1' }, dir);
    expect(withEnvUrlOnly.settings().endpoint).toMatchObject({ apiKey: 'sk-file-key', baseUrl: 'https://file.example/v1' });
  });

  it('lets the environment win, and seals the file with the codec it is given', () => {
    const dir = tempDir();
    const reversed: SecretCodec = { seal: (t) => [...t].reverse().join(''), open: (s) => [...s].reverse().join('') };
    const sealed = createAiStore({}, dir, reversed);
    sealed.save({ aiKey: 'sk-sealed-key' });
    expect(readFileSync(path.join(dir, SECRETS_FILE), 'utf8')).not.toContain('sk-sealed-key');
    expect(sealed.settings().endpoint?.apiKey).toBe('sk-sealed-key');
    // Read without the codec (another host): as if unset, never a crash.
    expect(createAiStore({}, dir).settings().status.configured).toBe(false);
    expect(createAiStore({ FRONTDESK_AI_KEY: 'sk-env' }, dir, reversed).settings().status).toMatchObject({ keySource: 'environment' });
  });
});
