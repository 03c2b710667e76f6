import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';

export const punchesCommand = {
  usage:
    'punches list [--employee CODE] [--from ISO] [--to ISO] [--limit N]\n' +
    '  punches correct --employee CODE --kind IN|OUT --at ISO [--out-at ISO] --reason TEXT --by MANAGER\n' +
    '  punches void --id PUNCH_ID [--with PUNCH_ID] --reason TEXT --by MANAGER',
  summary: 'list punches on this kiosk; add a correction punch or void a punch on central (audited)',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      employee: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      limit: { type: 'string' },
      kind: { type: 'string' },
      at: { type: 'string' },
      reason: { type: 'string' },
      by: { type: 'string' },
      id: { type: 'string' },
      with: { type: 'string' },
      'out-at': { type: 'string' },
    });
    const sub = positionals[0];
    if (sub === 'correct' || sub === 'void') {
      const input =
        sub === 'correct'
          ? {
              action: 'add',
              employeeCode: requireOption(values, 'employee'),
              kind: requireOption(values, 'kind').toUpperCase(),
              at: requireOption(values, 'at'),
              outAt: values['out-at'],
              reason: requireOption(values, 'reason'),
              by: requireOption(values, 'by'),
            }
          : {
              action: 'void',
              punchId: requireOption(values, 'id'),
              withPunchId: values.with,
              reason: requireOption(values, 'reason'),
              by: requireOption(values, 'by'),
            };
      const out = createOut(globals.json);
      return withApp(globals, out, async (app) => {
        await app.sync.syncNow();
        const r = await call(app.dispatch, 'punches.correct', input, { origin: 'cli' });
        out.result(r, () =>
          r.repeated
            ? `That correction was already made (${r.punchId}, by ${r.audit.actor}); nothing new was written.`
            : `${r.audit.action} ${r.punchId}${r.pairedPunchId ? ` and ${r.pairedPunchId}` : ''} by ${r.audit.actor}: ${r.audit.reason ?? ''}`,
        );
        return 0;
      });
    }
    if (sub !== 'list') throw new UsageError(`usage: frontdesk ${this.usage}`);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
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
    });
  },
};
