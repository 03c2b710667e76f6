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
  await expect(answer.getByTestId('interpretation')).toContainText('The 3 people with the most hours worked, ');
  await expect(answer).toContainText('No AI endpoint is configured, so the offline interpreter answered.');
  await expect(page.getByTestId('answer-table').locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('answer-table').locator('thead th')).toHaveText(['Name', 'Team', 'Hours (h)']);
  const chart = page.getByTestId('chart-answer');
  await expect(chart).toHaveAttribute('data-empty', 'false');
  await expect(chart.locator('svg rect').first()).toBeVisible();
  // The answer's hours are the table's, and the chart draws one bar per row.
  const first = await page.getByTestId('answer-table').locator('tbody tr').first().locator('td').allTextContents();
  await expect(answer.locator('.answer-text')).toContainText(`${first[0]} ${first[2]} h`);
  await page.getByText('How I got this').click();
  await expect(page.getByTestId('how')).toContainText('work_hours');

  await kiosk.screenshot('manager-ask');
  await page.getByRole('button', { name: 'This week', exact: true }).click();
  await expect(page.getByTestId('summary-text')).toContainText(/employees came in and worked [\d.]+ hours in all/);
  // The facts line keeps the totals; the people are named in the text.
  await expect(page.getByTestId('summary-facts')).not.toContainText('Asha Rao');
  await page.getByTestId('summary').scrollIntoViewIfNeeded();
  await kiosk.screenshot('manager-summary');
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('summary').scrollIntoViewIfNeeded();
  await kiosk.screenshot('manager-summary');
  await page.setViewportSize({ width: 1440, height: 1000 });

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
  await expect(answer.locator('.answer-text')).toContainText("I can't answer that: I didn't understand “write”, “poem”");
  await expect(page.getByTestId('chart-answer')).toHaveCount(0);
  await page.setViewportSize({ width: 1024, height: 768 });
  await kiosk.screenshot('manager-ask-refused');
});

/** Last week's Monday and Sunday in Kolkata (the web host's zone), worked out here from the clock. */
function lastWeek(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Kolkata' }).format(new Date());
  const t = Date.parse(`${today}T00:00:00Z`);
  const monday = t - (((new Date(t).getUTCDay() + 6) % 7) + 7) * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return `${iso(monday)}..${iso(monday + 6 * 86_400_000)}`;
}

// One question of every family, as a manager types it, in the console: the stated interpretation
// (what, who, which dates, the zone), the answer, and the table with its word headers.
const FAMILIES: { q: string; what: string | RegExp; columns?: string[]; period?: 'last week' | 'now' | 'today'; answered?: false }[] = [
  { q: 'How many hours did Vikram work last week?', what: 'Hours worked by Vikram Nair', columns: ['Date', 'Hours (h)', 'First IN', 'Last OUT'] },
  {
    q: 'average daily hours of meera last week',
    what: /^Average daily hours worked of Meera Iyer \(over \d+ days? with hours\)/,
    columns: ['Date', 'Name', 'Hours (h)'],
  },
  { q: 'which team worked the most hours last week', what: 'The team with the most hours worked', columns: ['Team', 'Hours (h)'] },
  { q: 'Engineering vs Operations hours last week', what: 'Hours worked by Engineering and Operations', columns: ['Team', 'Hours (h)'] },
  { q: 'who worked more than 8 hrs in a day last week', what: 'Who worked more than 8 h in a day' },
  { q: 'overtime last week', what: 'Who worked overtime (past the shift length)' },
  { q: 'who came in last week', what: 'Who came in', columns: ['Date', 'Name', 'Team', 'First IN'] },
  { q: 'Who is in now?', what: /^Who is in right now \(\d\d:\d\d, Asia\/Kolkata\)$/, period: 'now' },
  { q: 'who was absent last week', what: 'Who was absent (expected at work, not in)' },
  { q: 'who was late last week', what: 'Late arrivals', columns: ['Date', 'Name', 'Team', 'First IN', 'Minutes late'] },
  { q: 'who left early last week', what: 'Early departures', columns: ['Date', 'Name', 'Team', 'Last OUT', 'Minutes early'] },
  { q: 'who came in earliest last week', what: 'Earliest arrival (first IN)', columns: ['Date', 'Name', 'Team', 'First IN'] },
  {
    q: 'what time did rahul clock out last week',
    what: 'Time of departure (last OUT) of Rahul Verma',
    columns: ['Date', 'Name', 'Team', 'Last OUT'],
  },
  { q: 'WFH vs WFO last week', what: 'Days in the office and from home', columns: ['Work mode', 'Days'] },
  { q: 'who forgot to punch out last week', what: 'Missing OUTs' },
  { q: 'who is on leave today', what: /does not record leave/, answered: false },
  { q: 'hours of asha on 03/11', what: /“03\/11”: it could be 3 November 2026 or 11 March 2026/, answered: false },
];

