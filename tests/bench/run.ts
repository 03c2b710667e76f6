// `npm run bench`: prints one JSON line per figure. Run on an otherwise idle machine.
// BENCH_DRAIN_SIZES (default "100000,1000000") sets the backlog sizes to drain.
import os from 'node:os';
import { benchColdStart, benchTapToReceipt, withBrowser } from './browser.js';
import { benchSync } from './drain.js';
import { benchPunchCommit } from './punch-commit.js';
import { emit } from './stats.js';

emit({ bench: 'machine', cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() });
await benchPunchCommit(Number(process.env.BENCH_PUNCHES ?? 2000));
await withBrowser(async (browser) => {
  await benchTapToReceipt(browser);
  await benchColdStart(browser);
});
await benchSync((process.env.BENCH_DRAIN_SIZES ?? '100000,1000000').split(',').map(Number));
