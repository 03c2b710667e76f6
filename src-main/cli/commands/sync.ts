import { call } from '../../rpc/dispatch.js';
import { parseCommand, requireOption } from '../args.js';
import { withApp } from '../context.js';
import { createOut, table, UsageError } from '../output.js';
import { describeStatus } from './status.js';

export const syncCommand = {
  usage:
    'sync [--once | --watch]\n' +
    '  sync rejects [--all]\n' +
    '  sync retry --id PUNCH_ID --by MANAGER\n' +
    '  sync discard --id PUNCH_ID --reason TEXT --by MANAGER',
  summary: 'push waiting punches to central and pull roster changes (once, or keep going); list, resend or discard punches central refused',
  async run(argv: string[]): Promise<number> {
    const { values, positionals, globals } = parseCommand(argv, {
      once: { type: 'boolean', default: false },
      watch: { type: 'boolean', default: false },
      all: { type: 'boolean', default: false },
      id: { type: 'string' },
      reason: { type: 'string' },
      by: { type: 'string' },
    });
    const sub = positionals[0];
    const out = createOut(globals.json);
    if (sub === 'rejects') {
      return withApp(globals, out, async (app) => {
        const rows = await call(app.dispatch, 'sync.rejects', { includeDiscarded: values.all }, { origin: 'cli' });
        out.result(rows, () =>
          table(
            rows.map((r) => ({ ...r, state: r.discardedAt ? `discarded by ${r.discardedBy ?? '?'}` : 'held' })),
            ['punchId', 'employeeCode', 'kind', 'at', 'state', 'reason'],
          ),
        );
        return 0;
      });
    }
    if (sub === 'retry' || sub === 'discard') {
      const input =
        sub === 'retry'
          ? { action: 'retry', punchId: requireOption(values, 'id'), by: requireOption(values, 'by') }
          : { action: 'discard', punchId: requireOption(values, 'id'), reason: requireOption(values, 'reason'), by: requireOption(values, 'by') };
      return withApp(globals, out, async (app) => {
        const r = await call(app.dispatch, 'sync.resolveReject', input, { origin: 'cli' });
        if (sub === 'retry') await app.sync.syncNow();
        out.result(r, () =>
          sub === 'retry' ? `Punch ${r.punchId} is queued to be sent again.` : `Punch ${r.punchId} is discarded: it stays here and is never sent.`,
        );
        return 0;
      });
    }
    if (sub !== undefined) throw new UsageError(`unknown sync command ${JSON.stringify(sub)}; usage: frontdesk ${this.usage}`);
    if (values.once && values.watch) throw new UsageError('choose --once or --watch, not both');
    return withApp(globals, out, async (app) => {
      if (!values.watch) {
        const s = await call(app.dispatch, 'sync.now', {}, { origin: 'cli' });
        out.result(s, () => describeStatus(s));
        // Did this sync succeed? It did when it ended idle with no error of central's or ours.
        return s.state === 'idle' && s.lastError === null && s.localError === null ? 0 : 1;
      }
      app.events.on('sync.statusChanged', (s) => out.result(s, () => describeStatus(s)));
      app.sync.start();
      await new Promise<void>((resolve) => {
        const keepAlive = setInterval(() => undefined, 60_000);
        const stop = (): void => {
          clearInterval(keepAlive);
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      return 0;
    });
  },
};
