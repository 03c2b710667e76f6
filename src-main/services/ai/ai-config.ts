// Where the AI endpoint comes from: FRONTDESK_AI_KEY / FRONTDESK_AI_BASE_URL / FRONTDESK_AI_MODEL
// in the environment, else the secrets file in the data folder. A key is bound to the address it
// was entered for: the key and the base URL always come from the same place, and changing the
// stored address needs the key again, so nobody can point the stored key at a server of theirs. The web host and the CLI keep
// that file as JSON readable by its owner only (0600); the Electron shell passes a codec that
// seals it with the OS keychain (safeStorage). The key stays in the main process: the renderer
// may send one, but only ever learns whether one is set and where it comes from.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AiStatus } from '../../../shared/contract/ai.js';
import { AppError } from '../../../shared/errors.js';

export const SECRETS_FILE = 'secrets.json';
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-4o-mini';

export interface AiEndpoint {
  apiKey: string;
  baseUrl: string;
  model: string;
}

export interface AiSettings {
  endpoint: AiEndpoint | null;
  status: AiStatus;
}

const SecretsSchema = z.object({ aiKey: z.string().min(1).optional(), aiBaseUrl: z.url().optional(), aiModel: z.string().min(1).optional() });
export type Secrets = z.infer<typeof SecretsSchema>;

/** How the secrets file's text is kept on disk. */
export interface SecretCodec {
  seal(text: string): string;
  open(stored: string): string;
}

/** The web host's and the CLI's codec: the JSON as is, in a file only its owner can read. */
export const PLAIN_FILE: SecretCodec = { seal: (t) => t, open: (s) => s };

export interface AiStore {
  settings(): AiSettings;
  /** Merges the given settings into the file, or with `null` removes it. */
  save(next: Secrets | null): AiSettings;
}

export function createAiStore(env: NodeJS.ProcessEnv, dataDir: string, codec: SecretCodec = PLAIN_FILE): AiStore {
  const file = path.join(dataDir, SECRETS_FILE);
  const read = (): Secrets => {
    if (!existsSync(file)) return {};
    try {
      const parsed = SecretsSchema.safeParse(JSON.parse(codec.open(readFileSync(file, 'utf8'))));
      return parsed.success ? parsed.data : {};
    } catch {
      return {}; // sealed by another host, or damaged: as if unset, and `save` replaces it
    }
  };
  const settings = (): AiSettings => {
    const secrets = read();
    const fromEnv = Boolean(env.FRONTDESK_AI_KEY);
    const apiKey = fromEnv ? env.FRONTDESK_AI_KEY : secrets.aiKey;
    const baseUrl = (fromEnv ? env.FRONTDESK_AI_BASE_URL : secrets.aiBaseUrl) || DEFAULT_BASE_URL;
    const model = env.FRONTDESK_AI_MODEL || secrets.aiModel || DEFAULT_MODEL;
    const keySource = env.FRONTDESK_AI_KEY ? 'environment' : secrets.aiKey ? 'secrets-file' : null;
    return {
      endpoint: apiKey ? { apiKey, baseUrl, model } : null,
      status: { configured: apiKey !== undefined, baseUrl: apiKey ? baseUrl : null, model: apiKey ? model : null, keySource },
    };
  };
  return {
    settings,
    save(next) {
      if (next === null) rmSync(file, { force: true });
      else {
        const current = read();
        const storedUrl = current.aiBaseUrl ?? DEFAULT_BASE_URL;
        if (next.aiBaseUrl !== undefined && next.aiBaseUrl !== storedUrl && next.aiKey === undefined && current.aiKey !== undefined) {
          throw new AppError(
            'BAD_INPUT',
            'Changing the AI endpoint’s address needs its API key again: a stored key is only sent to the address it was entered for.',
          );
        }
        const merged = { ...current, ...next };
        // The key is saved with the address it was entered for.
        if (next.aiKey !== undefined) merged.aiBaseUrl = next.aiBaseUrl ?? storedUrl;
        writeFileSync(file, codec.seal(JSON.stringify(SecretsSchema.parse(merged))), { mode: 0o600 });
        chmodSync(file, 0o600);
      }
      return settings();
    },
  };
}
