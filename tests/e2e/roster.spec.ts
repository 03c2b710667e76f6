import { expect, test } from './fixtures.js';
import { query } from '../support/test-postgres.js';
import { centralReady, managerSignIn } from './pages/manager-page.js';

// Demo roster (README): 1001 Asha Rao is a manager (PIN 4321); 1003 Meera Iyer has PIN 2345.

test('a manager adds a site, a team and an employee, edits, resets a PIN and deactivates; the kiosk follows', async ({ kiosk, page, server }) => {
  await centralReady(server.databaseUrl);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await managerSignIn(page, '1001', '4321');
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-loaded', 'true');
  await page.getByRole('button', { name: 'Roster' }).click();
  const roster = page.getByTestId('roster');
  await expect(roster).toHaveAttribute('data-loaded', 'true');
  await expect(page.getByTestId('employees').locator('tbody tr')).toHaveCount(8);
  const dialog = page.getByRole('dialog');

  await page.getByRole('button', { name: 'Add site' }).click();
  await dialog.getByLabel('Site name').fill('Pune');
  await dialog.getByLabel(/Time zone/).fill('Asia/Kolkata');
  await dialog.getByLabel(/Shift start/).fill('08:30');
  await dialog.getByLabel(/Grace/).fill('5');
  await dialog.getByLabel(/Shift end/).fill('17:30');
  await dialog.getByRole('button', { name: 'Add site' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sites').locator('tr[data-site="Pune"] td')).toHaveText(['Pune', 'Asia/Kolkata', '08:30', '5', '17:30', 'Edit']);

  await page.getByRole('button', { name: 'Add team' }).click();
  await dialog.getByLabel('Team name').fill('Pune Desk');
  await dialog.locator('select[name="site"]').selectOption('Pune');
  await dialog.getByLabel(/Shift end/).fill('16:00');
  await dialog.getByRole('button', { name: 'Add team' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('teams').locator('tr[data-team="Pune Desk"] td')).toHaveText([
    'Pune Desk',
    'Pune',
    '08:30 (site)',
    '5 (site)',
    '16:00',
    '0',
    'Edit',
  ]);

  await page.getByRole('button', { name: 'Add employee' }).click();
  await dialog.getByLabel('Employee code').fill('2001');
  await dialog.getByLabel('Name').fill('Nila Sen');
  await dialog.getByLabel(/^PIN/).fill('2468');
  await dialog.locator('select[name="team"]').selectOption('Pune Desk');
  await dialog.getByLabel(/Badge/).fill('B-2001');
  await dialog.getByRole('button', { name: 'Add employee' }).click();
  await expect(dialog).toBeHidden();
  const nila = page.getByTestId('employees').locator('tr[data-code="2001"]');
  await expect(nila).toContainText('Nila Sen');
  await expect(nila).toContainText('Pune Desk');
  await expect(page.getByRole('status')).toHaveText('Nila Sen is added. Other kiosks get it at their next sync.');

  // The same code again: refused in the dialog, with what was typed kept.
  await page.getByRole('button', { name: 'Add employee' }).click();
  await dialog.getByLabel('Employee code').fill('2001');
  await dialog.getByLabel('Name').fill('Someone Else');
  await dialog.getByLabel(/^PIN/).fill('1111');
  await dialog.getByRole('button', { name: 'Add employee' }).click();
  await expect(dialog.getByRole('alert')).toContainText('already exists');
  await expect(dialog.getByLabel('Name')).toHaveValue('Someone Else');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await page.getByRole('button', { name: 'Edit Nila Sen' }).click();
  await dialog.getByLabel(/Badge/).fill('B-2001-NEW');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(nila).toContainText('B-2001-NEW');
  await page.getByRole('button', { name: 'Reset the PIN of Nila Sen' }).click();
  await dialog.getByLabel(/New PIN/).fill('1357');
  await dialog.getByRole('button', { name: 'Set new PIN' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: 'Edit team Pune Desk' }).click();
  await dialog.getByLabel(/Shift start/).fill('10:00');
  await kiosk.screenshot('manager-roster-edit');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('teams').locator('tr[data-team="Pune Desk"] td').nth(2)).toHaveText('10:00');

  await page.getByRole('button', { name: 'Deactivate Meera Iyer' }).click();
  await expect(page.getByTestId('employees').locator('tr[data-code="1003"]')).toHaveCount(0);
  await page.getByLabel('Show deactivated').check();
  await expect(page.getByTestId('employees').locator('tr[data-code="1003"]')).toContainText('deactivated');
  await kiosk.screenshot('manager-roster');
  await page.setViewportSize({ width: 1024, height: 768 });
  await kiosk.screenshot('manager-roster');

  const audit = await query<{ actor: string; action: string }>(
    server.databaseUrl,
    "SELECT actor, action FROM audit_log WHERE entity <> 'punch' ORDER BY id",
  );
  expect(audit.map((a) => a.action)).toEqual([
    'site.add',
    'team.add',
    'employee.add',
    'employee.update',
    'employee.update',
    'team.update',
    'employee.update',
  ]);
  expect(new Set(audit.map((a) => a.actor))).toEqual(new Set(['manager:1001']));

  // This kiosk pulled every change: the new employee punches with the new PIN, the leaver cannot.
  await page.evaluate(() => (window.location.hash = '#/'));
  await kiosk.expectPhase('idle');
  await kiosk.signIn('2001', '1357');
  await kiosk.punch('IN');
  await expect(kiosk.receipt).toContainText('Nila Sen');
  await kiosk.expectPhase('idle');
  await kiosk.signIn('1003', '2345');
  await expect(kiosk.alert).toHaveAttribute('data-error-code', 'INACTIVE_EMPLOYEE');
  await expect(kiosk.alert).toContainText(/cannot punch on this kiosk/i);
});
