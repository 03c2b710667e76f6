import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { demoDataFolder, expect, startServer, stopServer, test } from './fixtures.js';
import { KioskPage } from './pages/kiosk-page.js';

// Demo roster (README): 1002 Vikram Nair PIN 1234 badge 0004521002; 1001 Asha Rao (manager) PIN 4321.

test('an employee who chooses From home is recorded as working from home, on the receipt and in the stored punch', async ({
  kiosk,
  page,
  server,
}) => {
  await kiosk.signIn('1003', '2345');
  await kiosk.expectPhase('choose');
  await page.getByRole('radio', { name: 'From home' }).check();
  await kiosk.punch('IN');
  await expect(page.getByRole('heading', { name: 'IN recorded' })).toBeVisible();
  await expect(kiosk.receipt).toContainText('Working from home.');
  const db = new Database(path.join(server.dataDir, 'frontdesk.sqlite'), { readonly: true });
  try {
    const last = db
      .prepare(
        "SELECT p.work_mode FROM punches p JOIN roster_employees e ON e.id = p.employee_id WHERE e.code = '1003' ORDER BY p.at_utc DESC LIMIT 1",
      )
      .get();
    expect(last).toEqual({ work_mode: 'WFH' });
  } finally {
    db.close();
  }
});

test('punch IN with code and PIN, see the receipt, return to idle, then punch OUT', async ({ kiosk, page }) => {
  await kiosk.signIn('1002', '1234');
  await kiosk.expectPhase('choose');
  await expect(page.getByRole('heading', { name: /Vikram Nair/ })).toBeVisible();
  await expect(kiosk.punchButton('IN')).toHaveAttribute('data-suggested', 'true');
  await kiosk.punch('IN');
  await expect(page.getByRole('heading', { name: 'IN recorded' })).toBeVisible();
  await expect(page.getByTestId('receipt-name')).toHaveText('Vikram Nair');
  await expect(page.getByTestId('receipt-time')).toHaveText(/^\d{2}:\d{2}$/);
  await expect(page.getByTestId('receipt-hours')).toHaveText('0h 00m');
  await kiosk.expectPhase('idle');

  await kiosk.signIn('1002', '1234');
  await expect(kiosk.punchButton('OUT')).toHaveAttribute('data-suggested', 'true');
  await expect(page.getByText(/Last punch: IN at \d{2}:\d{2}/)).toBeVisible();
  await kiosk.punch('OUT');
  await expect(page.getByRole('heading', { name: 'OUT recorded' })).toBeVisible();
});

test('a wrong PIN says how many attempts are left and keeps the code', async ({ kiosk, page }) => {
  await kiosk.signIn('1002', '9999');
  await kiosk.expectPhase('pin');
  await expect(kiosk.alert).toHaveText('Wrong PIN. 4 attempts left.');
  await kiosk.tapDigits('1234');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await kiosk.expectPhase('choose');
});

