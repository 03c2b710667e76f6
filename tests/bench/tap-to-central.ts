// Tap to central with the network up: from a punch's commit on the kiosk to the sync's report
// that nothing waits any more (central committed it). The kiosk's background sync must run.
import type { App } from '../../src-main/app.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { summarize } from './stats.js';

export async function measureTapToCentral(app: App, codes: readonly string[], samples: number): Promise<ReturnType<typeof summarize>> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const who = await call(app.dispatch, 'kiosk.identify', { method: 'code', code: codes[i % codes.length]! }, { origin: 'cli' });
    const synced = new Promise<number>((resolve) => {
      const off = app.events.on('sync.statusChanged', (s) => {
        if (s.pending === 0 && s.state === 'idle') {
          off();
          resolve(performance.now());
        }
      });
    });
    await call(app.dispatch, 'punches.record', { ticket: who.ticket, kind: who.suggested }, { origin: 'cli' });
    const committed = performance.now();
    times.push((await synced) - committed);
  }
  return summarize(times);
}
