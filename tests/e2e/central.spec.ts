// Frontdesk Central's console in Chromium, at its public URL: an admin signs in, makes a
// manager for one team and a payroll token; the manager signs in, sees only that team, and
// adds a missing OUT; the payroll token downloads the work-hours CSV for everyone.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { createTestDatabase, query } from '../support/test-postgres.js';
import { KioskPage } from './pages/kiosk-page.js';
import { freePort } from '../../src-main/free-port.js';

const run = promisify(execFile);
const ADMIN_PASSWORD = 'admin-password-e2e';
const LEAD_PASSWORD = 'lead-password-e2e';

interface Central {
  url: string;
  databaseUrl: string;
  dataDir: string;
  child: ChildProcess;
  stderr: () => string;
}

function cli(args: string[], env: Record<string, string>, stdin?: string): Promise<string> {
  const child = execFile(process.execPath, ['bin/frontdesk.js', ...args], { env: { ...process.env, FRONTDESK_LOG_LEVEL: 'warn', ...env } });
  const done = new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout?.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (err += c.toString()));
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`frontdesk ${args.join(' ')} exited ${code}: ${err}`))));
  });
  child.stdin?.end(stdin ?? '');
  return done;
}

/**
 * A Central on a fresh database with the demo roster and punches in it (published by a kiosk's
 * first sync), a first admin, and the public URL http://localhost:<port>.
 */
async function startCentral(): Promise<Central> {
  const databaseUrl = await createTestDatabase('console');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-central-e2e-'));
  const env = { DATABASE_URL: databaseUrl };
  await run(process.execPath, ['bin/frontdesk.js', 'sync', '--once', '--demo', '--data', path.join(dataDir, 'kiosk')], {
    env: { ...process.env, ...env, FRONTDESK_LOG_LEVEL: 'warn' },
  });
  await cli(['central', 'init', '--admin', 'root', '--password-stdin', '--data', dataDir], env, ADMIN_PASSWORD);
  const port = await freePort();
  const url = `http://localhost:${port}`;
  // Logged at info: every request is a JSON line, and the log is checked for secrets at the end.
  const child = spawn(
    process.execPath,
    ['bin/frontdesk.js', 'central', 'serve', '--port', String(port), '--public-url', url, '--data', dataDir, '--json'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, FRONTDESK_LOG_LEVEL: 'info' },
    },
  );
  let err = '';
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('"url"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`central serve exited ${code}: ${err}`)));
  });
  return { url, databaseUrl, dataDir, child, stderr: () => err };
}

/** A kiosk web host (`frontdesk serve`) on a data folder, and its first JSON line; the log is kept. */
async function serveKiosk(
  dataDir: string,
  env: Record<string, string>,
  logLevel = 'warn',
): Promise<{ child: ChildProcess; openUrl: string; central: unknown; log: () => string }> {
  const child = spawn(process.execPath, ['bin/frontdesk.js', 'serve', '--data', dataDir, '--port', '0', '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FRONTDESK_LOG_LEVEL: logLevel, ...env },
  });
  let log = '';
  child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const info = await new Promise<{ openUrl: string; central: unknown }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      try {
        resolve(JSON.parse(out) as { openUrl: string; central: unknown });
      } catch {
        /* not complete yet */
      }
    });
    child.once('exit', (code) => reject(new Error(`frontdesk serve exited with ${code}`)));
  });
  return { child, ...info, log: () => log };
}

