// ask(question): the model when an endpoint is configured and answering, otherwise the offline
// interpreter — and the answer says which engine spoke and why.
import type { AskResult } from '../../../shared/contract/ai.js';
import { answerOffline } from './offline.js';
import type { ToolContext } from './tools.js';

export async function ask(deps: ToolContext, question: string): Promise<AskResult> {
  const { endpoint } = deps.deps.ai();
  const offline = await answerOffline(deps, question);
  return { ...offline, engineNote: endpoint ? null : 'No AI endpoint is configured, so the offline interpreter answered.' };
}
