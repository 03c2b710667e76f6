// Frontdesk Central for the load run, as its own process on a fixed port (so it can be killed and
// started again where the kiosks look for it). Prints READY once it listens; SIGTERM stops it.
// It runs the code under test from source (through tsx).
import { writeSync } from 'node:fs';
import { createCentralApp } from '../../src-main/central/central-app.js';
import { loadCentralConfig } from '../../src-main/central/config.js';
import { startCentralServer } from '../../src-main/central/server.js';

const [databaseUrl, port, dataDir] = process.argv.slice(2) as [string, string, string];
const app = await createCentralApp(
  loadCentralConfig({}, { host: '127.0.0.1', port: Number(port), databaseUrl, dataDir, tz: 'Asia/Kolkata', enrollRateLimit: 10_000 }),
);
const server = await startCentralServer(app);
writeSync(1, `READY ${server.url}\n`);
process.once('SIGTERM', () => {
  void server
    .close()
    .then(() => app.close())
    .then(() => process.exit(0));
});