async function stopKiosk(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Secrets seen during the test (passwords, tokens, the session cookie): none may reach the log. */
const secrets: string[] = [ADMIN_PASSWORD, LEAD_PASSWORD];

async function stopCentral(c: Central): Promise<void> {
  const exited = new Promise<number | null>((resolve) => c.child.once('exit', resolve));
  c.child.kill('SIGTERM');
  // SIGTERM is a clean stop: exit code 0.
  expect(await exited).toBe(0);
  rmSync(c.dataDir, { recursive: true, force: true });
  const log = c.stderr();
  expect(log).not.toContain('unhandled promise rejection');
  const lines = log.split('\n').filter((l) => l.trim() !== '');
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
  expect(lines.some((l) => l.includes('"path":"/auth/sign-in"'))).toBe(true);
  for (const secret of secrets) expect(log).not.toContain(secret);
}

async function apiCall(c: Central, token: string, method: string, p: string, body?: unknown, accept = 'application/json') {
  const res = await fetch(c.url + p, {
    method,
    headers: { authorization: `Bearer ${token}`, accept, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, text: await res.text() };
}

/** Yesterday's local date in Kolkata (the demo site's zone). */
const yesterdayKolkata = (): string => new Date(Date.now() + 5.5 * 3600_000 - 86_400_000).toISOString().slice(0, 10);

async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1024, height: 768 },
  ]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

let central: Central;
test.beforeAll(async () => {
  central = await startCentral();
});
test.afterAll(async () => {
  if (central) await stopCentral(central);
});

test('an admin makes a manager for one team and a payroll token; the manager sees only that team and adds a missing OUT', async ({ page }) => {
  test.setTimeout(120_000);
  const c = central;
  // Two people who forgot an OUT yesterday: one in Engineering, one in Operations. (An IN at 06:10
  // is older than the 16 h max at any hour of today, so it is a missing OUT, not someone at work.)
  const seed = JSON.parse(
    await cli(['central', 'tokens', 'create', '--name', 'seed', '--scope', 'write', '--json', '--data', c.dataDir], { DATABASE_URL: c.databaseUrl }),
  ) as {
    token: string;
  };
  secrets.push(seed.token);
  const day = yesterdayKolkata();
  for (const [code, name, team] of [
    ['3001', 'Nila Bose', 'Engineering'],
    ['3002', 'Ravi Kumar', 'Operations'],
  ] as const) {
    expect((await apiCall(c, seed.token, 'POST', '/api/v1/employees', { code, name, pin: '2468', team, start_date: '2026-01-01' })).status).toBe(201);
    expect(
      (await apiCall(c, seed.token, 'POST', '/api/v1/attendance', { employee_id: code, event_type: 'IN', timestamp: `${day}T06:10:00+05:30` }))
        .status,
    ).toBe(201);
  }

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(c.url + '/');
  await expect(page.getByRole('heading', { name: 'Frontdesk Central' })).toBeVisible();
  await signIn(page, 'root', 'not-the-password');
  await expect(page.getByRole('alert')).toHaveText('The username or password is not right.');
  await shoot(page, 'central-sign-in');
  await signIn(page, 'root', ADMIN_PASSWORD);
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByText('Signed in as root (admin)')).toBeVisible();

  // Users: a manager for Engineering only.
  await page.getByRole('button', { name: 'Users', exact: true }).click();
  await expect(page.getByTestId('users')).toHaveAttribute('data-loaded', 'true');
  await page.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Username').fill('eng-lead');
  await dialog.getByLabel(/^Password/).fill(LEAD_PASSWORD);
  await dialog.getByLabel('Role').selectOption('manager');
  await dialog.getByLabel('Engineering').check();
  await shoot(page, 'central-add-user');
  await dialog.getByLabel('Engineering').uncheck();
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog.getByRole('alert')).toContainText('tick at least one');
  await dialog.getByLabel('Engineering').check();
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByTestId('user-table').locator('tr[data-username="eng-lead"]');
  await expect(row).toContainText('manager');
  await expect(row).toContainText('Engineering');
  await shoot(page, 'central-users');

  // API tokens: a read token for payroll, shown once.
  await page.getByRole('button', { name: 'API tokens' }).click();
  await page.getByRole('button', { name: 'Make token' }).click();
  await page.getByRole('dialog').getByLabel(/^Name/).fill('payroll export');
  await page.getByRole('dialog').getByLabel('Scope').selectOption('read');
  await page.getByRole('dialog').getByRole('button', { name: 'Make token' }).click();
  const payrollToken = await page.getByTestId('new-token').inputValue();
  expect(payrollToken).toMatch(/^fdk_/);
  secrets.push(payrollToken);
  const cookie = (await page.context().cookies()).find((k) => k.name === 'fd_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  secrets.push(cookie!.value);
  await expect(page.getByTestId('token-table').locator('tr[data-token="payroll export"]')).toContainText('read');
  await shoot(page, 'central-tokens');

  // Audit log: the manager's creation and the sign-ins, filtered.
  await page.getByRole('button', { name: 'Audit log' }).click();
  await expect(page.getByTestId('audit')).toHaveAttribute('data-loaded', 'true');
  await page.getByLabel('What').selectOption('account.sign*');
  await page.getByRole('button', { name: 'Show' }).click();
  const rows = page.getByTestId('audit-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // Every row shown is a sign-in event once the filtered list has replaced the full one.
  await expect
    .poll(async () => (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-action')))).every((a) => /^account\.sign/.test(a ?? '')))
    .toBe(true);
  await expect(page.getByTestId('audit-table').locator('tr[data-action="account.signInFailed"]')).toHaveCount(1);
  await shoot(page, 'central-audit');
  await page.getByRole('button', { name: 'Sign out' }).click();

  // The manager: Engineering only, everywhere.
  await signIn(page, 'eng-lead', LEAD_PASSWORD);
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByText('Signed in as eng-lead (manager · Engineering)')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Users', exact: true })).toHaveCount(0);
  const teamOptions = await page.getByRole('combobox', { name: 'Team' }).locator('option').allTextContents();
  expect(teamOptions.filter((t) => t !== 'All teams')).toEqual(['Engineering']);
  const missing = page.getByTestId('exceptions').locator('tr[data-kind="MISSING_OUT"]');
  await expect(missing.filter({ hasText: 'Nila Bose' })).toHaveCount(1);
  await expect(page.getByTestId('exceptions')).not.toContainText('Ravi Kumar');
  await expect(page.getByTestId('dashboard')).not.toContainText('Operations');
  await shoot(page, 'central-manager-dashboard');
  await missing.filter({ hasText: 'Nila Bose' }).getByRole('button', { name: 'Add OUT' }).click();
  const day2 = page.getByTestId('day-review');
  await day2.getByLabel('OUT time').fill('14:40');
  await day2.getByLabel('Reason', { exact: true }).fill('Left at 14:40, confirmed by the lead');
  await day2.getByRole('button', { name: 'Save correction' }).click();
  await expect(day2).toBeHidden();
  await expect(missing.filter({ hasText: 'Nila Bose' })).toHaveCount(0);
  const audit = await query<{ actor: string }>(c.databaseUrl, "SELECT actor FROM audit_log WHERE action = 'punch.add'");
  expect(audit).toEqual([{ actor: 'user:eng-lead' }]);

  await page.getByRole('button', { name: 'Roster' }).click();
  await expect(page.getByTestId('roster')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('employees')).toContainText('Nila Bose');
  await expect(page.getByTestId('employees')).not.toContainText('Ravi Kumar');
  // Sites are the admin's: the team's manager is offered teams and employees, not sites.
  await expect(page.getByRole('button', { name: 'Add team' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add site' })).toHaveCount(0);

  // The payroll token: the work-hours CSV of everyone, with the corrected day at 8.5 h.
  const csv = await apiCall(c, payrollToken, 'GET', '/api/v1/summary/workhours?days=7', undefined, 'text/csv');
  expect(csv.status).toBe(200);
  const lines = csv.text.trim().split(/\r?\n/);
  expect(lines.find((l) => l.startsWith(`3001,`) && l.includes(day))).toMatch(/,30600,8\.5(,|$)/);
  expect(lines.some((l) => l.startsWith('3002,'))).toBe(true);
});

test('an admin adds a kiosk in the console; the kiosk enrolls with its code, punches through Central, and the fleet page shows its health', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const c = central;
  const kioskDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-kiosk-e2e-'));
  const credentialDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cred-e2e-'));
  // The kiosk holds no database credential: DATABASE_URL is not in its environment.
  const kioskEnv = { FRONTDESK_CREDENTIAL_DIR: credentialDir, DATABASE_URL: '' };
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(c.url + '/');
    await signIn(page, 'root', ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Kiosks', exact: true }).click();
    await expect(page.getByTestId('kiosks')).toHaveAttribute('data-loaded', 'true');
    for (const name of ['Reception', 'Loading bay']) {
      await page.getByRole('button', { name: 'Add kiosk' }).click();
      await page.getByRole('dialog').getByLabel(/^Name/).fill(name);
      await page.getByRole('dialog').getByRole('button', { name: 'Add kiosk' }).click();
      await expect(page.getByRole('heading', { name: `${name}: its enrollment code` })).toBeVisible();
    }
    const code = await page.getByTestId('enroll-code').inputValue();
    expect(code).toMatch(/^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    secrets.push(code);
    await shoot(page, 'central-kiosk-code');

    // On the kiosk: enroll with the last code, punch, sync.
    const enrolled = JSON.parse(await cli(['enroll', '--central', c.url, '--code', code, '--data', kioskDir, '--json'], kioskEnv)) as {
      name: string;
      employees: number;
      sync: { state: string };
    };
    expect(enrolled).toMatchObject({ name: 'Loading bay', sync: { state: 'idle' } });
    expect(enrolled.employees).toBeGreaterThan(0);
    await cli(['punch', '--employee', '1002', '--pin', '1234', '--data', kioskDir, '--json'], kioskEnv);
    const status = JSON.parse(await cli(['sync', '--once', '--data', kioskDir, '--json'], kioskEnv)) as {
      state: string;
      pending: number;
      central: string;
    };
    expect(status).toMatchObject({ state: 'idle', pending: 0, central: 'central' });
    const landed = await query<{ n: string }>(
      c.databaseUrl,
      "SELECT count(*)::text AS n FROM punches p JOIN kiosks k ON k.device_id = p.device_id WHERE k.name = 'Loading bay'",
    );
    expect(landed[0]?.n).toBe('1');

    // A third kiosk that went quiet with its clock off (its state set as a week of neglect would leave it).
    await cli(['central', 'kiosks', 'add', '--name', 'Side gate', '--site', 'Head Office', '--data', c.dataDir], { DATABASE_URL: c.databaseUrl });
    await query(
      c.databaseUrl,
      `UPDATE kiosks SET enrolled_at = now() - interval '8 days', last_heartbeat_at = now() - interval '40 minutes', clock_offset_ms = 300000,
              app_version = '0.1.0', sync_version = '1.1', backlog_count = 12, backlog_oldest_at = now() - interval '50 minutes', enroll_code_hash = NULL
        WHERE name = 'Side gate'`,
    );
    await page.reload();
    await page.getByRole('button', { name: 'Kiosks', exact: true }).click();
    const table = page.getByTestId('fleet-table');
    await expect(table.locator('tr[data-kiosk="Loading bay"]')).toHaveAttribute('data-state', 'enrolled');
    await expect(table.locator('tr[data-kiosk="Loading bay"]')).toHaveAttribute('data-stale', 'false');
    await expect(table.locator('tr[data-kiosk="Reception"]')).toContainText('waiting for enrollment');
    const gate = table.locator('tr[data-kiosk="Side gate"]');
    await expect(gate).toHaveAttribute('data-stale', 'true');
    await expect(gate).toHaveAttribute('data-drift', 'true');
    await expect(gate).toContainText('clock 5 min behind');
    await expect(page.getByTestId('fleet-attention')).toHaveText('1 needs attention');
    await shoot(page, 'central-fleet');

    // The same health for programs, and for the command line.
    const admin = JSON.parse(
      await cli(['central', 'tokens', 'create', '--name', 'fleet', '--scope', 'admin', '--json', '--data', c.dataDir], {
        DATABASE_URL: c.databaseUrl,
      }),
    ) as { token: string };
    secrets.push(admin.token);
    const api = await apiCall(c, admin.token, 'GET', '/api/v1/kiosks');
    expect(api.status).toBe(200);
    expect((JSON.parse(api.text) as { name: string; stale: boolean }[]).find((k) => k.name === 'Side gate')?.stale).toBe(true);
    const listed = JSON.parse(await cli(['central', 'kiosks', 'list', '--json', '--data', c.dataDir], { DATABASE_URL: c.databaseUrl })) as {
      name: string;
    }[];
    expect(listed.map((k) => k.name).sort()).toEqual(['Loading bay', 'Reception', 'Side gate']);

    // Revoked from the page: the kiosk says so at its next sync and keeps its punch.
    await table.locator('tr[data-kiosk="Loading bay"]').getByRole('button', { name: 'Revoke Loading bay' }).click();
    await expect(table.locator('tr[data-kiosk="Loading bay"]')).toHaveAttribute('data-state', 'revoked');
    await cli(['punch', '--employee', '1002', '--pin', '1234', '--kind', 'OUT', '--data', kioskDir, '--json'], kioskEnv);
    const after = JSON.parse(await cli(['status', '--data', kioskDir, '--json'], kioskEnv)) as { state: string; pending: number };
    expect(after.pending).toBe(1);
    await cli(['sync', '--once', '--data', kioskDir, '--json'], kioskEnv).catch((err: unknown) => err);
    const revoked = JSON.parse(await cli(['status', '--data', kioskDir, '--json'], kioskEnv)) as { state: string; pending: number };
    expect(revoked).toMatchObject({ state: 'revoked', pending: 1 });
    await page.reload();
    await page.getByRole('button', { name: 'Kiosks', exact: true }).click();
    await expect(page.getByTestId('quarantine-table').locator('tbody tr')).toHaveCount(1);
    await shoot(page, 'central-fleet-quarantine');
  } finally {
    rmSync(kioskDir, { recursive: true, force: true });
    rmSync(credentialDir, { recursive: true, force: true });
  }
});

test('an enrolled kiosk in Chromium: an employee punches on its screen, the punch reaches Central, and the sync screen names Central', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const c = central;
  const kioskDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-kiosk-e2e-'));
  const credentialDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cred-e2e-'));
  const kioskEnv = { FRONTDESK_CREDENTIAL_DIR: credentialDir, DATABASE_URL: '' };
  const made = JSON.parse(
    await cli(['central', 'kiosks', 'add', '--name', 'Front door', '--site', 'Head Office', '--json', '--data', c.dataDir], {
      DATABASE_URL: c.databaseUrl,
    }),
  ) as { code: string };
  secrets.push(made.code);
  await cli(['enroll', '--central', c.url, '--code', made.code, '--data', kioskDir, '--json'], kioskEnv);
  const { child, ...info } = await serveKiosk(kioskDir, kioskEnv);
  try {
    // Enrolled: no built-in Central beside it.
    expect(info.central).toBeNull();
    const kiosk = new KioskPage(page, info.openUrl);
    await kiosk.open();
    await expect(kiosk.syncBadge).toHaveText('All punches synced', { timeout: 15_000 });
    await kiosk.signIn('1003', '2345');
    await kiosk.punch('IN');
    const landed = async (): Promise<string | undefined> =>
      (
        await query<{ n: string }>(
          c.databaseUrl,
          "SELECT count(*)::text AS n FROM punches p JOIN kiosks k ON k.device_id = p.device_id JOIN employees e ON e.id = p.employee_id WHERE k.name = 'Front door' AND e.code = '1003'",
        )
      )[0]?.n;
    await expect.poll(landed, { timeout: 15_000 }).toBe('1');
    await expect(kiosk.syncBadge).toHaveText('All punches synced', { timeout: 15_000 });
    await page.getByTestId('sync-badge').click();
    await expect(page.getByTestId('sync-central')).toHaveText(`Frontdesk Central at ${c.url}, as “Front door”`);
    await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
    await kiosk.screenshot('enrolled-sync');
  } finally {
    await stopKiosk(child);
    rmSync(kioskDir, { recursive: true, force: true });
    rmSync(credentialDir, { recursive: true, force: true });
  }
});

test('a kiosk is enrolled from its own screen: a manager confirms, the host starts again, and punches go through Central', async ({ page }) => {
  test.setTimeout(150_000);
  const c = central;
  const kioskDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-kiosk-e2e-'));
  const credentialDir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-cred-e2e-'));
  // A zero-setup kiosk (its own built-in database and demo data), later enrolled.
  const kioskEnv = { FRONTDESK_CREDENTIAL_DIR: credentialDir, DATABASE_URL: '' };
  const made = JSON.parse(
    await cli(['central', 'kiosks', 'add', '--name', 'Screen desk', '--site', 'Head Office', '--json', '--data', c.dataDir], {
      DATABASE_URL: c.databaseUrl,
    }),
  ) as { code: string };
  secrets.push(made.code);
  const { child, log: kioskLog, ...info } = await serveKiosk(kioskDir, kioskEnv, 'info');
  try {
    const kiosk = new KioskPage(page, info.openUrl);
    await kiosk.open();
    await page.getByTestId('sync-badge').click();
    await page.getByRole('button', { name: 'Enroll with Central' }).click();
    const form = page.getByTestId('enroll-panel');
    await form.getByLabel('Frontdesk Central’s address').fill(c.url);
    await form.getByLabel('Enrollment code').fill(made.code.toLowerCase());
    await form.getByLabel('Manager code').fill('1001');
    await form.getByLabel('Manager PIN').fill('0000');
    await kiosk.screenshot('enroll-form');
    await form.getByRole('button', { name: 'Enroll' }).click();
    await expect(form.getByRole('alert')).toContainText('Wrong PIN');
    await form.getByLabel('Manager PIN').fill('4321');
    await form.getByRole('button', { name: 'Enroll' }).click();
    await expect(page.getByTestId('enroll-done')).toContainText('Head Office');
    // The host starts again, enrolled, and the page follows it.
    await expect.poll(() => kioskLog().includes('the kiosk started again'), { timeout: 20_000 }).toBe(true);
    await expect(page.getByTestId('enroll-done')).toBeHidden({ timeout: 20_000 });
    await kiosk.expectPhase('idle');
    await page.getByTestId('sync-badge').click();
    await expect(page.getByTestId('sync-central')).toHaveText(`Frontdesk Central at ${c.url}, as “Screen desk”`, { timeout: 15_000 });
    await page.getByRole('button', { name: 'Back to kiosk' }).click();
    await kiosk.signIn('1004', '3456');
    await kiosk.punch('IN');
    const landed = async (): Promise<string | undefined> =>
      (
        await query<{ n: string }>(
          c.databaseUrl,
          "SELECT count(*)::text AS n FROM punches p JOIN kiosks k ON k.device_id = p.device_id JOIN employees e ON e.id = p.employee_id WHERE k.name = 'Screen desk' AND e.code = '1004'",
        )
      )[0]?.n;
    await expect.poll(landed, { timeout: 15_000 }).toBe('1');
    expect(kioskLog()).not.toContain('unhandled promise rejection');
  } finally {
    await stopKiosk(child);
    rmSync(kioskDir, { recursive: true, force: true });
    rmSync(credentialDir, { recursive: true, force: true });
  }
});
