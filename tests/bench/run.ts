// `npm run bench`: prints one JSON line per figure. Run on an otherwise idle machine.
import os from 'node:os';
import { benchColdStart, benchTapToReceipt, withBrowser } from './browser.js';
import { benchPunchCommit } from './punch-commit.js';
import { emit } from './stats.js';

emit({ bench: 'machine', cpus: os.cpus().length, cpu: os.cpus()[0]?.model, node: process.version, date: new Date().toISOString() });
await benchPunchCommit(Number(process.env.BENCH_PUNCHES ?? 2000));
await withBrowser(async (browser) => {
  await benchTapToReceipt(browser);
  await benchColdStart(browser);
});
