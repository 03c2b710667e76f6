import { execFile, type ChildProcess } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-app.js';
import { createTestDatabase } from '../support/test-postgres.js';

const run = promisify(execFile);
const BIN = path.resolve('bin/frontdesk.js');

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** Runs the CLI with `input` on its stdin (for secrets, which never go in the arguments). */
function cliWithStdin(args: string[], input: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(input);
  });
}

describe('frontdesk CLI', () => {
  it('adds and lists employees, punches with and without a PIN, and lists punches as JSON', async () => {
    const data = tempDir();
    const added = await cli([
      'employees',
      'add',
      '--code',
      'C1',
      '--name',
      'Chandra',
      '--pin',
      '2468',
      '--badge',
      'BX1',
      '--team',
      'Night',
      '--new-team',
      '--data',
      data,
      '--json',
      '--no-demo',
    ]);
    expect(added.code).toBe(0);
    expect(JSON.parse(added.stdout)).toMatchObject({ code: 'C1', name: 'Chandra', team: 'Night', hasBadge: true });

    const list = JSON.parse((await cli(['employees', 'list', '--data', data, '--json'])).stdout);
    expect(list.map((e: { code: string }) => e.code)).toEqual(['C1']);

    const inn = JSON.parse(
      (await cli(['punch', '--employee', 'C1', '--pin', '2468', '--at', '2026-11-20T03:30:00Z', '--data', data, '--json'])).stdout,
    );
    expect(inn).toMatchObject({ kind: 'IN', localTime: '09:00', localDate: '2026-11-20' });
    const out = JSON.parse(
      (await cli(['punch', '--employee', 'C1', '--kind', 'OUT', '--at', '2026-11-20T12:00:00Z', '--data', data, '--json'])).stdout,
    );
    expect(out).toMatchObject({ kind: 'OUT', todaySeconds: 8.5 * 3600 });

    const punches = JSON.parse((await cli(['punches', 'list', '--employee', 'C1', '--data', data, '--json'])).stdout);
    expect(punches.map((p: { kind: string }) => p.kind)).toEqual(['OUT', 'IN']);

    const human = await cli(['punches', 'list', '--data', data]);
    expect(human.stdout).toContain('Chandra');
  });

  it('exits non-zero with a typed JSON error for refusals and bad usage', async () => {
    const data = tempDir();
    await cli(['employees', 'add', '--code', 'C1', '--name', 'Chandra', '--pin', '2468', '--data', data, '--no-demo']);
    const wrong = await cli(['punch', '--employee', 'C1', '--pin', '1111', '--data', data, '--json']);
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.stdout)).toEqual({ error: { code: 'WRONG_PIN', message: 'Wrong PIN. 4 attempts left.', details: { attemptsLeft: 4 } } });
    const unknown = await cli(['punch', '--employee', 'ZZ', '--data', data]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No employee has the code ZZ. [UNKNOWN_EMPLOYEE]');
    const usage = await cli(['punch', '--data', data, '--json']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stdout).error.message).toBe('--employee is required');
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['punch', '--employee', 'C1', '--kind', 'SIDEWAYS', '--data', data])).code).toBe(2);
  });

  it('imports a file, reports bad lines with numbers, and adds nothing on the second import', async () => {
    const data = tempDir();
    await cli(['employees', 'add', '--code', '1001', '--name', 'Asha', '--pin', '2468', '--data', data, '--no-demo']);
    const file = path.join(data, 'punches.csv');
    writeFileSync(
      file,
      'employee_code,kind,at\n1001,IN,2026-11-19T09:00:00+05:30\n1002,IN,2026-11-19T09:00:00+05:30\n1001,OUT,2026-11-19T17:00:00+05:30\n',
    );
    const first = JSON.parse((await cli(['import', file, '--data', data, '--json'])).stdout);
    expect(first).toMatchObject({ imported: 2, errors: [{ line: 3, reason: "unknown employee code '1002'" }] });
    const second = await cli(['import', file, '--data', data]);
    expect(second.stdout).toContain('0 imported, 2 already present, 1 refused');
    expect(second.stdout).toContain("line 3: unknown employee code '1002'");
    expect((await cli(['import', path.join(data, 'missing.csv'), '--data', data])).code).toBe(2);
  });

  it('creates demo data on first run and prints the credentials once', async () => {
    const data = tempDir();
    const first = await cli(['employees', 'list', '--data', data, '--json']);
    expect(first.stderr).toContain('Demo employees');
    expect(first.stderr).toMatch(/1002\s+Vikram Nair\s+Front Office\s+1234/);
    expect(JSON.parse(first.stdout)).toHaveLength(8);
    const second = await cli(['employees', 'list', '--data', data, '--json']);
    expect(second.stderr).not.toContain('Demo employees');
  });

  it('reads the data folder from FRONTDESK_DATA', async () => {
    const data = tempDir();
    await cli(['employees', 'add', '--code', 'E5', '--name', 'Env', '--pin', '2468', '--no-demo'], { FRONTDESK_DATA: data });
    const list = JSON.parse((await cli(['employees', 'list', '--json', '--data', data])).stdout);
    expect(list.map((e: { code: string }) => e.code)).toEqual(['E5']);
  });
});

