import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table } from '../output.js';

export const summaryCommand = {
  usage: 'summary [--week] [--date YYYY-MM-DD]',
  summary: "a day's or a week's attendance in a few sentences; every number comes from the reports",
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { week: { type: 'boolean' }, date: { type: 'string' } });
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      await app.sync.syncNow();
      const r = await call(
        app.dispatch,
        'ai.summary',
        { period: values.week ? 'week' : 'day', ...(typeof values.date === 'string' ? { date: values.date } : {}) },
        { origin: 'cli' },
      );
      out.result(r, () => [r.text, '', table(r.facts, ['label', 'value']), ...(r.engineNote ? ['', r.engineNote] : [])].join('\n'));
      return 0;
    });
  },
};
