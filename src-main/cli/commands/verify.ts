import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table } from '../output.js';

export const verifyCommand = {
  usage: 'verify [--days N]',
  summary: "prove, per local day, that this kiosk's punches and central's agree; exit 1 when they do not",
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { days: { type: 'string' } });
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const r = await call(app.dispatch, 'sync.verify', values.days ? { days: Number(values.days) } : {}, { origin: 'cli' });
      out.result(r, () =>
        [
          table(
            r.days.map((d) => ({
              date: d.date,
              local: d.local.count,
              central: d.central.count,
              pending: d.pending,
              rejected: d.rejected,
              missing: d.missingOnCentral.length + d.missingLocally.length,
              ok: d.ok ? 'ok' : 'MISMATCH',
            })),
            ['date', 'local', 'central', 'pending', 'rejected', 'missing', 'ok'],
          ),
          ...r.days.flatMap((d) => [
            ...d.missingOnCentral.map((id) => `${d.date}: ${id} synced here but missing on central`),
            ...d.missingLocally.map((id) => `${d.date}: ${id} on central but missing here`),
            ...(d.rejected > 0
              ? [`${d.date}: ${d.rejected} punch${d.rejected === 1 ? '' : 'es'} refused by central and held here (frontdesk sync rejects)`]
              : []),
          ]),
          r.ok ? 'All days agree.' : 'Some days do not agree.',
        ].join('\n'),
      );
      return r.ok ? 0 : 1;
    });
  },
};