test('asks a question of every family in the console and shows the interpretation, the answer and the table', async ({ kiosk, page, server }) => {
  await centralReady(server.databaseUrl);
  await page.setViewportSize({ width: 1440, height: 900 });
  await managerSignIn(page, '1001', '4321');
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  const answer = page.getByTestId('answer');
  const ask = async (q: string) => {
    await page.getByLabel('Ask about attendance').fill(q);
    await page.getByRole('button', { name: 'Ask', exact: true }).last().click();
    await expect(answer).toHaveAttribute('data-question', q);
  };
  // The demo's punches reach central a moment after its roster.
  await expect(async () => {
    await ask('Top 3 by hours last week');
    await expect(page.getByTestId('answer-table').locator('tbody tr')).toHaveCount(3, { timeout: 500 });
  }).toPass({ timeout: 20_000 });
  for (const f of FAMILIES) {
    await ask(f.q);
    if (f.answered === false) {
      await expect(answer, f.q).toHaveAttribute('data-answered', 'false');
      await expect(answer.locator('.answer-text'), f.q).toHaveText(f.what);
      continue;
    }
    await expect(answer, f.q).toHaveAttribute('data-answered', 'true');
    await expect(answer, f.q).toHaveAttribute('data-period', f.period === 'now' ? 'now' : lastWeek());
    const interpretation = answer.getByTestId('interpretation');
    if (typeof f.what === 'string') await expect(interpretation, f.q).toContainText(`${f.what}, `);
    else await expect(interpretation, f.q).toHaveText(new RegExp(`${f.what.source.replace(/\$$/, '')}.*:$`));
    if (f.period !== 'now') await expect(interpretation, f.q).toContainText('(Asia/Kolkata):');
    const table = page.getByTestId('answer-table');
    if (f.columns && (await table.count()) > 0) await expect(table.locator('thead th'), f.q).toHaveText(f.columns);
    // The answer's figures are the table's: a one-person total is the sum of its rows (the total is
    // rounded once from seconds, each row on its own, so they may differ by half a hundredth a row).
    if (f.q.startsWith('How many hours did Vikram')) {
      const rows = (await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number);
      const total = Number(/^([\d.]+) h\./.exec((await answer.locator('.answer-value').textContent()) ?? '')?.[1]);
      expect(Math.abs(total - rows.reduce((a, h) => a + h, 0)), f.q).toBeLessThanOrEqual(0.005 * rows.length + 1e-9);
      expect(rows.length, f.q).toBeGreaterThan(0);
    }
    if (f.q.startsWith('who came in last week')) {
      const names = new Set(await table.locator('tbody tr td:nth-child(2)').allTextContents());
      await expect(answer.locator('.answer-value'), f.q).toContainText(`${names.size} people`);
    }
  }
  await page.setViewportSize({ width: 1024, height: 768 });
  await ask('who was late last week');
  await kiosk.screenshot('manager-ask-interpretation');
});