test('five wrong PINs lock the employee out, even with the right PIN', async ({ kiosk, page }) => {
  await kiosk.signIn('1003', '0000');
  for (let i = 0; i < 4; i++) {
    await expect(kiosk.alert).toContainText('Wrong PIN');
    await kiosk.tapDigits('0000');
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await kiosk.expectPhase('idle');
  await expect(kiosk.alert).toHaveText(/Too many wrong PINs\. Try again in 5 minutes/);
  await kiosk.signIn('1003', '2345');
  await kiosk.expectPhase('idle');
  await expect(kiosk.alert).toHaveAttribute('data-error-code', 'LOCKED_OUT');
  // The message is about one person: it goes after the receipt time, and the next person starts clean.
  await expect(kiosk.alert).toBeHidden({ timeout: 5_000 });
  await kiosk.signIn('1002', '1234');
  await kiosk.expectPhase('choose');
  await expect(kiosk.alert).toBeHidden();
  await expect(page.getByRole('heading', { name: /Vikram Nair/ })).toBeVisible();
  await expect(page.getByText(/Meera/)).toHaveCount(0);
});

test('tapping the same kind again within a minute shows the first receipt', async ({ kiosk, page }) => {
  await kiosk.signIn('1004', '3456');
  await kiosk.punch('IN');
  const firstTime = await page.getByTestId('receipt-time').textContent();
  await page.getByRole('button', { name: 'Done' }).click();
  await kiosk.expectPhase('idle');
  await kiosk.signIn('1004', '3456');
  await kiosk.punch('IN');
  await expect(page.getByRole('heading', { name: 'Already recorded: IN' })).toBeVisible();
  await expect(page.getByText('You tapped twice; your first punch stands.')).toBeVisible();
  await expect(page.getByTestId('receipt-time')).toHaveText(firstTime!);
});

test('a badge reader burst identifies the employee; slow typing does not', async ({ kiosk, page }) => {
  await kiosk.scanBadge('0004521002');
  await kiosk.expectPhase('choose');
  await expect(page.getByRole('heading', { name: /Vikram Nair/ })).toBeVisible();
  await page.getByRole('button', { name: 'Not you? Cancel' }).click();
  await kiosk.expectPhase('idle');

  await page.keyboard.type('1002', { delay: 120 });
  await page.keyboard.press('Enter');
  await kiosk.expectPhase('pin');

  await page.getByRole('button', { name: 'Cancel' }).click();
  await kiosk.scanBadge('9999999999');
  await kiosk.expectPhase('idle');
  await expect(kiosk.alert).toHaveText('This badge is not registered. Please see your manager.');
});

test('works from the keyboard alone', async ({ kiosk, page }) => {
  await page.keyboard.type('1005', { delay: 80 });
  await page.keyboard.press('Enter');
  await kiosk.expectPhase('pin');
  await page.keyboard.type('4567', { delay: 80 });
  await page.keyboard.press('Enter');
  await kiosk.expectPhase('choose');
  await expect(kiosk.punchButton('IN')).toBeFocused();
  await page.keyboard.press('Enter');
  await kiosk.expectPhase('receipt');
  await expect(page.getByRole('button', { name: 'Done' })).toBeFocused();
  await page.keyboard.press('Enter');
  await kiosk.expectPhase('idle');
});

test('an unknown code gets a clear error, which clears after the receipt time', async ({ kiosk }) => {
  await kiosk.signIn('4242', '1234');
  await kiosk.expectPhase('idle');
  await expect(kiosk.alert).toHaveText('No employee has the code 4242.');
  await expect(kiosk.alert).toBeHidden({ timeout: 5_000 });
});

test('a wrong PIN left on the screen goes back to the start for the next person', async ({ kiosk }) => {
  await kiosk.signIn('1002', '9999');
  await expect(kiosk.alert).toContainText('Wrong PIN');
  await expect(kiosk.alert).toBeHidden({ timeout: 5_000 });
  await kiosk.expectPhase('idle');
  await expect(kiosk.page.getByTestId('entry-display')).toHaveAttribute('aria-label', /: 0 characters entered$/);
});

test('punches reach central, the indicator says so, and the sync screen shows the details', async ({ kiosk, page }) => {
  await expect(kiosk.syncBadge).toHaveText('All punches synced', { timeout: 15_000 });
  await kiosk.signIn('1006', '5678');
  await kiosk.punch('IN');
  await expect(kiosk.syncBadge).toHaveText('All punches synced');
  await page.getByTestId('sync-badge').click();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
  await page.getByRole('button', { name: 'Sync now' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('0');
  expect(await seriousViolations(page)).toEqual([]);
  await kiosk.screenshot('sync');
  await page.getByRole('button', { name: 'Back to kiosk' }).click();
  await kiosk.expectPhase('idle');
});

test('with central down, punches keep landing and the indicator counts them', async ({ page }) => {
  const server = await startServer([], { DATABASE_URL: 'postgres://frontdesk:nope@127.0.0.1:9/frontdesk' }, await demoDataFolder());
  try {
    const kiosk = new KioskPage(page, server.openUrl);
    await kiosk.open();
    await expect(kiosk.syncBadge).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
    const before = Number((await kiosk.syncBadge.textContent())?.match(/Offline · (\d+) saved/)?.[1]);
    expect(before).toBeGreaterThan(0);
    await kiosk.signIn('1006', '5678');
    await kiosk.punch('IN');
    await expect(page.getByRole('heading', { name: 'IN recorded' })).toBeVisible();
    await expect(kiosk.syncBadge).toHaveText(`Offline · ${before + 1} saved on this kiosk`);
    await page.getByTestId('sync-badge').click();
    await expect(page.getByTestId('sync-state')).toHaveText('Offline');
    await expect(page.getByTestId('sync-pending')).toHaveText(String(before + 1));
    await expect(page.getByTestId('sync-error')).toHaveText('Central database refused the connection (is it running?).');
    await kiosk.screenshot('sync-offline');
  } finally {
    await stopServer(server);
  }
});

test('leaving kiosk mode needs a manager', async ({ kiosk, page }) => {
  await page.getByRole('button', { name: 'Manager' }).click();
  await kiosk.expectPhase('exit-code');
  await kiosk.tapDigits('1002');
  await page.getByRole('button', { name: 'Next' }).click();
  await kiosk.tapDigits('1234');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await kiosk.expectPhase('exit-code');
  await expect(kiosk.alert).toHaveText('Only an active manager can leave kiosk mode.');
  await kiosk.tapDigits('1001');
  await page.getByRole('button', { name: 'Next' }).click();
  await kiosk.tapDigits('4321');
  await page.getByRole('button', { name: 'Leave kiosk mode' }).click();
  await kiosk.expectPhase('exited');
  await expect(page.getByText('Signed out by Asha Rao.')).toBeVisible();
});

async function seriousViolations(page: KioskPage['page']) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ') + ' ' + (n.failureSummary ?? '')).join(' | ')}`);
}

for (const size of [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`every screen is accessible and fits at ${size.width}×${size.height}`, async ({ kiosk, page }) => {
    await page.setViewportSize(size);
    const fits = async () => {
      const { scrollWidth, scrollHeight } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
      }));
      expect(scrollWidth).toBeLessThanOrEqual(size.width);
      expect(scrollHeight).toBeLessThanOrEqual(size.height);
    };
    await kiosk.screenshot('idle');
    expect(await seriousViolations(page)).toEqual([]);
    await fits();
    await kiosk.tapDigits('1002');
    await page.getByRole('button', { name: 'Next' }).click();
    await kiosk.tapDigits('99');
    await kiosk.screenshot('pin');
    expect(await seriousViolations(page)).toEqual([]);
    await kiosk.tapDigits('99');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(kiosk.alert).toBeVisible();
    await kiosk.screenshot('wrong-pin');
    await kiosk.tapDigits('1234');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await kiosk.expectPhase('choose');
    await kiosk.screenshot('choose');
    expect(await seriousViolations(page)).toEqual([]);
    await fits();
    await kiosk.punch('IN');
    await kiosk.screenshot('receipt');
    expect(await seriousViolations(page)).toEqual([]);
    await fits();
  });
}

