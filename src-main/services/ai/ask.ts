// ask(question): the model when an endpoint is configured and answering, otherwise the offline
// interpreter — and the answer says which engine spoke and why.
import type { AskResult } from '../../../shared/contract/ai.js';
import { answerWithModel } from './model.js';
import { endpointFailure, openaiClient } from './openai-client.js';
import { answerOffline } from './offline.js';
import type { ToolContext } from './tools.js';

export async function ask(ctx: ToolContext, question: string): Promise<AskResult> {
  const { endpoint } = ctx.deps.ai.settings();
  if (!endpoint) return { ...(await answerOffline(ctx, question)), engineNote: 'No AI endpoint is configured, so the offline interpreter answered.' };
  try {
    return await answerWithModel(ctx, await openaiClient(endpoint), endpoint.model, question);
  } catch (err) {
    const why = await endpointFailure(err);
    if (why === null) throw err;
    ctx.deps.log.warn('AI endpoint failed; answering offline', { error: why });
    return { ...(await answerOffline(ctx, question)), engineNote: `${why}, so the offline interpreter answered.` };
  }
}
