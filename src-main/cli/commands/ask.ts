import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const askCommand = {
  usage: 'ask "who was late today?"',
  summary: 'ask about attendance in plain language: the answer, the table it stands on, and how it was found',
  async run(argv: string[]): Promise<number> {
    const { positionals, globals } = parseCommand(argv, {});
    if (positionals.length === 0) throw new UsageError('give the question, quoted');
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      await app.sync.syncNow();
      const r = await call(app.dispatch, 'ai.ask', { question: positionals.join(' ') }, { origin: 'cli' });
      out.result(r, () =>
        [
          r.answer,
          ...(r.table && r.table.rows.length ? ['', table(r.table.rows, r.table.columns)] : []),
          '',
          `How I got this (${r.engine === 'model' ? 'AI model' : 'offline interpreter'}): ${r.steps.map((s) => s.tool).join(', ') || 'nothing to look up'}`,
          ...(r.engineNote ? [r.engineNote] : []),
        ].join('\n'),
      );
      return r.answered ? 0 : 1;
    });
  },
};
