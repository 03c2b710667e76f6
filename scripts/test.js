// `npm test`: build, type-check, lint, then every suite — unit tests under several time zones,
// integration tests on real SQLite files, and Playwright e2e in Debian's Chromium through the
// web host — ending with one plain line `N passed, N failed` that sums them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const REPORTS = path.resolve('test-results/reports');
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function step(name, command, args, env = {}) {
  process.stdout.write(`\n=== ${name} ===\n`);
  const started = Date.now();
  const res = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FRONTDESK_LOG_LEVEL: 'error', ...env } });
  process.stdout.write(`=== ${name}: exit ${res.status} in ${((Date.now() - started) / 1000).toFixed(1)} s ===\n`);
  return res.status === 0;
}

function gate(name, command, args) {
  if (step(name, command, args)) totals.passed++;
  else {
    totals.failed++;
    failures.push(name);
  }
}

function vitest(name, include, env) {
  const file = path.join(REPORTS, `${name.replace(/\W+/g, '-')}.json`);
  const ok = step(name, 'npx', ['vitest', 'run', include, '--reporter=default', '--reporter=json', `--outputFile=${file}`], env);
  try {
    const r = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests + (r.numRuntimeErrors ?? 0);
    totals.skipped += r.numPendingTests + r.numTodoTests;
    if (r.numFailedTests > 0 || !ok) failures.push(name);
    if (!ok && r.numFailedTests === 0) totals.failed++;
  } catch {
    totals.failed++;
    failures.push(`${name} (no report)`);
  }
}

function playwright() {
  const file = path.join(REPORTS, 'e2e.json');
  const ok = step('e2e (Playwright, Chromium, web host)', 'npx', ['playwright', 'test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: file,
  });
  try {
    const { stats } = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += stats.expected + stats.flaky;
    totals.failed += stats.unexpected;
    totals.skipped += stats.skipped;
    if (stats.unexpected > 0 || !ok) failures.push('e2e');
    if (!ok && stats.unexpected === 0) totals.failed++;
  } catch {
    totals.failed++;
    failures.push('e2e (no report)');
  }
}

gate('build', 'npm', ['run', 'build', '--silent']);
gate('typecheck (node, web, tests)', 'npm', ['run', 'typecheck', '--silent']);
gate('lint (ESLint, type-aware) and format (Prettier)', 'npm', ['run', 'lint', '--silent']);
// One real PostgreSQL for every suite: TEST_DATABASE_URL, or an embedded server started here once
// (vitest's global setup starts one only when none is given, as for a bare `npx vitest`).
let stopPostgres = async () => {};
if (!process.env.TEST_DATABASE_URL) {
  try {
    const { startEmbeddedCentral, removeEmbeddedCluster } = await import('../dist/node/src-main/db/central/embedded.js');
    const { createLogger } = await import('../dist/node/src-main/log.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'frontdesk-test-pg-'));
    const server = await startEmbeddedCentral(dir, createLogger('test-postgres'));
    process.env.TEST_DATABASE_URL = server.url;
    stopPostgres = async () => {
      await server.stop();
      removeEmbeddedCluster(dir);
      rmSync(dir, { recursive: true, force: true });
    };
    process.stdout.write('PostgreSQL for tests: embedded server started\n');
  } catch (err) {
    totals.failed++;
    failures.push(`start PostgreSQL (${err instanceof Error ? err.message : String(err)})`);
  }
}
for (const tz of ['UTC', 'Asia/Kolkata', 'America/New_York']) vitest(`unit TZ=${tz}`, 'tests/unit', { TZ: tz });
vitest('integration', 'tests/integration', {});
playwright();
await stopPostgres();

if (failures.length) process.stdout.write(`\nFailed: ${failures.join(', ')}\n`);
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}\n`);
process.exit(totals.failed > 0 ? 1 : 0);
