import { execFile } from 'node:child_process';
import { expect, test, type Server } from './fixtures.js';
import { centralReady, managerSignIn } from './pages/manager-page.js';

/** The frontdesk command on the server's machine, as an admin there runs it. */
function adminCli(server: Server, args: string[], stdin = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['bin/frontdesk.js', ...args, '--data', server.dataDir],
      { env: { ...process.env, DATABASE_URL: server.databaseUrl } },
      (err, _out, stderr) => (err ? reject(new Error(`frontdesk ${args.join(' ')} failed: ${stderr}`)) : resolve()),
    );
    child.stdin!.end(stdin);
  });
}

// The demo data (README) has the last five working days of punches for eight people.

test('a manager asks a question and sees the answer, its table, its chart and how it was found; then a summary', async ({ kiosk, page, server }) => {
  await centralReady(server.databaseUrl);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await managerSignIn(page, '1001', '4321');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByText('Engine: offline interpreter')).toBeVisible();

  await page.getByLabel('Ask about attendance').fill('Top 3 by hours in the last 7 days');
  await page.getByRole('button', { name: 'Ask', exact: true }).last().click();
  const answer = page.getByTestId('answer');
  await expect(answer).toHaveAttribute('data-answered', 'true');
  await expect(answer.locator('.answer-text')).toContainText('The 3 with the most hours in the last 7 days');
  await expect(answer).toContainText('No AI endpoint is configured, so the offline interpreter answered.');
  await expect(page.getByTestId('answer-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('answer-table').locator('thead th')).toHaveText(['name', 'team', 'hours']);
  const chart = page.getByTestId('chart-answer');
  await expect(chart).toHaveAttribute('data-empty', 'false');
  await expect(chart.locator('svg rect').first()).toBeVisible();
  // The answer's hours are the table's, and the chart draws one bar per row.
  const first = await page.getByTestId('answer-table').locator('tbody tr').first().locator('td').allTextContents();
  await expect(answer.locator('.answer-text')).toContainText(`${first[0]} ${first[2]} h`);
  await page.getByText('How I got this').click();
  await expect(page.getByTestId('how')).toContainText('work_hours');

  await page.getByRole('button', { name: 'This week', exact: true }).click();
  await expect(page.getByTestId('summary-text')).toContainText(/employees came in and worked [\d.]+ hours in all/);
  await kiosk.screenshot('manager-ask');

  // Only an admin at the machine sets the endpoint (the key on stdin); the screen shows what is
  // set and how. An endpoint that cannot be reached falls back to the offline interpreter.
  await page.getByText(/^AI endpoint/).click();
  const settings = page.getByTestId('ai-settings');
  await expect(settings).toContainText('frontdesk ai set --key-stdin');
  await adminCli(server, ['ai', 'set', '--key-stdin', '--base-url', 'http://127.0.0.1:9/v1', '--model', 'test-model'], 'sk-e2e-secret-key\n');
  await page.getByRole('button', { name: 'Attendance', exact: true }).click();
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(settings.locator('summary')).toHaveText('AI endpoint (test-model at http://127.0.0.1:9/v1, key set)');
  expect(await page.content()).not.toContain('sk-e2e-secret-key');
  await page.getByRole('button', { name: 'Who is in now?' }).click();
  await expect(answer).toContainText('The AI endpoint could not be reached, so the offline interpreter answered.', { timeout: 15_000 });
  await adminCli(server, ['ai', 'clear']);
  await page.getByRole('button', { name: 'Attendance', exact: true }).click();
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(settings.locator('summary')).toContainText('none');

  await page.getByLabel('Ask about attendance').fill('Write me a poem');
  await page.getByRole('button', { name: 'Ask', exact: true }).last().click();
  await expect(answer).toHaveAttribute('data-answered', 'false');
  await expect(answer.locator('.answer-text')).toContainText("I can't answer that. I can answer: who is in now");
  await expect(page.getByTestId('chart-answer')).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await kiosk.screenshot('manager-ask-refused');
});
