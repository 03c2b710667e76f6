// `npm run bench`: prints one JSON line per figure. Run on an otherwise idle machine.
// BENCH_DRAIN_SIZES (default "100000,1000000") sets the backlog sizes to drain;
// BENCH_REPORT_EMPLOYEES × BENCH_REPORT_DAYS (default 2000 × 250) the reports dataset;
// BENCH_ONLY (a comma list of punch,browser,drain,reports,ai) runs only those parts.
import os from 'node:os';
import { benchColdStart, benchTapToReceipt, withBrowser } from './browser.js';
import { benchSync } from './drain.js';
import { benchReportsOnEmbedded } from './reports.js';
import { benchAi } from './ai.js';
import { benchPunchCommit } from './punch-commit.js';
import { emit } from './stats.js';
import { startTestPostgres } from '../support/start-test-postgres.js';

emit({ bench: 'machine', cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() });
const only = process.env.BENCH_ONLY?.split(',');

/** Runs with TEST_DATABASE_URL set: the given one, or an embedded server for this part only. */
async function withTestPostgres(fn: () => Promise<void>): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return fn();
  const postgres = await startTestPostgres();
  process.env.TEST_DATABASE_URL = postgres.url;
  try {
    await fn();
  } finally {
    delete process.env.TEST_DATABASE_URL;
    await postgres.stop();
  }
}
const part = (name: string): boolean => !only || only.includes(name);

if (part('punch')) await benchPunchCommit(Number(process.env.BENCH_PUNCHES ?? 2000));
if (part('browser')) {
  // The web hosts measured in the browser sync to a PostgreSQL of their own, as in the e2e tests.
  await withTestPostgres(() =>
    withBrowser(async (browser) => {
      await benchTapToReceipt(browser);
      await benchColdStart(browser);
    }),
  );
}
if (part('drain')) await benchSync((process.env.BENCH_DRAIN_SIZES ?? '100000,1000000').split(',').map(Number));
if (part('reports')) {
  await benchReportsOnEmbedded({ employees: Number(process.env.BENCH_REPORT_EMPLOYEES ?? 2000), days: Number(process.env.BENCH_REPORT_DAYS ?? 250) });
}
if (part('ai')) await withTestPostgres(() => benchAi());
