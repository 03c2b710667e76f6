import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table } from '../output.js';
import { localDateOf, localTimeOf } from '../../../shared/domain/local-time.js';

/** A local date and time in the site's zone, as every other command shows them. */
const localWhen = (ms: number, tz: string): string => `${localDateOf(ms, tz)} ${localTimeOf(ms, tz)}`;

export const auditCommand = {
  usage: 'audit [--employee CODE] [--limit N]',
  summary: 'the history of corrections on central: who, when, why, before and after',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { employee: { type: 'string' }, limit: { type: 'string' } });
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const rows = await call(
        app.dispatch,
        'audit.list',
        { employeeCode: values.employee, ...(values.limit ? { limit: Number(values.limit) } : {}) },
        { origin: 'cli' },
      );
      out.result(rows, () =>
        table(
          rows.map((r) => ({ ...r, when: localWhen(Date.parse(r.at), app.deps.kiosk.tz) })),
          ['when', 'actor', 'action', 'entityId', 'reason'],
        ),
      );
      return 0;
    });
  },
};
