import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, UsageError } from '../output.js';
import { readSecretFromStdin } from '../stdin.js';

export const aiCommand = {
  usage: 'ai set [--key-stdin] [--base-url URL] [--model M] | ai status | ai clear',
  summary: 'the AI endpoint (any OpenAI-compatible one): the key is read from stdin, kept in a 0600 file in the data folder, never shown again',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      key: { type: 'string' },
      'key-stdin': { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      model: { type: 'string' },
    });
    const action = positionals[0];
    if (action !== 'set' && action !== 'status' && action !== 'clear') throw new UsageError('the actions are set, status and clear');
    // A key on the command line is visible to every user in the process list.
    if (values.key !== undefined)
      throw new UsageError('--key would show the API key in the process list; pipe it in with --key-stdin, or set FRONTDESK_AI_KEY');
    const apiKey = action === 'set' && values['key-stdin'] ? await readSecretFromStdin('API key') : undefined;
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const ctx = { origin: 'cli' } as const;
      if (action === 'set') {
        if (apiKey === undefined && values['base-url'] === undefined && values.model === undefined)
          throw new UsageError('ai set needs --key-stdin, --base-url or --model');
        await call(app.dispatch, 'ai.configure', { apiKey, baseUrl: values['base-url'], model: values.model }, ctx);
      }
      if (action === 'clear') await call(app.dispatch, 'ai.configure', { clear: true }, ctx);
      const status = await call(app.dispatch, 'ai.status', {}, ctx);
      out.result(status, () =>
        status.configured
          ? `AI endpoint: ${status.baseUrl}, model ${status.model} (key from the ${status.keySource}).`
          : 'No AI endpoint; the offline interpreter answers.',
      );
      return 0;
    });
  },
};
