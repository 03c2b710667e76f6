// Browser figures, in Debian's Chromium through the web host: tap-to-receipt-painted (from the
// click to the frame after the receipt is in the DOM) and cold start (spawning `frontdesk
// serve` to the kiosk painted in an already-open browser).
import { spawn } from 'node:child_process';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.js';
import { startServer, stopServer } from '../e2e/fixtures.js';
import { centralReady } from '../e2e/pages/manager-page.js';
import { emit, summarize } from './stats.js';

/**
 * Milliseconds from clicking the suggested button to the frame after the receipt appears.
 * A string, so the bundler's helpers never leak into the page.
 */
const TAP_TO_RECEIPT = `new Promise((resolve) => {
  const root = document.querySelector('[data-testid="kiosk"]');
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (root.dataset.phase !== 'receipt') return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  obs.observe(root, { attributes: true, attributeFilter: ['data-phase'] });
  document.querySelector('[data-suggested="true"]').click();
})`;

export async function benchTapToReceipt(browser: Browser, iterations = 60): Promise<void> {
  const server = await startServer();
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(server.openUrl.replace('/#', '/?receiptSeconds=30#'));
  await page.waitForSelector('[data-phase="idle"]');
  const samples: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    try {
      await page.keyboard.type('0004521002', { delay: 0 });
      await page.keyboard.press('Enter');
      await page.waitForSelector('[data-phase="choose"]');
      const ms = await page.evaluate<number>(TAP_TO_RECEIPT);
      if (i >= 5) samples.push(ms);
      await page.getByRole('button', { name: 'Done' }).click();
      await page.waitForSelector('[data-phase="idle"]');
    } catch (err) {
      // Keep what the kiosk showed, so a failed run can be understood afterwards.
      const file = `test-results/screenshots/bench-tap-${i}-failed.png`;
      await page.screenshot({ path: file }).catch(() => undefined);
      const phase = await page
        .getByTestId('kiosk')
        .getAttribute('data-phase')
        .catch(() => null);
      throw new Error(`tap ${i} failed in phase ${phase ?? 'unknown'} (screenshot: ${file})`, { cause: err });
    }
  }
  const s = summarize(samples);
  emit({ bench: 'tap_to_receipt_painted', n: s.n, p50_ms: s.p50_ms, p95_ms: s.p95_ms, max_ms: s.max_ms, target: 'p50 < 50 ms' });
  await page.close();
  await stopServer(server);
}

export async function benchColdStart(browser: Browser, runs = 7): Promise<void> {
  const seeded = await startServer(); // creates and seeds the data folder once
  const dataDir = seeded.dataDir;
  seeded.process.kill('SIGTERM');
  await new Promise((r) => seeded.process.once('exit', r));
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/frontdesk.js', 'serve', '--data', dataDir, '--port', '0', '--json'], {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, FRONTDESK_LOG_LEVEL: 'warn' },
    });
    let out = '';
    const openUrl = await new Promise<string>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        try {
          resolve((JSON.parse(out) as { openUrl: string }).openUrl);
        } catch {
          /* incomplete */
        }
      });
    });
    await page.goto(openUrl, { waitUntil: 'commit' });
    await page.waitForSelector('[data-phase="idle"] .keypad');
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))');
    samples.push(performance.now() - t0);
    await page.close();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  const s = summarize(samples);
  emit({ bench: 'web_host_cold_start_to_kiosk_painted', n: s.n, p50_ms: s.p50_ms, max_ms: s.max_ms, target: '< 1000 ms' });
  await stopServer({ ...seeded });
}

export async function withBrowser<T>(fn: (b: Browser) => Promise<T>): Promise<T> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * Milliseconds from pressing "Sign in" on the manager screen to the frame after the dashboard
 * has every chart drawn (the last 7 days, all teams). A string, like TAP_TO_RECEIPT.
 */
/** Clicks the sign-in form's submit and resolves to the ms until all five charts are drawn. */
export const SIGN_IN_TO_DASHBOARD = `new Promise((resolve) => {
  const drawn = () => {
    const cards = [...document.querySelectorAll('[data-testid^="chart-"]')];
    return document.querySelector('[data-testid="dashboard"][data-loaded="true"]') && cards.length === 5 && cards.every((c) => c.querySelector('svg'));
  };
  const t0 = performance.now();
  const obs = new MutationObserver(() => {
    if (!drawn()) return;
    obs.disconnect();
    requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
  });
  obs.observe(document.body, { childList: true, subtree: true, attributes: true });
  document.querySelector('form.signin button[type="submit"]').click();
})`;

/** The manager dashboard's first paint, served by a kiosk on the given central (the reports dataset). */
/** Waits until the kiosk knows the badge (its roster pull has run). */
async function rosterPulled(url: string, token: string, badge: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const res = await fetch(`${url}/rpc/kiosk.identify`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: JSON.stringify({ method: 'badge', badge }),
    });
    if (((await res.json()) as { ok: boolean }).ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the kiosk never pulled the roster');
}

export async function benchDashboardFirstPaint(browser: Browser, databaseUrl: string, waitForEmployees: number, runs = 7): Promise<void> {
  const server = await startServer([], { DATABASE_URL: databaseUrl });
  try {
    // Measure once the kiosk has pulled the roster, with the manager who signs in.
    await centralReady(databaseUrl, waitForEmployees);
    await rosterPulled(server.url, server.openUrl.split('#token=')[1]!, '0004521001');
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(server.openUrl);
    await page.evaluate(() => (window.location.hash = '#/manager'));
    const samples: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      await page.getByLabel('Employee code').fill('1001');
      await page.getByLabel('PIN').fill('4321');
      const ms = await page.evaluate<number>(SIGN_IN_TO_DASHBOARD);
      if (i > 0) samples.push(ms); // the first warms the server's connections
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForSelector('form.signin');
    }
    const s = summarize(samples);
    emit({ bench: 'dashboard_first_paint', n: s.n, p50_ms: s.p50_ms, max_ms: s.max_ms, range_days: 7, target: 'well under 1000 ms' });
    await page.close();
  } finally {
    await stopServer(server);
  }
}