describe('frontdesk serve with no configuration', () => {
  it('starts the embedded central, syncs to it, and stops it on exit', async () => {
    const { removeEmbeddedCluster } = await import('../../src-main/db/central/embedded.js');
    const data = tempDir();
    const { child, info } = await serveBuiltIn(data);
    try {
      const token = info.openUrl.split('#token=')[1]!;
      const status = async () => {
        const res = await fetch(`${info.url}/rpc/sync.now`, { method: 'POST', headers: { Authorization: `Bearer ${token}` }, body: '{}' });
        return ((await res.json()) as { value: { state: string; pending: number; central: string } }).value;
      };
      let s = await status();
      for (let i = 0; i < 40 && (s.pending > 0 || s.state !== 'idle'); i++) s = await status();
      expect(s).toMatchObject({ central: 'embedded', state: 'idle', pending: 0 });
      const verify = await cli(['verify', '--data', data, '--json'], { FRONTDESK_LOG_LEVEL: 'error' });
      expect(verify.code).toBe(0);
      expect(JSON.parse(verify.stdout).ok).toBe(true);

      // The built-in Central serves the console over the same database, with a demo admin
      // whose password is printed once.
      const central = info.central!;
      expect(central.demoAdmin?.username).toBe('admin');
      const signIn = await fetch(`${central.url}auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: central.demoAdmin!.password }),
      });
      expect(signIn.status).toBe(200);
      const session = (await signIn.json()) as { value: { csrfToken: string } };
      const roster = await fetch(`${central.url}rpc/roster.list`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          cookie: signIn.headers.get('set-cookie')!.split(';')[0]!,
          'x-csrf-token': session.value.csrfToken,
        },
        body: '{}',
      });
      const names = ((await roster.json()) as { value: { employees: { code: string }[] } }).value.employees.map((e) => e.code);
      expect(names).toHaveLength(8);
      expect(names).toContain('1001');
    } finally {
      await stop(child);
    }
    // Started again, the admin is there: no new password is made or shown.
    const again = await serveBuiltIn(data);
    try {
      expect(again.info.central?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(again.info.central?.demoAdmin).toBeUndefined();
      expect(again.stdout()).not.toMatch(/password/i);
    } finally {
      await stop(again.child);
      removeEmbeddedCluster(data);
    }
  });

  it('with a DATABASE_URL (direct sync asked for) starts no built-in Central and makes no admin', async () => {
    const data = tempDir();
    const { child, info } = await serveBuiltIn(data, { DATABASE_URL: await createTestDatabase('nocentral'), FRONTDESK_DIRECT_SYNC: '1' });
    try {
      expect(info.central).toBeNull();
    } finally {
      await stop(child);
    }
  });

  it('refuses to serve a kiosk with a database credential unless direct sync is asked for, saying how to enroll instead', async () => {
    const data = tempDir();
    const r = await cli(['serve', '--data', data, '--port', '0', '--json'], {
      DATABASE_URL: 'postgres://frontdesk:secret@127.0.0.1:9/frontdesk',
      FRONTDESK_DIRECT_SYNC: '',
    });
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('frontdesk enroll');
    expect(r.stdout + r.stderr).toContain('FRONTDESK_DIRECT_SYNC=1');
  });
});

interface ServeInfo {
  url: string;
  openUrl: string;
  central: { url: string; demoAdmin?: { username: string; password: string } } | null;
}

/** `frontdesk serve --port 0 --json` on a data folder; with no DATABASE_URL unless one is given. */
async function serveBuiltIn(data: string, extraEnv: Record<string, string> = {}) {
  const { spawn } = await import('node:child_process');
  const env: NodeJS.ProcessEnv = { ...process.env, FRONTDESK_LOG_LEVEL: 'error' };
  delete env.DATABASE_URL;
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [BIN, 'serve', '--data', data, '--port', '0', '--json'], { env, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  const info = await new Promise<ServeInfo>((resolve, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      try {
        resolve(JSON.parse(out) as ServeInfo);
      } catch {
        /* incomplete */
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { child, info, stdout: () => out };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

describe('frontdesk serve and its session token', () => {
  it('refuses --token (it would show in the process list) and reads the token from a file instead', async () => {
    const { spawn } = await import('node:child_process');
    const data = tempDir();
    const refused = await cli(['serve', '--token', 'a-token-of-twenty-chars', '--data', data, '--no-demo']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('FRONTDESK_TOKEN');
    const file = path.join(data, 'token.txt');
    writeFileSync(file, 'token-from-a-file-0123456789\n', { mode: 0o600 });
    const child = spawn(process.execPath, [BIN, 'serve', '--token-file', file, '--data', data, '--port', '0', '--json', '--no-demo'], {
      env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error', DATABASE_URL: 'postgres://x:y@127.0.0.1:9/none', FRONTDESK_DIRECT_SYNC: '1' },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      const info = await new Promise<{ openUrl: string }>((resolve) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          try {
            resolve(JSON.parse(out));
          } catch {
            /* incomplete */
          }
        });
      });
      expect(info.openUrl).toMatch(/#token=token-from-a-file-0123456789$/);
    } finally {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    expect((await cli(['serve', '--token-file', path.join(data, 'nope'), '--data', data])).code).toBe(2);
  });
});

describe('frontdesk report, corrections and audit', () => {
  it('runs a report, writes CSV, corrects a punch and shows the audit, with exit codes that tell', async () => {
    const { existsSync, readFileSync, readdirSync, statSync } = await import('node:fs');
    const { createTestDatabase } = await import('../support/test-postgres.js');
    const data = tempDir();
    const env = { DATABASE_URL: await createTestDatabase('cli') };
    // A real central gets demo data only when asked.
    const r = await cli(['report', 'workhours', '--days', '7', '--demo', '--data', data, '--json'], env);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.columns).toEqual([
      'employee_code',
      'name',
      'team',
      'date',
      'seconds',
      'hours',
      'sessions',
      'open_sessions',
      'auto_closed_sessions',
    ]);
    expect(report.rows.length).toBeGreaterThan(30);
    const csv = await cli(['report', 'workhours', '--days', '7', '--csv', data, '--data', data, '--json'], env);
    const file = readdirSync(data).find((f) => f.startsWith('workhours_'))!;
    expect(file).toMatch(/^workhours_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_Asia-Kolkata\.csv$/);
    expect(JSON.parse(csv.stdout).rows).toBe(report.rows.length);
    expect(readFileSync(path.join(data, file), 'utf8').split('\r\n')[0]).toBe(
      'employee_code,name,team,date,seconds,hours,sessions,open_sessions,auto_closed_sessions',
    );

    const missing = JSON.parse((await cli(['report', 'exceptions', '--days', '7', '--data', data, '--json'], env)).stdout).rows[0];
    expect(missing).toMatchObject({ employee_code: '1005', kind: 'MISSING_OUT' });
    const fixAt = `${missing.date}T18:00:00+05:30`;
    const notManager = await cli(
      ['punches', 'correct', '--employee', '1005', '--kind', 'OUT', '--at', fixAt, '--reason', 'forgot', '--by', '1002', '--data', data, '--json'],
      env,
    );
    expect(notManager.code).toBe(1);
    expect(JSON.parse(notManager.stdout).error.code).toBe('FORBIDDEN');
    const fixed = await cli(
      [
        'punches',
        'correct',
        '--employee',
        '1005',
        '--kind',
        'OUT',
        '--at',
        fixAt,
        '--reason',
        'forgot to punch out',
        '--by',
        '1001',
        '--data',
        data,
        '--json',
      ],
      env,
    );
    expect(fixed.code).toBe(0);
    const after = JSON.parse((await cli(['report', 'exceptions', '--days', '7', '--data', data, '--json'], env)).stdout).rows;
    expect(after).toEqual([]);
    const audit = JSON.parse((await cli(['audit', '--employee', '1005', '--data', data, '--json'], env)).stdout);
    expect(audit).toEqual([expect.objectContaining({ actor: 'manager:1001', action: 'punch.add', reason: 'forgot to punch out' })]);

    // The corrected IN is closed already; the auto check-out leaves it alone.
    const auto = await cli(['auto-checkout', '--rule', '23:00', '--data', data, '--json'], env);
    expect(auto.code).toBe(0);
    expect(JSON.parse(auto.stdout)).toMatchObject({ rule: 'at 23:00', withdrawn: [] });
    expect(JSON.parse(auto.stdout).closed.filter((c: { employeeCode: string }) => c.employeeCode === '1005')).toEqual([]);
    const bad = await cli(['auto-checkout', '--rule', 'sometimes', '--data', data, '--json'], env);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error.code).toBe('BAD_INPUT');

    const sql = await cli(['sql', 'SELECT count(*)::int AS n FROM reporting.employees', '--data', data, '--json'], env);
    expect(sql.code).toBe(0);
    expect(JSON.parse(sql.stdout)).toEqual({ columns: ['n'], rows: [{ n: 8 }], truncated: false, truncatedBy: null });
    // 290 MB asked for (1,001 rows of 290 kB): the command answers with what fits, cut, and says so.
    const bigSql = "SELECT g, (SELECT string_agg(h::text, '') FROM generate_series(1, 60000) AS h) AS pad FROM generate_series(1, 1001) AS g";
    const big = await cli(['sql', bigSql, '--data', data, '--json'], env);
    expect(big.code).toBe(0);
    const cut = JSON.parse(big.stdout) as { rows: { g: number }[]; truncatedBy: string };
    expect(cut.truncatedBy).toBe('bytes');
    expect(cut.rows.map((r) => r.g)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect((await cli(['sql', bigSql, '--data', data], env)).stdout).toContain('(cut after 14 rows');
    const refused = await cli(['sql', 'DELETE FROM punches', '--data', data, '--json'], env);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout).error).toMatchObject({ code: 'SQL_REFUSED', message: 'Only a SELECT is allowed.' });

    const ask = await cli(['ask', 'who is in now?', '--data', data, '--json'], env);
    expect(ask.code).toBe(0);
    expect(JSON.parse(ask.stdout)).toMatchObject({
      engine: 'offline',
      answered: true,
      period: 'now',
      steps: [{ tool: 'roster' }, { tool: 'list_teams' }, { tool: 'present_now' }],
    });
    expect((await cli(['ask', 'write me a poem', '--data', data], env)).code).toBe(1);

    // The AI endpoint: kept in a 0600 file, never printed; an unreachable one falls back.
    expect(JSON.parse((await cli(['ai', 'status', '--data', data, '--json'], env)).stdout)).toMatchObject({ configured: false });
    expect((await cli(['ai', 'set', '--key', 'sk-secret-123', '--data', data], env)).code).toBe(2); // would show in the process list
    const set = await cliWithStdin(
      ['ai', 'set', '--key-stdin', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'm1', '--data', data, '--json'],
      'sk-secret-123\n',
      env,
    );
    expect(JSON.parse(set.stdout)).toEqual({ configured: true, baseUrl: 'http://127.0.0.1:9/v1', model: 'm1', keySource: 'secrets-file' });
    expect(set.stdout + set.stderr).not.toContain('sk-secret-123');
    expect(statSync(path.join(data, 'secrets.json')).mode & 0o777).toBe(0o600);
    const summary = JSON.parse((await cli(['summary', '--data', data, '--json'], env)).stdout);
    expect(summary).toMatchObject({
      engine: 'offline',
      period: 'day',
      engineNote: 'The AI endpoint could not be reached, so the template wrote this.',
    });
    expect(summary.text).toMatch(/^On \d{4}-\d{2}-\d{2}, \d+ of \d+ employees came in/);
    await cli(['ai', 'clear', '--data', data], env);
    expect(existsSync(path.join(data, 'secrets.json'))).toBe(false);
  }, 180_000); // nineteen CLI runs, each a process of its own: a hang guard, not a speed check
});

describe('frontdesk sites, teams and employees update', () => {
  it('manages the roster on central from the command line', async () => {
    const { createTestDatabase, query } = await import('../support/test-postgres.js');
    const data = tempDir();
    const env = { DATABASE_URL: await createTestDatabase('cliroster') };
    expect((await cli(['status', '--demo', '--data', data], env)).code).toBe(0);
    expect(
      (
        await cli(
          ['sites', 'add', '--name', 'Pune', '--tz', 'Asia/Kolkata', '--shift-start', '08:30', '--grace', '5', '--by', '1001', '--data', data],
          env,
        )
      ).code,
    ).toBe(0);
    expect(
      (await cli(['teams', 'add', '--name', 'Pune Desk', '--site', 'Pune', '--shift-end', '16:00', '--by', '1001', '--data', data], env)).code,
    ).toBe(0);
    expect((await cli(['sites', 'update', '--name', 'Pune', '--shift-end', '17:30', '--by', '1001', '--data', data], env)).code).toBe(0);
    expect(
      (await cli(['teams', 'update', '--name', 'Pune Desk', '--shift-start', '10:00', '--shift-end', 'site', '--by', '1001', '--data', data], env))
        .code,
    ).toBe(0);
    expect(await query(env.DATABASE_URL, "SELECT shift_start, grace_minutes, shift_end FROM reporting.teams WHERE name = 'Pune Desk'")).toEqual([
      { shift_start: '10:00', grace_minutes: 5, shift_end: '17:30' },
    ]);
    // A shift change applies from the date given with --from, and never from a date to come.
    expect(
      (await cli(['teams', 'update', '--name', 'Pune Desk', '--shift-end', '19:00', '--from', '2026-01-05', '--by', '1001', '--data', data], env))
        .code,
    ).toBe(0);
    expect(
      await query(
        env.DATABASE_URL,
        "SELECT h.effective_from::text AS from, h.shift_end FROM shift_history h JOIN teams t ON t.id = h.scope_id WHERE t.name = 'Pune Desk' AND h.effective_from > '2000-01-01' ORDER BY 1",
      ),
    ).toEqual([
      { from: '2026-01-05', shift_end: '19:00' },
      { from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), shift_end: null },
    ]);
    const future = await cli(['sites', 'update', '--name', 'Pune', '--grace', '20', '--from', '2999-01-01', '--by', '1001', '--data', data], env);
    expect([future.code, future.stderr]).toEqual([1, expect.stringContaining('applies from today or an earlier date')]);
    expect((await cli(['sites', 'add', '--name', 'Mars', '--tz', 'Mars/Base', '--by', '1001', '--data', data], env)).code).toBe(1);
    const upd = await cli(
      ['employees', 'update', '--code', '1003', '--deactivate', '--team', 'Pune Desk', '--by', '1001', '--data', data, '--json'],
      env,
    );
    expect(upd.code).toBe(0);
    const punch = await cli(['punch', '--employee', '1003', '--data', data, '--json'], env);
    expect(punch.code).toBe(1);
    expect(JSON.parse(punch.stdout).error.code).toBe('INACTIVE_EMPLOYEE');
    const list = JSON.parse((await cli(['employees', 'list', '--all', '--data', data, '--json'], env)).stdout);
    expect(list.find((e: { code: string }) => e.code === '1003')).toMatchObject({ active: false, team: 'Pune Desk' });

    // Five wrong PINs lock 1002 out, even with the right PIN; a manager clears it from the command line.
    const punchAs = (pin: string) => cli(['punch', '--employee', '1002', '--pin', pin, '--data', data, '--json'], env);
    for (let i = 0; i < 5; i++) expect((await punchAs('0000')).code).toBe(1);
    expect(JSON.parse((await punchAs('1234')).stdout).error.code).toBe('LOCKED_OUT');
    const unlock = await cli(['employees', 'unlock', '--code', '1002', '--by', '1001', '--data', data], env);
    expect([unlock.code, unlock.stdout.trim()]).toEqual([0, 'Vikram Nair (1002) may try a PIN again at every kiosk.']);
    expect((await cli(['employees', 'unlock', '--code', '1002', '--by', '1002', '--data', data], env)).code).toBe(1);
    const after = await punchAs('1234');
    expect([after.code, JSON.parse(after.stdout).employeeCode]).toEqual([0, '1002']);
  });
});

describe('frontdesk errors and exit codes', () => {
  it('answers impossible or malformed input with a sentence and exit 1, bad usage with 2, an unknown command by name', async () => {
    const { createTestDatabase } = await import('../support/test-postgres.js');
    const data = tempDir();
    const env = { DATABASE_URL: await createTestDatabase('clierrors') };
    await cli(['employees', 'add', '--code', 'C1', '--name', 'Chandra', '--pin', '2468', '--data', data], env);

    for (const [from, why] of [
      ['2026-13-45', '2026-13-45 is not a date that exists.'],
      ['2026-02-30', '2026-02-30 is not a date that exists.'],
    ] as const) {
      const r = await cli(['report', 'workhours', '--from', from, '--to', '2026-12-01', '--data', data, '--json'], env);
      expect(r.code).toBe(1);
      expect(JSON.parse(r.stdout).error).toEqual({ code: 'BAD_INPUT', message: why, details: expect.anything() });
    }
    const url = await cli(['ai', 'set', '--base-url', 'not-a-url', '--data', data, '--json'], env);
    expect(url.code).toBe(1);
    expect(JSON.parse(url.stdout).error.message).toBe('The base URL must be a web address such as https://example.com/v1.');

    // A time without an offset is the site's local time.
    const local = await cli(['punch', '--employee', 'C1', '--at', '2026-11-20T09:00:00', '--data', data, '--json'], env);
    expect(local.code).toBe(0);
    expect(JSON.parse(local.stdout)).toMatchObject({ at: '2026-11-20T03:30:00.000Z', localTime: '09:00' });

    const team = await cli(
      ['employees', 'add', '--code', 'C2', '--name', 'Devi', '--pin', '2468', '--team', 'Nite Desk', '--data', data, '--json'],
      env,
    );
    expect(team.code).toBe(1);
    expect(JSON.parse(team.stdout).error.message).toContain('There is no team Nite Desk.');
    expect(
      (await cli(['employees', 'add', '--code', 'C2', '--name', 'Devi', '--pin', '2468', '--team', 'Night Desk', '--new-team', '--data', data], env))
        .code,
    ).toBe(0);

    const unknown = await cli(['punhc', '--data', data]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "punhc"');
    expect((await cli(['report', 'workhours', '--days', 'x', '--from', '2026-11-01', '--data', data], env)).code).toBe(1);
    expect((await cli(['report', '--data', data], env)).code).toBe(2);
  });

  it('import with refused lines exits 1 after importing the good ones; sync --once exits 1 when it did not succeed', async () => {
    const data = tempDir();
    const dead = { DATABASE_URL: 'postgres://x:y@127.0.0.1:9/none' };
    await cli(['employees', 'add', '--code', 'C1', '--name', 'Chandra', '--pin', '2468', '--data', data], dead);
    const file = path.join(data, 'in.csv');
    writeFileSync(file, 'employee_code,kind,at\nC1,IN,2026-11-19T09:00:00+05:30\nC9,IN,2026-11-19T09:00:00+05:30\n');
    const imported = await cli(['import', file, '--data', data, '--json'], dead);
    expect(imported.code).toBe(1);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: 1, errors: [{ line: 3 }] });
    const sync = await cli(['sync', '--once', '--data', data, '--json'], dead);
    expect(sync.code).toBe(1);
    expect(JSON.parse(sync.stdout)).toMatchObject({ state: 'offline', pending: 1 });
  });

  it('lists sites and teams, writes CSV into a folder it makes, shows audit times in local time and SQL instants as ISO-8601', async () => {
    const { createTestDatabase } = await import('../support/test-postgres.js');
    const data = tempDir();
    const env = { DATABASE_URL: await createTestDatabase('clilists') };
    expect((await cli(['status', '--demo', '--data', data], env)).code).toBe(0);
    expect((await cli(['sync', '--once', '--data', data], env)).code).toBe(0);
    const sites = JSON.parse((await cli(['sites', 'list', '--data', data, '--json'], env)).stdout);
    expect(sites).toEqual([expect.objectContaining({ name: 'Head Office', tz: 'Asia/Kolkata' })]);
    const teams = await cli(['teams', 'list', '--data', data], env);
    expect(teams.stdout).toMatch(/Engineering\s+Head Office\s+09:00 \(site\)-18:00 \(site\)\s+10 \(site\)\s+3/);

    const folder = path.join(data, 'exports', 'november');
    const csv = await cli(['report', 'workhours', '--days', '7', '--csv', folder, '--data', data, '--json'], env);
    expect(csv.code).toBe(0);
    expect(existsSync(JSON.parse(csv.stdout).file)).toBe(true);

    const sql = await cli(['sql', 'SELECT at_utc FROM reporting.punches ORDER BY at_utc LIMIT 1', '--data', data], env);
    expect(sql.stdout).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);

    const punches = JSON.parse((await cli(['punches', 'list', '--employee', '1002', '--limit', '2', '--data', data, '--json'], env)).stdout);
    // The last session (its OUT and its IN) was never theirs: voided together.
    const voided = await cli(
      ['punches', 'void', '--id', punches[0].id, '--with', punches[1].id, '--reason', 'tapped by mistake', '--by', '1001', '--data', data],
      env,
    );
    expect(voided.code).toBe(0);
    const audit = await cli(['audit', '--data', data], env);
    expect(audit.stdout).toMatch(/^when\s+actor/m);
    expect(audit.stdout).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+manager:1001\s+punch\.void/);
  });
});
