// Punch commit latency through dispatch (parse, ticket, duplicate check, punch + outbox insert,
// today's hours, receipt) against the raw SQLite floor: the same two inserts in one
// synchronous=FULL transaction on the same file, interleaved so both see the same disk.
// A kiosk's day: EMPLOYEES people taking turns, each punching IN and OUT alternately.
import path from 'node:path';
import { createApp } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { uuidv7 } from '../../shared/ids.js';
import { tempDir } from '../support/test-app.js';
import { emit, summarize } from './stats.js';

export async function benchPunchCommit(iterations = 2000): Promise<void> {
  const dataDir = tempDir('frontdesk-bench-');
  const app = await createApp({ config: loadConfig({}, { dataDir, demo: false }), host: 'test' });
  const ctx = { origin: 'http' } as const;
  const EMPLOYEES = 50;
  await Promise.all(
    Array.from({ length: EMPLOYEES }, (_, i) =>
      call(app.dispatch, 'employees.add', { code: `B${i}`, name: `Bench ${i}`, pin: '1234', badge: `BENCH${i}` }, { origin: 'cli' }),
    ),
  );
  const employeeId = (app.store.sqlite.prepare("SELECT id FROM roster_employees WHERE code = 'B0'").get() as { id: string }).id;

  const insertPunch = app.store.sqlite.prepare(
    "INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at) VALUES (?, ?, ?, ?, 'site', 'dev', 'WFO', 'kiosk', ?)",
  );
  const insertOutbox = app.store.sqlite.prepare('INSERT INTO outbox (punch_id) VALUES (?)');
  const raw = app.store.sqlite.transaction((id: string, kind: string, at: number) => {
    insertPunch.run(id, employeeId, kind, at, at);
    insertOutbox.run(id);
  });

  const viaDispatch: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < iterations + 100; i++) {
    const who = await call(app.dispatch, 'kiosk.identify', { method: 'badge', badge: `BENCH${i % EMPLOYEES}` }, ctx);
    const t0 = performance.now();
    const env = await app.dispatch('punches.record', { ticket: who.ticket, kind: who.suggested }, ctx);
    const t1 = performance.now();
    if (!env.ok || env.value === null || (env.value as { duplicate: boolean }).duplicate) throw new Error('bench punch was refused or a duplicate');
    const at = Date.now();
    const t2 = performance.now();
    raw(uuidv7(at), 'IN', at - 1_000_000_000);
    const t3 = performance.now();
    if (i >= 100) {
      viaDispatch.push(t1 - t0);
      floor.push(t3 - t2);
    }
  }
  const d = summarize(viaDispatch);
  const f = summarize(floor);
  emit({ bench: 'punch_commit_dispatch', employees: EMPLOYEES, ...d });
  emit({ bench: 'punch_commit_sqlite_floor', ...f });
  emit({
    bench: 'punch_commit_ratio',
    p50_ratio: Math.round((d.p50_ms / f.p50_ms) * 100) / 100,
    p99_ratio: Math.round((d.p99_ms / f.p99_ms) * 100) / 100,
    target: 'p99 <= 2x floor',
    file: path.basename(app.store.file),
  });
  await app.close();
}
