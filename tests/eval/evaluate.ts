// Runs the evaluation set through the real ask path and scores each answer.
import type { AskResult } from '../../shared/contract/ai.js';
import type { TestApp } from '../support/test-app.js';
import { EVAL_QUESTIONS, type EvalQuestion } from './questions.js';

export interface Scored {
  q: EvalQuestion;
  result: AskResult;
  right: boolean;
}

export function score(q: EvalQuestion, result: AskResult): boolean {
  return result.answered === q.answered && q.includes.every((piece) => result.answer.includes(piece));
}

export async function evaluateOffline(app: TestApp): Promise<Scored[]> {
  const out: Scored[] = [];
  for (const q of EVAL_QUESTIONS) {
    const result = await app.call('ai.ask', { question: q.question });
    out.push({ q, result, right: score(q, result) });
  }
  return out;
}
