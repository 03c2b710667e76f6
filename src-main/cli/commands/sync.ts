import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut, UsageError } from '../output.js';
import { describeStatus } from './status.js';

export const syncCommand = {
  usage: 'sync [--once | --watch]',
  summary: 'push waiting punches to central and pull roster changes (once, or keep going)',
  async run(argv: string[]): Promise<number> {
    const { values, globals } = parseCommand(argv, { once: { type: 'boolean', default: false }, watch: { type: 'boolean', default: false } });
    if (values.once && values.watch) throw new UsageError('choose --once or --watch, not both');
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      if (!values.watch) {
        const s = await call(app.dispatch, 'sync.now', {}, { origin: 'cli' });
        out.result(s, () => describeStatus(s));
        return s.lastError && s.pending > 0 ? 1 : 0;
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
