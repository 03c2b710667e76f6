import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';
import { query } from '../support/test-postgres.js';
import { centralReady, managerSignIn } from './pages/manager-page.js';

// Demo roster (README): 1001 Asha Rao is a manager, PIN 4321; 1002 Vikram Nair is not (PIN 1234).
const DAY = 86_400_000;

async function addTeam(url: string, name: string): Promise<void> {
  await query(url, 'INSERT INTO teams (id, name, site_id) VALUES (gen_random_uuid(), $1, (SELECT id FROM sites LIMIT 1))', [name]);
}

/** A team of its own, apart from the demo data, with these employees (no PIN: they never sign in). */
async function addTeamOf(url: string, team: string, people: [code: string, name: string][]): Promise<void> {
  await addTeam(url, team);
  await query(
    url,
    `INSERT INTO employees (id, code, name, team_id, pin_hash)
     SELECT gen_random_uuid(), v.code, v.name, (SELECT id FROM teams WHERE name = $1), 'none'
       FROM unnest($2::text[], $3::text[]) AS v(code, name)`,
    [team, people.map((p) => p[0]), people.map((p) => p[1])],
  );
}

/**
 * A "Night Desk" team of three, apart from the demo data: each works 09:07–17:00 Kolkata time
 * on each of the last ten Kolkata days (whatever the hour in UTC), Priya from home; the day before
 * yesterday Nina forgot to punch out (an IN that old is a missing OUT at any hour of today).
 */
async function seedNightDesk(url: string): Promise<void> {
  await centralReady(url);
  await addTeamOf(url, 'Night Desk', [
    ['2001', 'Nina Shah'],
    ['2002', 'Omar Ali'],
    ['2003', 'Priya Sen'],
  ]);
  await query(
    url,
    `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
     SELECT gen_random_uuid(), e.id, k.kind,
            (date_trunc('day', now() AT TIME ZONE 'Asia/Kolkata') - make_interval(days => d) + k.at) AT TIME ZONE 'Asia/Kolkata',
            (SELECT id FROM sites LIMIT 1), 'e2e', CASE WHEN e.code = '2003' THEN 'WFH' ELSE 'WFO' END, 'kiosk', now()
       FROM employees e, generate_series(1, 10) AS d,
            (VALUES ('IN', interval '9 hours 7 minutes'), ('OUT', interval '17 hours')) AS k(kind, at)
      WHERE e.code IN ('2001', '2002', '2003') AND NOT (e.code = '2001' AND d = 2 AND k.kind = 'OUT')`,
  );
}

async function exportCsv(page: Page): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Export work hours/ }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

