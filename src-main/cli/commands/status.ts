import type { SyncStatus } from '../../../shared/contract/sync.js';
import { call } from '../../rpc/dispatch.js';
import { parseCommand } from '../args.js';
import { withApp } from '../context.js';
import { createOut } from '../output.js';

export function describeStatus(s: SyncStatus): string {
  return [
    `sync: ${s.state} (central: ${s.central})`,
    `pending: ${s.pending}${s.oldestPendingAgeSeconds !== null ? `, oldest waiting ${s.oldestPendingAgeSeconds} s` : ''}`,
    `rejected by central: ${s.rejected}`,
    `last success: ${s.lastSuccessAt ?? 'never'}`,
    ...(s.localError ? [`local storage: ${s.localError}`] : []),
    ...(s.clockOffsetSeconds !== null
      ? [
          `clock: ${s.clockOffsetSeconds} s ${s.clockOffsetSeconds >= 0 ? 'behind' : 'ahead of'} central${s.clockDrift ? ' (more than 2 minutes: punch times may be wrong)' : ''}`,
        ]
      : []),
    ...(s.lastError ? [`last error: ${s.lastError}`] : []),
    ...(s.nextAttemptAt ? [`next attempt: ${s.nextAttemptAt}`] : []),
  ].join('\n');
}

export const statusCommand = {
  usage: 'status',
  summary: 'show the sync status (never needs central): pending punches, last success, last error',
  async run(argv: string[]): Promise<number> {
    const { globals } = parseCommand(argv, {});
    const out = createOut(globals.json);
    return withApp(globals, out, async (app) => {
      const s = await call(app.dispatch, 'sync.status', {}, { origin: 'cli' });
      out.result(s, () => describeStatus(s));
      return 0;
    });
  },
};
