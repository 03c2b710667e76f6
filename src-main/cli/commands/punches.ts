import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { openApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const punchesCommand = {
  usage: 'punches list [--employee CODE] [--from ISO] [--to ISO] [--limit N]',
  summary: 'list recorded punches, newest first',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      employee: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
    });
    if (positionals[0] !== 'list') throw new UsageError(`usage: frontdesk ${this.usage}`);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const out = createOut(globals.json);
    const app = await openApp(globals, out);
    try {
      const rows = await call(
        app.dispatch,
        'punches.list',
        { employeeCode: values.employee, from: values.from, to: values.to, limit },
        { origin: 'cli' },
      );
      out.result(rows, () =>
        table(
          rows.map((r) => ({ ...r, when: `${r.localDate} ${r.localTime}`, synced: r.pending ? 'pending' : 'yes' })),
          ['when', 'employeeCode', 'name', 'kind', 'workMode', 'source', 'synced'],
        ),
      );
      return 0;
    } finally {
      await app.close();
    }
  },
};