test('a manager signs in, sees every chart drawn, exports CSV, and fixes a missing OUT', async ({ kiosk, page, server }) => {
  await seedNightDesk(server.databaseUrl);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await managerSignIn(page, '1001', '4321');
  const dashboard = page.getByTestId('dashboard');
  await expect(dashboard).toHaveAttribute('data-loaded', 'true');
  await page.getByRole('combobox', { name: 'Team' }).selectOption('Night Desk');
  await expect(page.getByTestId('chart-hours')).toContainText('Omar Ali');
  for (const id of ['presence', 'hours', 'trend', 'mode', 'calendar']) {
    const card = page.getByTestId(`chart-${id}`);
    await expect(card).toHaveAttribute('data-empty', 'false');
    await expect(card.locator('svg').first()).toBeVisible();
  }
  // Three present on each of the six past days in the last seven; Priya's six days are from home.
  // (six bar labels, plus the axis tick for 3)
  await expect(page.getByTestId('chart-presence').locator('svg text', { hasText: /^3$/ })).toHaveCount(7);
  await expect(page.getByTestId('chart-mode').getByText('Home 6')).toBeVisible();
  await expect(page.getByTestId('chart-mode').getByText('Office 12')).toBeVisible();
  await expect(page.getByTestId('chart-trend').getByText('Night Desk')).toBeVisible();
  // The calendar draws the seven days of the range, not the whole year: six with people present
  // and today (nobody yet) in the empty colour.
  const calendar = page.getByTestId('chart-calendar');
  await expect(calendar.locator('svg rect[rx]')).toHaveCount(7);
  await expect(calendar.locator('svg rect[style*="fill: rgb(241, 245, 249)"]')).toHaveCount(1);
  await kiosk.screenshot('manager-dashboard');

  const before = await exportCsv(page);
  expect(before.name).toMatch(/^workhours_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}_Asia-Kolkata\.csv$/);
  const lines = before.text.trim().split('\r\n');
  expect(lines[0]).toBe('employee_code,name,team,date,seconds,hours,sessions,open_sessions,auto_closed_sessions');
  // 09:07 to 17:00 is 7 h 53 min = 28,380 s = 7.88 h.
  expect(lines.filter((l) => l.startsWith('2002,Omar Ali,Night Desk,'))).toHaveLength(6);
  expect(lines.filter((l) => l.startsWith('2002,')).every((l) => l.endsWith(',28380,7.88,1,0,0'))).toBe(true);
  expect(lines.some((l) => l.startsWith('1002,'))).toBe(false);
  // Nina's day: the day before yesterday in Kolkata (5 h 30 min ahead of UTC), the dashboard's zone.
  const ninasDay = new Date(Date.now() + 5.5 * 3600_000 - 2 * DAY).toISOString().slice(0, 10);
  expect(lines.find((l) => l.startsWith(`2001,Nina Shah,Night Desk,${ninasDay},`))).toBe(`2001,Nina Shah,Night Desk,${ninasDay},0,0,0,1,0`);

  const missing = page.getByTestId('exceptions').locator('tr[data-kind="MISSING_OUT"]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('Nina Shah');
  await missing.getByRole('button', { name: 'Add OUT' }).click();
  const dialog = page.getByTestId('day-review');
  // The day as it is: the IN, and where the OUT will go (the shift end by default).
  await expect(dialog.getByTestId('day-punches').locator('tr[data-kind="IN"]').first()).toContainText('09:07');
  await expect(dialog.getByLabel('OUT time')).toHaveValue('18:00');
  await expect(dialog.getByLabel('OUT date').locator('option')).toHaveCount(2);
  await dialog.getByLabel('OUT time').fill('17:37');
  await dialog.getByLabel('Reason', { exact: true }).fill('x');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Say why (at least 3 characters).');
  // An OUT before the IN is refused, naming the IN.
  await dialog.getByLabel('OUT time').fill('00:05');
  await dialog.getByLabel('Reason', { exact: true }).fill('Forgot to punch out; confirmed by the team lead');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog.getByRole('alert')).toContainText('An OUT must come after the IN it closes: the IN on');
  await expect(dialog.getByRole('alert')).toContainText('is at 09:07, after 00:05.');
  await dialog.getByLabel('OUT time').fill('17:37');
  await kiosk.screenshot('manager-correction');
  await dialog.getByRole('button', { name: 'Save correction' }).click();
  await expect(dialog).toBeHidden();
  await expect(missing).toHaveCount(0);

  const after = await exportCsv(page);
  // 09:07 to the corrected 17:37 is 8 h 30 min.
  expect(after.text.split('\r\n').find((l) => l.startsWith(`2001,Nina Shah,Night Desk,${ninasDay},`))).toBe(
    `2001,Nina Shah,Night Desk,${ninasDay},30600,8.5,1,0,0`,
  );
  const audit = await query<{ actor: string; reason: string }>(server.databaseUrl, "SELECT actor, reason FROM audit_log WHERE action = 'punch.add'");
  expect(audit).toEqual([{ actor: 'manager:1001', reason: 'Forgot to punch out; confirmed by the team lead' }]);

  // The day's history is where the correction is made; undo it from the screens with a reason.
  const exceptions = page.getByTestId('exceptions');
  await exceptions.getByLabel('Employee code').fill('2001');
  await exceptions.getByLabel('Day').fill(ninasDay);
  await exceptions.getByRole('button', { name: 'Open day' }).click();
  await expect(dialog.getByTestId('day-history')).toContainText('Added by manager 1001 — Forgot to punch out; confirmed by the team lead');
  const correction = dialog.getByTestId('day-punches').locator('tr', { hasText: 'correction' });
  await correction.getByRole('checkbox').check();
  await dialog.getByLabel(/Why void/).fill('Wrong time: undone');
  await dialog.getByRole('button', { name: 'Void selected' }).click();
  await expect(dialog).toBeHidden();
  await expect(missing).toHaveCount(1);
  expect(await query(server.databaseUrl, "SELECT reason FROM audit_log WHERE action = 'punch.void'")).toEqual([{ reason: 'Wrong time: undone' }]);

  // A longer range redraws every chart for it; the calendar has a cell for each of its 90 days.
  await page.getByRole('combobox', { name: 'Range' }).selectOption('90');
  await expect(calendar.locator('svg rect[rx]')).toHaveCount(90);
  await page.setViewportSize({ width: 1024, height: 768 });
  await calendar.scrollIntoViewIfNeeded();
  await kiosk.screenshot('manager-dashboard-90-days');
});

