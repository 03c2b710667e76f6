import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table } from '../output.js';

export const autoCheckoutCommand = {
  usage: 'auto-checkout [--rule off|HH:MM|shift-end+N]',
  summary: 'close forgotten OUTs on central once, by the configured rule or the one given (audited)',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { rule: { type: 'string' } });
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      await app.sync.syncNow();
      const r = await call(app.dispatch, 'punches.autoCheckout', values.rule === undefined ? {} : { rule: values.rule }, { origin: 'cli' });
      out.result(r, () =>
        [
          `Auto check-out ${r.rule}: ${r.closed.length} closed, ${r.withdrawn.length} withdrawn.`,
          ...(r.closed.length ? [table(r.closed, ['employeeCode', 'inAt', 'outAt', 'punchId'])] : []),
          ...(r.withdrawn.length ? [table(r.withdrawn, ['employeeCode', 'punchId'])] : []),
        ].join('\n'),
      );
      return 0;
    });
  },
};
