import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, UsageError } from '../output.js';

export const aiCommand = {
  usage: 'ai set --key KEY [--base-url URL] [--model M] | ai status | ai clear',
  summary: 'the AI endpoint (any OpenAI-compatible one): stored in a 0600 file in the data folder, never shown again',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, { key: { type: 'string' }, 'base-url': { type: 'string' }, model: { type: 'string' } });
    const action = positionals[0];
    if (action !== 'set' && action !== 'status' && action !== 'clear') throw new UsageError('the actions are set, status and clear');
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      if (action === 'set') {
        app.deps.ai.save({
          aiKey: requireOption(values, 'key'),
          ...(typeof values['base-url'] === 'string' ? { aiBaseUrl: values['base-url'] } : {}),
          ...(typeof values.model === 'string' ? { aiModel: values.model } : {}),
        });
      }
      if (action === 'clear') app.deps.ai.save(null);
      const { status } = app.deps.ai.settings();
      out.result(status, () => (status.configured ? `AI endpoint: ${status.baseUrl}, model ${status.model} (key from the ${status.keySource}).` : 'No AI endpoint; the offline interpreter answers.'));
      return 0;
    });
  },
};
