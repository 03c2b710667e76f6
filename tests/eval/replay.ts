// The scripted model of `npm run eval -- --model-replay`: for each question it sends the plan the
// offline reader makes to plan_query (or, where the reader asks back, says it cannot answer), so
// the model path — the plan's JSON, its validation, the executor and the answer — is graded on
// the same evaluation as the reader. It measures the plumbing, not a model's understanding.
import { localDateOf } from '../../shared/domain/local-time.js';
import { readQuestion } from '../../shared/domain/question-reader.js';
import type { OpenAiTestServer } from '../support/openai-test-server.js';
import type { TestApp } from '../support/test-app.js';
import type { EvalCase } from './cases.js';
import { DATASETS } from './evaluate.js';

export async function replayReaderPlan(app: TestApp, c: EvalCase, server: OpenAiTestServer): Promise<void> {
  const ds = DATASETS[c.dataset];
  const roster = await app.call('roster.list', {});
  const names = { employees: roster.employees.map((e) => ({ code: e.code, name: e.name })), teams: roster.teams.map((t) => t.name) };
  const reading = readQuestion(c.question, localDateOf(ds.now, ds.tz), ds.tz, names);
  if ('plan' in reading)
    server.script({ tools: [{ name: 'plan_query', arguments: reading.plan as unknown as Record<string, unknown> }] }, { text: 'Done.' });
  else server.script({ text: `I can't answer that. ${reading.ask}` });
}