test('the page refuses inline script and names its policy', async ({ kiosk, page, server }) => {
  const res = await page.request.get(server.url + '/');
  expect(res.headers()['content-security-policy']).toContain("script-src 'self'");
  const ran = await page.evaluate(async () => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return w.injected === true;
  });
  expect(ran).toBe(false);
  await kiosk.expectPhase('idle');
});

test('without the session token the page says how to get in', async ({ page, server }) => {
  await page.goto(server.url + '/');
  await expect(page.getByText('Open the link that frontdesk serve printed')).toBeVisible();
});

test('a kiosk page left open keeps working when its host restarts, and says so at once while it is down', async ({ page }) => {
  let server = await startServer();
  try {
    const kiosk = new KioskPage(page, server.openUrl);
    await kiosk.open();
    await expect(kiosk.root).toHaveAttribute('data-link', 'ok');
    await stopServer(server, { keepData: true });
    // Down: the idle screen says so in plain words and takes no input.
    const down = page.getByTestId('link-down');
    await expect(down).toBeVisible({ timeout: 5_000 });
    await expect(down).toContainText('This kiosk cannot take punches right now');
    expect(await down.textContent()).not.toContain('`');
    await page.keyboard.type('1002');
    await kiosk.screenshot('kiosk-host-down');
    // Back on the same folder and port: the same page, not reloaded, punches again.
    server = await startServer(['--port', new URL(server.url).port], {}, server.dataDir);
    await expect(kiosk.root).toHaveAttribute('data-link', 'ok', { timeout: 10_000 });
    await expect(kiosk.page.getByTestId('entry-display')).toHaveAttribute('aria-label', /: 0 characters entered$/);
    await kiosk.signIn('1002', '1234');
    await kiosk.punch('IN');
    await expect(page.getByRole('heading', { name: 'IN recorded' })).toBeVisible();
  } finally {
    await stopServer(server);
  }
});
