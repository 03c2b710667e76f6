import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LOCAL_DB_FILE } from '../../src-main/app.js';
import { addStaff, makeTestApp } from '../support/test-app.js';
import { killLoop } from '../support/kill-loop.js';

const ROUNDS = Number(process.env.FAULT_ROUNDS ?? 15);

describe('crash safety', () => {
  it(`keeps every acknowledged punch when the punching process is SIGKILLed (${ROUNDS} kills)`, async () => {
    const t = await makeTestApp();
    const codes = ['K1', 'K2', 'K3', 'K4'];
    for (const c of codes) await addStaff(t, c);
    const dataDir = t.dataDir;
    await t.app.close();

    const { acked, kills } = await killLoop(dataDir, codes, ROUNDS, 250);
    expect(kills).toBe(ROUNDS);
    expect(acked.length).toBeGreaterThan(ROUNDS);

    const db = new Database(path.join(dataDir, LOCAL_DB_FILE));
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const stored = new Set((db.prepare('SELECT id FROM punches').all() as { id: string }[]).map((r) => r.id));
      const missing = acked.filter((id) => !stored.has(id));
      expect(missing).toEqual([]);
      const orphans = db.prepare('SELECT count(*) AS n FROM punches p LEFT JOIN outbox o ON o.punch_id = p.id WHERE o.punch_id IS NULL').get() as {
        n: number;
      };
      expect(orphans.n).toBe(0);
      // Nothing doubled: consecutive punches of an employee never repeat a kind inside the window.
      const rows = db.prepare('SELECT employee_id, kind, at_utc FROM punches ORDER BY employee_id, at_utc, id').all() as {
        employee_id: string;
        kind: string;
        at_utc: number;
      }[];
      for (let i = 1; i < rows.length; i++) {
        const a = rows[i - 1]!;
        const b = rows[i]!;
        if (a.employee_id === b.employee_id && a.kind === b.kind) expect(b.at_utc - a.at_utc).toBeGreaterThanOrEqual(60_000);
      }
    } finally {
      db.close();
    }
  });
});
