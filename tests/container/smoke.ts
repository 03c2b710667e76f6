// Smoke test of the compose stack (run by .ci/run after `docker-compose up`): Central answers
// its health check with the database reachable, the first admin signs in to the console, makes
// an API token, and the token adds an employee, records a day and reads it back as a report.
// Usage: FRONTDESK_ADMIN_PASSWORD=… tsx tests/container/smoke.ts [base URL]
const base = process.argv[2] ?? 'http://127.0.0.1:8080';
const password = process.env.FRONTDESK_ADMIN_PASSWORD ?? '';

function check(ok: boolean, what: string, detail?: unknown): void {
  if (!ok) {
    process.stderr.write(`smoke: FAILED ${what}${detail === undefined ? '' : `: ${JSON.stringify(detail).slice(0, 500)}`}\n`);
    process.exit(1);
  }
  process.stdout.write(`smoke: ok  ${what}\n`);
}

async function json(res: Response): Promise<unknown> {
  const text = await res.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * One health probe, given up after 3 s. While the container starts, docker's port proxy takes
 * the connection and drops it; Node 20's fetch can then leave its promise unsettled with
 * nothing keeping the process alive, so a timer of our own holds the race.
 */
function probe(): Promise<Response> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('no answer in 3 s')), 3000)));
  return Promise.race([fetch(`${base}/api/v1/health`, { signal: AbortSignal.timeout(3000) }), late]).finally(() => clearTimeout(timer));
}

async function waitForHealth(): Promise<void> {
  const until = Date.now() + 180_000;
  for (;;) {
    try {
      const res = await probe();
      const body = (await json(res)) as { status?: string; database?: string };
      if (res.status === 200 && body.database === 'reachable') return check(true, 'health: up, database reachable');
    } catch {
      // not listening yet
    }
    if (Date.now() > until) return check(false, 'health within 180 s');
    await new Promise((r) => setTimeout(r, 1000));
  }
}

await waitForHealth();
const page = await fetch(`${base}/`);
check(page.status === 200 && (await page.text()).includes('<div id="root">'), 'the console page is served at /');

const signIn = await fetch(`${base}/auth/sign-in`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ username: process.env.FRONTDESK_ADMIN_USER ?? 'admin', password }),
});
const session = (await json(signIn)) as { ok: boolean; value?: { csrfToken: string; role: string } };
const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
check(signIn.status === 200 && session.value?.role === 'admin' && cookie.startsWith('fd_session='), 'the first admin signs in', session);

const made = await fetch(`${base}/rpc/tokens.create`, {
  method: 'POST',
  headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.value!.csrfToken },
  body: JSON.stringify({ name: 'container smoke', scope: 'write' }),
});
const token = ((await json(made)) as { value?: { token: string } }).value?.token ?? '';
check(made.status === 200 && token.startsWith('fdk_'), 'the admin makes an API token in the console');

const api = async (method: string, path: string, body?: unknown, accept = 'application/json') => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, accept, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: res.status, body: accept === 'text/csv' ? await res.text() : await json(res) };
};

