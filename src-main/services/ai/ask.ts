// ask(question): the model when an endpoint is configured and answering, otherwise the offline
// interpreter — and the answer says which engine spoke and why.
import OpenAI from 'openai';
import type { AskResult } from '../../../shared/contract/ai.js';
import { answerWithModel, openaiClient } from './model.js';
import { answerOffline } from './offline.js';
import type { ToolContext } from './tools.js';

/** Why the endpoint could not be used, in words for the manager. */
export function endpointFailure(err: unknown): string | null {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'the AI endpoint timed out';
  if (err instanceof OpenAI.APIConnectionError) return 'the AI endpoint could not be reached';
  if (err instanceof OpenAI.AuthenticationError) return 'the AI endpoint refused the key';
  if (err instanceof OpenAI.RateLimitError) return 'the AI endpoint is rate-limiting us';
  if (err instanceof OpenAI.APIError) return `the AI endpoint failed (${err.status ?? 'no status'})`;
  return null;
}

export async function ask(ctx: ToolContext, question: string): Promise<AskResult> {
  const { endpoint } = ctx.deps.ai.settings();
  if (!endpoint) return { ...(await answerOffline(ctx, question)), engineNote: 'No AI endpoint is configured, so the offline interpreter answered.' };
  try {
    return await answerWithModel(ctx, openaiClient(endpoint), endpoint.model, question);
  } catch (err) {
    const why = endpointFailure(err);
    if (why === null) throw err;
    ctx.deps.log.warn('AI endpoint failed; answering offline', { error: why });
    return { ...(await answerOffline(ctx, question)), engineNote: `${why[0]!.toUpperCase()}${why.slice(1)}, so the offline interpreter answered.` };
  }
}
