// A kiosk's backlog for the drain benchmarks: waiting punches written straight into its SQLite.
import type { App } from '../../src-main/app.js';
import { uuidv7 } from '../../shared/ids.js';

export /** Writes `rows` waiting punches straight into the kiosk's SQLite (as a long offline spell would leave them). */
function fillBacklog(app: App, employeeIds: readonly string[], rows: number): void {
  const db = app.store.sqlite;
  const insP = db.prepare(
    "INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'WFO', 'kiosk', ?)",
  );
  const insO = db.prepare('INSERT INTO outbox (punch_id) VALUES (?)');
  const start = Date.now() - 400 * 86_400_000;
  const fill = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const at = start + i * 30_000;
      const id = uuidv7(at);
      insP.run(id, employeeIds[i % employeeIds.length], i % 2 ? 'OUT' : 'IN', at, app.deps.kiosk.siteId, app.deps.kiosk.deviceId, at);
      insO.run(id);
    }
  });
  for (let i = 0; i < rows; i += 50_000) fill(i, Math.min(rows, i + 50_000));
}
