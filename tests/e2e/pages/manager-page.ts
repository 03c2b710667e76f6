// Helpers for the manager screens, shared by the manager specs.
import type { Page } from '@playwright/test';
import { query } from '../../support/test-postgres.js';

/** How many employees central has; 0 until the kiosk's first sync has migrated it. */
async function centralEmployees(url: string): Promise<number> {
  try {
    const [row] = await query<{ n: string }>(url, 'SELECT count(*)::text AS n FROM employees');
    return Number(row?.n);
  } catch (err) {
    if ((err as { code?: string }).code === '42P01') return 0; // undefined_table: not migrated yet
    throw err;
  }
}

/**
 * Waits for the kiosk to migrate central and publish its demo roster (and site) there: until
 * central has `atLeast` employees (the demo's 8, plus any already there).
 */
export async function centralReady(url: string, atLeast = 8): Promise<void> {
  for (let i = 0; ; i++) {
    if ((await centralEmployees(url)) >= atLeast) return;
    if (i > 300) throw new Error('the demo roster never reached central');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens the manager screens from the kiosk page and signs in. */
export async function managerSignIn(page: Page, code: string, pin: string): Promise<void> {
  await page.evaluate(() => (window.location.hash = '#/manager'));
  await page.getByLabel('Employee code').fill(code);
  await page.getByLabel('PIN').fill(pin);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
