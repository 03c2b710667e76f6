import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const sqlCommand = {
  usage: 'sql "SELECT …"',
  summary: 'the reporting console: one guarded, read-only SELECT over the reporting schema on central',
  async run(argv: string[]): Promise<number> {
    const { positionals, globals } = parseCommand(argv, {});
    if (positionals.length !== 1) throw new UsageError('give the query as one quoted argument');
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const r = await call(app.dispatch, 'sql.run', { sql: positionals[0]! }, { origin: 'cli' });
      const cut =
        r.truncatedBy === 'rows'
          ? `(only the first ${r.rows.length} rows)`
          : r.truncatedBy === 'bytes'
            ? `(cut after ${r.rows.length} rows: the result is larger than Frontdesk reads from one query)`
            : `${r.rows.length} rows`;
      out.result(r, () => [table(r.rows, r.columns), cut].join('\n'));
      return 0;
    });
  },
};
