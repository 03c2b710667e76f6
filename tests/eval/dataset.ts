// The Kolkata evaluation dataset (datasets/kolkata.ts, whose header has the table) for tests and
// benches that need one app with attendance in it: "now" is Friday 2026-11-20, 11:00 in Kolkata.
import type { TestApp } from '../support/test-app.js';
import { KOLKATA } from './datasets/kolkata.js';
import { seedDataset } from './datasets/seed.js';

export const EVAL_NOW = KOLKATA.now;

/** Loads the dataset through the real app (roster on the kiosk, shifts, punches imported, synced). */
export async function seedEvalDataset(app: TestApp): Promise<void> {
  await seedDataset(app, KOLKATA);
}