test('an IN still within the max hours is in progress: the exceptions offer a review, not an Add OUT; a forgotten one is a missing OUT', async ({
  kiosk,
  page,
  server,
}) => {
  const url = server.databaseUrl;
  await centralReady(url);
  await addTeamOf(url, 'Late Desk', [
    ['2101', 'Lata Rao'],
    ['2102', 'Mohan Das'],
  ]);
  // Lata came in an hour ago; Mohan came in two days ago and never left.
  await query(
    url,
    `INSERT INTO punches (id, employee_id, kind, at_utc, site_id, device_id, work_mode, source, created_at)
     SELECT gen_random_uuid(), e.id, 'IN', now() - CASE WHEN e.code = '2101' THEN interval '1 hour' ELSE interval '2 days' END,
            (SELECT id FROM sites LIMIT 1), 'e2e', 'WFO', 'kiosk', now()
       FROM employees e WHERE e.code IN ('2101', '2102')`,
  );
  await page.setViewportSize({ width: 1440, height: 900 });
  await managerSignIn(page, '1001', '4321');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await page.getByRole('combobox', { name: 'Team' }).selectOption('Late Desk');
  const exceptions = page.getByTestId('exceptions');
  const inProgress = exceptions.locator('tr[data-kind="IN_PROGRESS"]');
  await expect(inProgress).toHaveCount(1);
  await expect(inProgress).toContainText('Lata Rao');
  await expect(inProgress).toContainText('In progress (no OUT yet)');
  await expect(inProgress.getByRole('button', { name: 'Review day' })).toBeVisible();
  await expect(inProgress.getByRole('button', { name: 'Add OUT' })).toHaveCount(0);
  const missing = exceptions.locator('tr[data-kind="MISSING_OUT"]');
  await expect(missing).toHaveCount(1);
  await expect(missing).toContainText('Mohan Das');
  await expect(missing.getByRole('button', { name: 'Add OUT' })).toBeVisible();
  await exceptions.scrollIntoViewIfNeeded();
  await kiosk.screenshot('manager-in-progress');
});

test('manager sign-in refuses a wrong PIN and a non-manager, and the dashboard shows empty states', async ({ kiosk, page, server }) => {
  await centralReady(server.databaseUrl);
  await addTeam(server.databaseUrl, 'New Team');
  await managerSignIn(page, '1001', '0000');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 4 attempts left.');
  await page.getByLabel('Employee code').fill('1002');
  await page.getByLabel('PIN').fill('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Only an active manager can open the manager screens.');
  await page.getByLabel('Employee code').fill('1001');
  await page.getByLabel('PIN').fill('4321');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('chart-presence')).toHaveAttribute('data-empty', 'false'); // the demo's punches
  await page.getByRole('combobox', { name: 'Team' }).selectOption('New Team');
  for (const id of ['presence', 'hours', 'trend', 'mode', 'calendar']) {
    await expect(page.getByTestId(`chart-${id}`)).toHaveAttribute('data-empty', 'true');
  }
  await expect(page.getByText('Nobody punched in during this range.')).toBeVisible();
  await expect(page.getByText('No exceptions in this range.')).toBeVisible();
  await kiosk.screenshot('manager-empty');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Manager sign-in' })).toBeVisible();
});
