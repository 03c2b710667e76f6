import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { openApp } from '../context.js';
import { createOut } from '../output.js';

export const statusCommand = {
  usage: 'status',
  summary: 'show the sync status: punches waiting to reach central',
  async run(argv: string[]): Promise<number> {
    const { globals } = parseCommand(argv, {});
    const out = createOut(globals.json);
    const app = await openApp(globals, out);
    try {
      const s = await call(app.dispatch, 'sync.status', {}, { origin: 'cli' });
      out.result(s, () => `sync: ${s.state}; ${s.pending} punch(es) pending${s.oldestPendingAt ? ` since ${s.oldestPendingAt}` : ''}`);
      return 0;
    } finally {
      app.close();
    }
  },
};
