// Central's REST API on the reports dataset (2,000 employees, ~990,000 punches): the first
// system's `GET /api/v1/summary/workhours?days=7` with a token, at 1 and 32 concurrent clients,
// against the same query run directly with pg in the same run (the ratio is what Central adds:
// HTTP, the token check, the rate count, JSON), and against the API's own SQL (rows already JSON
// text) run directly. Central runs as its own process, as deployed
// (`frontdesk central serve`), so the bench's client does not share its event loop. Then
// sign-in to a painted dashboard through Central's console in Chromium.
import { execFile, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import pg from 'pg';
import { resolveRange } from '../../shared/domain/report-range.js';
import { reportJsonSql, reportSql } from '../../src-main/services/reports/report-sql.js';
import { tempDir } from '../support/test-app.js';
import { SIGN_IN_TO_DASHBOARD } from './browser.js';
import { emit, summarize } from './stats.js';

const TZ = 'Asia/Kolkata';
const ADMIN_PASSWORD = 'bench-admin-password';

/** Runs `task` `perClient` times in each of `clients` loops at once; the latency of every call. */
async function concurrently(clients: number, perClient: number, task: () => Promise<void>): Promise<{ samples: number[]; wallMs: number }> {
  const samples: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < perClient; i++) {
        const s = performance.now();
        await task();
        samples.push(performance.now() - s);
      }
    }),
  );
  return { samples, wallMs: performance.now() - t0 };
}

const DB_POOL = 10;

export async function benchCentralApi(databaseUrl: string, browser: Browser | null): Promise<void> {
  const dataDir = tempDir('frontdesk-bench-central-');
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    FRONTDESK_TZ: TZ,
    FRONTDESK_API_RATE_LIMIT: '1000000',
    FRONTDESK_DB_POOL: String(DB_POOL),
    FRONTDESK_LOG_LEVEL: 'error',
  };
  const cli = (args: string[], stdin = ''): Promise<string> =>
    new Promise((resolve, reject) => {
      const c = execFile(process.execPath, ['bin/frontdesk.js', ...args, '--data', dataDir, '--json'], { env });
      let out = '';
      c.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
      c.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`frontdesk ${args.join(' ')} exited ${code}`))));
      c.stdin?.end(stdin);
    });
  await cli(['central', 'init', '--admin', 'bench-admin', '--password-stdin'], ADMIN_PASSWORD);
  const { token } = JSON.parse(await cli(['central', 'tokens', 'create', '--name', 'bench', '--scope', 'read'])) as { token: string };
  const child = spawn(process.execPath, ['bin/frontdesk.js', 'central', 'serve', '--port', '0', '--data', dataDir, '--json'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server = await new Promise<{ url: string }>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('}')) resolve(JSON.parse(out) as { url: string });
    });
    child.once('exit', (code) => reject(new Error(`central serve exited ${code}`)));
  });
  const direct = new pg.Pool({ connectionString: databaseUrl, max: DB_POOL });
  try {
    const apiCall = async (): Promise<void> => {
      const res = await fetch(`${server.url}/api/v1/summary/workhours?days=7`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`workhours answered ${res.status}`);
      await res.arrayBuffer();
    };
    // The same SQL and parameters reports.run sends for days=7 in the site's zone.
    const range = resolveRange({ days: 7 }, Date.now(), TZ);
    const params = [range.from, range.to, null, null, null, 16, new Date().toISOString(), null, []];
    const sql = reportSql('workhours', { tz: null, maxHours: 16 });
    const directCall = async (): Promise<void> => {
      await direct.query(sql, params);
    };
    // The API's own SQL (each row already its JSON text, joined), run directly: what Central
    // adds beyond its own query.
    const jsonSql = reportJsonSql('workhours', { tz: null, maxHours: 16 });
    if (!jsonSql) throw new Error('work hours for 7 days have no JSON SQL');
    const directJsonCall = async (): Promise<void> => {
      const { rows } = await direct.query<[string]>({ text: jsonSql, values: params, rowMode: 'array' });
      if (`[${rows.map((r) => r[0]).join(',')}]`.length === 0) throw new Error('no JSON');
    };
    let rows = 0;
    {
      const res = await fetch(`${server.url}/api/v1/summary/workhours?days=7`, { headers: { authorization: `Bearer ${token}` } });
      rows = ((await res.json()) as unknown[]).length;
    }
    for (let i = 0; i < 5; i++) {
      await apiCall();
      await directCall();
    }
    for (const clients of [1, 32]) {
      const perClient = clients === 1 ? 40 : 4;
      // Interleaved in one run, so both see the same machine.
      const d = await concurrently(clients, perClient, directCall);
      const a = await concurrently(clients, perClient, apiCall);
      const j = await concurrently(clients, perClient, directJsonCall);
      const ds = summarize(d.samples);
      const as = summarize(a.samples);
      const js = summarize(j.samples);
      emit({
        bench: 'central_api_workhours_7d',
        clients,
        rows,
        n: as.n,
        api_p50_ms: as.p50_ms,
        api_p99_ms: as.p99_ms,
        direct_p50_ms: ds.p50_ms,
        direct_p99_ms: ds.p99_ms,
        ratio_p50: Math.round((as.p50_ms / ds.p50_ms) * 100) / 100,
        direct_json_p50_ms: js.p50_ms,
        ratio_to_json_sql_p50: Math.round((as.p50_ms / js.p50_ms) * 100) / 100,
        api_per_s: Math.round((as.n / a.wallMs) * 1000 * 10) / 10,
        direct_per_s: Math.round((ds.n / d.wallMs) * 1000 * 10) / 10,
        db_pool: DB_POOL,
        target: clients === 1 ? 'ratio_p50 <= 1.5' : 'no errors under load',
      });
    }
    if (browser) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await page.goto(server.url + '/');
      const samples: number[] = [];
      for (let i = 0; i < 8; i++) {
        await page.getByLabel('Username').fill('bench-admin');
        await page.getByLabel('Password').fill(ADMIN_PASSWORD);
        const ms = await page.evaluate<number>(SIGN_IN_TO_DASHBOARD);
        if (i > 0) samples.push(ms);
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForSelector('form.signin');
      }
      const s = summarize(samples);
      emit({ bench: 'central_sign_in_to_dashboard', n: s.n, p50_ms: s.p50_ms, max_ms: s.max_ms, range_days: 7, target: 'well under 1000 ms' });
      await page.close();
    }
  } finally {
    await direct.end();
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