const rpc = async (method: string, input: unknown) => {
  const res = await fetch(`${base}/rpc/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.value!.csrfToken },
    body: JSON.stringify(input),
  });
  return { status: res.status, body: (await json(res)) as { ok: boolean; value?: Record<string, unknown>; error?: unknown } };
};
const site = await rpc('roster.addSite', { name: 'Smoke Site', tz: 'UTC' });
const team = await rpc('roster.addTeam', { name: 'Smoke Team', site: 'Smoke Site' });
check(site.body.ok && team.body.ok, 'the admin adds a site and a team in the console', [site.body, team.body]);

const code = `S${Date.now() % 100000}`;
const added = await api('POST', '/api/v1/employees', { code, name: 'Smoke Test', pin: '2468', team: 'Smoke Team', start_date: '2026-01-01' });
check(added.status === 201, 'the token adds an employee', added.body);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
for (const [event_type, at] of [
  ['IN', '09:00'],
  ['OUT', '17:30'],
] as const) {
  const r = await api('POST', '/api/v1/attendance', {
    employee_id: code,
    event_type,
    timestamp: `${yesterday}T${at}:00Z`,
    client_id: `smoke-${code}-${event_type}`,
  });
  check(r.status === 201, `the token records ${event_type}`, r.body);
}
const hours = await api('GET', `/api/v1/summary/workhours?from=${yesterday}&to=${yesterday}&tz=UTC`);
const rows = hours.body as { employee_id: string; seconds: number }[];
check(
  hours.status === 200 && rows.some((r) => r.employee_id === code && r.seconds === 8.5 * 3600),
  'the work-hours report has the 8.5 h day',
  hours.body,
);
const csv = await api('GET', `/api/v1/summary/workhours?from=${yesterday}&to=${yesterday}&tz=UTC`, undefined, 'text/csv');
check(csv.status === 200 && String(csv.body).includes(code), 'the same report as CSV');
const refused = await api('GET', '/api/v1/employees'.replace('employees', 'nope'));
check(refused.status === 404, 'an unknown path is a JSON 404', refused.body);
// A kiosk on this machine enrolls with the container's Central and punches through its sync API.
const kiosk = await rpc('kiosks.add', { name: 'Smoke kiosk', site: 'Smoke Site' });
const enrollCode = typeof kiosk.body.value?.code === 'string' ? kiosk.body.value.code : '';
check(kiosk.status === 200 && enrollCode.length === 19, 'the admin adds a kiosk and gets its enrollment code', kiosk.body);
const { execFileSync } = await import('node:child_process');
const { mkdtempSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const kioskDir = mkdtempSync(join(tmpdir(), 'frontdesk-smoke-kiosk-'));
const credentialDir = mkdtempSync(join(tmpdir(), 'frontdesk-smoke-cred-'));
const frontdesk = (...args: string[]): string =>
  execFileSync(process.execPath, ['bin/frontdesk.js', ...args, '--data', kioskDir, '--json'], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', FRONTDESK_CREDENTIAL_DIR: credentialDir, FRONTDESK_LOG_LEVEL: 'error' },
  });
try {
  const enrolled = JSON.parse(frontdesk('enroll', '--central', base, '--code', enrollCode)) as { employees: number; sync: { state: string } };
  check(enrolled.employees === 1 && enrolled.sync.state === 'idle', 'the kiosk enrolls and receives its site roster', enrolled);
  frontdesk('punch', '--employee', code, '--pin', '2468');
  const synced = JSON.parse(frontdesk('sync', '--once')) as { state: string; pending: number; central: string };
  check(synced.state === 'idle' && synced.pending === 0 && synced.central === 'central', 'the kiosk syncs its punch through Central', synced);
} finally {
  rmSync(kioskDir, { recursive: true, force: true });
  rmSync(credentialDir, { recursive: true, force: true });
}
// The punch's local date is the site's (Kolkata), a day ahead of UTC's for part of the day: ask
// for the days around UTC's today.
const utcDay = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const attendance = await api('GET', `/api/v1/attendance?employee_id=${code}&from=${utcDay(-1)}&to=${utcDay(1)}`);
check(attendance.status === 200 && JSON.stringify(attendance.body).includes(code), "the kiosk's punch is in Central's attendance", attendance.body);
const fleet = await rpc('kiosks.list', {});
const listed =
  (fleet.body.value as unknown as { name: string; lastHeartbeatAt: string | null; backlog: { count: number } | null }[] | undefined) ?? [];
const smokeKiosk = listed.find((k) => k.name === 'Smoke kiosk');
check(
  smokeKiosk?.lastHeartbeatAt != null && smokeKiosk.backlog?.count === 0,
  'the fleet page lists the kiosk with its heartbeat and an empty backlog',
  fleet.body,
);
process.stdout.write('smoke: all passed\n');
