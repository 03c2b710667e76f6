// The wrong-PIN count shared by every kiosk of a site, at central, on a real PostgreSQL: each
// attempt counted in its own transaction, a lock after the fifth, kiosk taps and manager sign-ins
// apart, cleared one kind or both; and the kiosk's side of it: central away, failing or slow
// means the kiosk's own count alone (never a wait beyond the budget), said in the log on a clear.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_PUNCH_POLICY } from '../../shared/domain/punch-rules.js';
import { migrateCentral } from '../../src-main/db/central/migrate.js';
import type { LogFields, Logger } from '../../src-main/log.js';
import { clearPinCountOnCentral, countPinAttemptOnCentral, createSharedLockoutOver } from '../../src-main/services/punches/shared-lockout.js';
import { createTestDatabase } from '../support/test-postgres.js';

const EMP = '00000000-0000-4000-8000-0000000000e1';
const T0 = Date.parse('2026-12-01T09:00:00.000Z');
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createTestDatabase('lock'), max: 2 });
  await migrateCentral(pool);
  await pool.query("INSERT INTO employees (id, code, name, pin_hash) VALUES ($1, 'E1', 'Ann', 'x')", [EMP]);
});
afterAll(() => pool.end());

const rowsOf = async () =>
  (
    await pool.query<{ purpose: string; failures: number; locked_until: Date | null }>(
      'SELECT purpose, failures, locked_until FROM pin_lockouts WHERE employee_id = $1 ORDER BY purpose',
      [EMP],
    )
  ).rows.map((r) => ({ purpose: r.purpose, failures: r.failures, lockedUntil: r.locked_until?.getTime() ?? null }));

describe('the count at central', () => {
  it('counts each attempt, locks at the fifth for the lockout, refuses while locked, and keeps the kinds apart', async () => {
    const count = (purpose: 'kiosk' | 'manager', now = T0) => countPinAttemptOnCentral(pool, EMP, purpose, now, DEFAULT_PUNCH_POLICY);
    for (let i = 1; i <= 4; i++) expect(await count('kiosk')).toEqual({ counted: { failures: i, lockedUntilMs: null } });
    expect(await count('manager')).toEqual({ counted: { failures: 1, lockedUntilMs: null } });
    expect(await count('kiosk')).toEqual({ counted: { failures: 0, lockedUntilMs: T0 + 300_000 } });
    expect(await count('kiosk', T0 + 60_000)).toEqual({ locked: 240 });
    expect(await rowsOf()).toEqual([
      { purpose: 'kiosk', failures: 0, lockedUntil: T0 + 300_000 },
      { purpose: 'manager', failures: 1, lockedUntil: null },
    ]);
    // After the lock: counting starts again from one.
    expect(await count('kiosk', T0 + 300_001)).toEqual({ counted: { failures: 1, lockedUntilMs: null } });
  });

  it('clears one kind, or both', async () => {
    await clearPinCountOnCentral(pool, EMP, 'manager');
    expect((await rowsOf()).map((r) => r.purpose)).toEqual(['kiosk']);
    await countPinAttemptOnCentral(pool, EMP, 'manager', T0, DEFAULT_PUNCH_POLICY);
    await clearPinCountOnCentral(pool, EMP);
    expect(await rowsOf()).toEqual([]);
  });
});

describe("the kiosk's side", () => {
  afterEach(() => vi.useRealTimers());
  const warnings: { msg: string; fields: LogFields | undefined }[] = [];
  const log: Logger = {
    warn: (msg, fields) => void warnings.push({ msg, fields }),
    error: () => undefined,
    info: () => undefined,
    debug: () => undefined,
  };
  const never = () => new Promise<never>(() => undefined);
  const over = (opts: {
    count?: () => Promise<{ counted: { failures: number; lockedUntilMs: null } }>;
    clear?: () => Promise<void>;
    away?: boolean;
  }) => {
    const calls: string[] = [];
    const lockout = createSharedLockoutOver({
      count: (id, purpose) => {
        calls.push(`count ${id} ${purpose}`);
        return opts.count ? opts.count() : Promise.resolve({ counted: { failures: 1, lockedUntilMs: null } });
      },
      clear: (id, purpose) => {
        calls.push(`clear ${id} ${purpose ?? 'both'}`);
        return opts.clear ? opts.clear() : Promise.resolve();
      },
      log,
      centralAway: () => opts.away === true,
    });
    return { lockout, calls };
  };

  it("passes central's answer on, and asks nothing while central is away", async () => {
    const up = over({});
    expect(await up.lockout.count(EMP, 'kiosk')).toEqual({ counted: { failures: 1, lockedUntilMs: null } });
    expect(await up.lockout.clear(EMP, 'manager')).toBe(true);
    expect(up.calls).toEqual([`count ${EMP} kiosk`, `clear ${EMP} manager`]);
    const away = over({ away: true });
    expect(await away.lockout.count(EMP, 'kiosk')).toBeNull();
    expect(await away.lockout.clear(EMP)).toBe(false);
    expect(away.calls).toEqual([]);
  });

  it('a failing central is no answer: null for a count, false and a warning for a clear', async () => {
    warnings.length = 0;
    const down = over({ count: () => Promise.reject(new Error('down')), clear: () => Promise.reject(new Error('down')) });
    expect(await down.lockout.count(EMP, 'kiosk')).toBeNull();
    expect(await down.lockout.clear(EMP)).toBe(false);
    expect(warnings).toEqual([{ msg: 'could not clear the PIN count at central', fields: { employeeId: EMP } }]);
  });

  it('a slow central is waited for 0.7 s for a count and 2.1 s for a clear, no longer', async () => {
    vi.useFakeTimers();
    const slow = over({ count: never, clear: never });
    let counted: unknown = 'waiting';
    void slow.lockout.count(EMP, 'kiosk').then((r) => (counted = r));
    await vi.advanceTimersByTimeAsync(699);
    expect(counted).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(counted).toBeNull();
    let cleared: unknown = 'waiting';
    void slow.lockout.clear(EMP).then((r) => (cleared = r));
    await vi.advanceTimersByTimeAsync(2099);
    expect(cleared).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    expect(cleared).toBe(false);
  });
});
