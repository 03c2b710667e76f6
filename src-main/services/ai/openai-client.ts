// The openai client, loaded on first use: a kiosk without an AI endpoint never pays for it at
// start-up. One place for its settings (timeout, bounded retries) and for reading its failures.
import type OpenAI from 'openai';
import type * as OpenAiLib from 'openai';
import type { AiEndpoint } from './ai-config.js';

type OpenAiModule = typeof OpenAiLib;

let lib: Promise<OpenAiModule> | undefined;
const load = () => (lib ??= import('openai'));

/** 30 s per request; 2 retries on 408/409/429/5xx and connection errors (the client's own policy). */
export async function openaiClient(endpoint: AiEndpoint): Promise<OpenAI> {
  const { default: Client } = await load();
  return new Client({ apiKey: endpoint.apiKey, baseURL: endpoint.baseUrl, timeout: 30_000, maxRetries: 2 });
}

/** Why the endpoint could not be used, as the start of a sentence for the manager; null for other errors. */
export async function endpointFailure(err: unknown): Promise<string | null> {
  const { default: Client } = await load();
  if (err instanceof Client.APIConnectionTimeoutError) return 'The AI endpoint timed out';
  if (err instanceof Client.APIConnectionError) return 'The AI endpoint could not be reached';
  if (err instanceof Client.AuthenticationError) return 'The AI endpoint refused the key';
  if (err instanceof Client.RateLimitError) return 'The AI endpoint is rate-limiting us';
  if (err instanceof Client.APIError) return `The AI endpoint failed (${err.status ?? 'no status'})`;
  return null;
}
