// One simulated kiosk for the load run: its own data folder and device id, punching at a fixed
// rate through dispatch with the background sync running. Prints "ACK <id>" after each commit.
// On SIGTERM it stops punching, drains its outbox to central, prints "DRAINED", and exits.
// It runs the code under test from source (through tsx), never a build that may be stale.
import { writeSync } from 'node:fs';
import { createApp } from '../../src-main/app.js';
import { loadConfig } from '../../src-main/config.js';
import { call } from '../../src-main/rpc/dispatch.js';

// Arguments: the data folder, a DATABASE_URL (direct sync) or `central:<credential dir>` (a kiosk
// enrolled with Central, syncing through its HTTP API), and the punches per second.
const [dataDir, target, rateArg] = process.argv.slice(2) as [string, string, string];
const rate = Number(rateArg);
const where = target.startsWith('central:') ? { credentialDir: target.slice('central:'.length) } : { databaseUrl: target };
const app = await createApp({
  config: loadConfig({}, { dataDir, demo: false, ...where, siteName: 'Load Site', tz: 'Asia/Kolkata' }),
  host: 'cli',
  sync: { kickDelayMs: 50, idleIntervalMs: 1000, backoff: { baseMs: 200, capMs: 5000 } },
});
const ctx = { origin: 'cli' } as const;
// The roster comes from central: wait for the first pull.
for (let i = 0; i < 100; i++) {
  await app.sync.syncNow();
  if ((app.store.sqlite.prepare('SELECT count(*) AS n FROM roster_employees').get() as { n: number }).n > 0) break;
  await new Promise((r) => setTimeout(r, 200));
}
const codes = (app.store.sqlite.prepare('SELECT code FROM roster_employees ORDER BY code').all() as { code: string }[]).map((r) => r.code);
app.sync.start();
writeSync(1, `READY ${app.deps.kiosk.deviceId}\n`);

let stopping = false;
let i = Math.floor(Math.random() * codes.length);
const tick = async () => {
  if (stopping) return;
  const code = codes[i++ % codes.length]!;
  try {
    const who = await call(app.dispatch, 'kiosk.identify', { method: 'code', code }, ctx);
    const r = await call(app.dispatch, 'punches.record', { ticket: who.ticket, kind: who.suggested }, ctx);
    if (!r.duplicate) writeSync(1, `ACK ${r.punchId}\n`);
  } catch (err) {
    writeSync(2, `punch failed: ${(err as Error).message}\n`);
  }
};
const timer = setInterval(() => void tick(), 1000 / rate);

process.once('SIGTERM', () => void drainAndExit());

async function drainAndExit(): Promise<void> {
  stopping = true;
  clearInterval(timer);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const s = await app.sync.syncNow();
    // A revoked kiosk keeps its punches (Central quarantined what it sent): nothing more to drain.
    if (s.pending === 0 || s.state === 'revoked') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  writeSync(1, `DRAINED ${app.sync.status().pending}\n`);
  await app.close();
  process.exit(0);
}
