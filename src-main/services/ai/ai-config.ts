// Where the AI endpoint comes from: FRONTDESK_AI_KEY / FRONTDESK_AI_BASE_URL / FRONTDESK_AI_MODEL
// in the environment, else the secrets file in the data folder (mode 0600, written by
// `frontdesk ai set`). The key stays in the main process; the renderer only learns whether one
// is set and where it comes from.
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { AiStatus } from '../../../shared/contract/ai.js';

export const SECRETS_FILE = 'secrets.json';
export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';
export const DEFAULT_MODEL = 'gpt-4o-mini';

export interface AiEndpoint {
  apiKey: string;
  baseUrl: string;
  model: string;
}

const SecretsSchema = z.object({ aiKey: z.string().min(1).optional(), aiBaseUrl: z.url().optional(), aiModel: z.string().min(1).optional() });
type Secrets = z.infer<typeof SecretsSchema>;

function readSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, SECRETS_FILE);
  if (!existsSync(file)) return {};
  const parsed = SecretsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  return parsed.success ? parsed.data : {};
}

/** Saves (or with `null`, forgets) the endpoint settings; the file is readable by its owner only. */
export function writeSecrets(dataDir: string, next: Secrets | null): void {
  const file = path.join(dataDir, SECRETS_FILE);
  if (next === null) return rmSync(file, { force: true });
  writeFileSync(file, JSON.stringify(SecretsSchema.parse({ ...readSecrets(dataDir), ...next })), { mode: 0o600 });
  chmodSync(file, 0o600);
}

export interface AiSettings {
  endpoint: AiEndpoint | null;
  status: AiStatus;
}

export function aiSettings(env: NodeJS.ProcessEnv, dataDir: string): AiSettings {
  const secrets = readSecrets(dataDir);
  const apiKey = env.FRONTDESK_AI_KEY || secrets.aiKey;
  const baseUrl = env.FRONTDESK_AI_BASE_URL || secrets.aiBaseUrl || DEFAULT_BASE_URL;
  const model = env.FRONTDESK_AI_MODEL || secrets.aiModel || DEFAULT_MODEL;
  const keySource = env.FRONTDESK_AI_KEY ? 'environment' : secrets.aiKey ? 'secrets-file' : null;
  return {
    endpoint: apiKey ? { apiKey, baseUrl, model } : null,
    status: { configured: apiKey !== undefined, baseUrl: apiKey ? baseUrl : null, model: apiKey ? model : null, keySource },
  };
}
