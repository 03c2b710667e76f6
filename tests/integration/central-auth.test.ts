// Central's sessions under attack: no cookie, a stale or signed-out cookie, a missing CSRF token,
// a foreign Origin or Host, passwords guessed one by one and in parallel, and what the audit
// log and the database keep of it all.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setLogSink } from '../../src-main/log.js';
import { ConsoleClient, startTestCentral, type TestCentral } from '../support/test-central.js';
import { query } from '../support/test-postgres.js';

let c: TestCentral;
beforeAll(async () => {
  c = await startTestCentral({ config: { sessionIdleMinutes: 30, sessionMaxHours: 12 } });
  await c.addUser('root', 'admin', { password: 'root-password-1' });
  await c.addUser('mara', 'manager', { password: 'mara-password-1' });
});
afterAll(async () => {
  await c.close();
});

const audit = async (action: string, entityId: string) =>
  (await query<{ n: number }>(c.databaseUrl, 'SELECT count(*)::int AS n FROM audit_log WHERE action = $1 AND entity_id = $2', [action, entityId]))[0]!
    .n;

describe('console sessions', () => {
  it('signs in with a cookie that is HttpOnly and SameSite=Strict, and the session names the account', async () => {
    const b = new ConsoleClient(c.url);
    const r = await b.signIn('root', 'root-password-1');
    expect(r.status).toBe(200);
    expect(r.body.value).toMatchObject({ username: 'root', role: 'admin', grants: { read: true, write: true, admin: true } });
    expect(b.lastSetCookie).toMatch(/HttpOnly/);
    expect(b.lastSetCookie).toMatch(/SameSite=Strict/);
    expect(b.lastSetCookie).not.toMatch(/Secure/); // the public URL is http here
    expect((await b.request('GET', '/auth/session')).body.value.username).toBe('root');
    expect(await audit('account.signedIn', 'root')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a call with no cookie, a made-up cookie, or no CSRF token, and says why', async () => {
    const none = new ConsoleClient(c.url);
    const r1 = await none.rpc('reports.run', { name: 'daily', days: 1 });
    expect(r1.status).toBe(401);
    expect(r1.body.error.code).toBe('UNAUTHORIZED');
    const fake = new ConsoleClient(c.url);
    fake.cookie = 'fd_session=not-a-session';
    expect((await fake.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(401);
    const b = new ConsoleClient(c.url);
    await b.signIn('mara', 'mara-password-1');
    b.csrf = null;
    const r3 = await b.rpc('reports.run', { name: 'daily', days: 1 });
    expect(r3.status).toBe(403);
    expect(r3.body.error.message).toMatch(/CSRF/);
    b.csrf = 'wrong-token-of-some-length';
    expect((await b.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(403);
  });

  it('refuses a request from another site (Origin) and a Host name it does not serve', async () => {
    const b = new ConsoleClient(c.url);
    await b.signIn('mara', 'mara-password-1');
    expect((await b.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(200);
    const evil = await b.request('POST', '/rpc/reports.run', { name: 'daily', days: 1 }, { origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    const signInFromAfar = await new ConsoleClient(c.url, { origin: 'https://evil.example' }).signIn('mara', 'mara-password-1');
    expect(signInFromAfar.status).toBe(403);
    // A DNS-rebinding page reaches this server under its own name.
    const port = new URL(c.url).port;
    const rebound = await new Promise<number>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/health', headers: { host: `attacker.example:${port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    expect(rebound).toBe(421);
  });

  it('ends a session after the idle time and at the absolute limit, whatever the activity', async () => {
    const b = new ConsoleClient(c.url);
    await b.signIn('mara', 'mara-password-1');
    c.clock.advance(29 * 60_000);
    expect((await b.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(200);
    c.clock.advance(31 * 60_000);
    const stale = await b.rpc('reports.run', { name: 'daily', days: 1 });
    expect(stale.status).toBe(401);
    // Busy all day: every 20 minutes a call, yet the session ends at 12 hours.
    const busy = new ConsoleClient(c.url);
    await busy.signIn('mara', 'mara-password-1');
    let lastOk = 0;
    for (let minutes = 20; minutes <= 13 * 60; minutes += 20) {
      c.clock.advance(20 * 60_000);
      if ((await busy.rpc('reports.run', { name: 'daily', days: 1 })).status === 200) lastOk = minutes;
      else break;
    }
    expect(lastOk).toBeGreaterThanOrEqual(11 * 60);
    expect(lastOk).toBeLessThan(12 * 60);
  });

  it('sign-out ends the session for good; the old cookie is refused', async () => {
    const b = new ConsoleClient(c.url);
    await b.signIn('mara', 'mara-password-1');
    const kept = b.cookie;
    expect((await b.request('POST', '/auth/sign-out', {})).status).toBe(200);
    const replay = new ConsoleClient(c.url);
    replay.cookie = kept;
    replay.csrf = b.csrf;
    expect((await replay.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(401);
  });

  it('a password change keeps this session, ends the others, and the old password stops working', async () => {
    await c.addUser('pat', 'viewer', { password: 'pat-password-1' });
    const here = new ConsoleClient(c.url);
    const there = new ConsoleClient(c.url);
    await here.signIn('pat', 'pat-password-1');
    await there.signIn('pat', 'pat-password-1');
    const wrong = await here.request('POST', '/auth/password', { current: 'not-it-at-all', next: 'pat-password-2' });
    expect(wrong.status).toBe(401);
    expect((await here.request('POST', '/auth/password', { current: 'pat-password-1', next: 'pat-password-2' })).status).toBe(200);
    expect((await here.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(200);
    expect((await there.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(401);
    expect((await new ConsoleClient(c.url).signIn('pat', 'pat-password-1')).status).toBe(401);
    expect((await new ConsoleClient(c.url).signIn('pat', 'pat-password-2')).status).toBe(200);
    expect(await audit('account.passwordChanged', 'pat')).toBe(1);
  });

  it('a deactivated account is signed out at once', async () => {
    await c.addUser('gone', 'viewer', { password: 'gone-password-1' });
    const b = new ConsoleClient(c.url);
    await b.signIn('gone', 'gone-password-1');
    await c.admin('users.update', { username: 'gone', active: false });
    expect((await b.rpc('reports.run', { name: 'daily', days: 1 })).status).toBe(401);
    expect((await new ConsoleClient(c.url).signIn('gone', 'gone-password-1')).status).toBe(401);
  });
});

/** A GET with the Host and extra headers given, through node:http (fetch may not set Host). */
function getWithHost(url: string, host: string, headers: Record<string, string> = {}): Promise<number> {
  const port = new URL(url).port;
  return new Promise<number>((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/v1/health', headers: { host, ...headers } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

describe('behind a reverse proxy', () => {
  it('believes X-Forwarded-Host only when told to trust the proxy', async () => {
    const port = new URL(c.url).port;
    // Not trusted: the Host header decides, whatever X-Forwarded-Host says.
    expect(await getWithHost(c.url, `127.0.0.1:${port}`, { 'x-forwarded-host': 'attacker.example' })).toBe(200);
    expect(await getWithHost(c.url, 'attacker.example', { 'x-forwarded-host': `127.0.0.1:${port}` })).toBe(421);
    const proxied = await startTestCentral({ config: { trustProxy: true, publicUrl: 'https://attendance.example.com' } });
    try {
      const inner = `127.0.0.1:${new URL(proxied.url).port}`;
      // Trusted: the proxy's X-Forwarded-Host is the name the browser used.
      expect(await getWithHost(proxied.url, inner, { 'x-forwarded-host': 'attendance.example.com', 'x-forwarded-proto': 'https' })).toBe(200);
      expect(await getWithHost(proxied.url, inner, { 'x-forwarded-host': 'attacker.example', 'x-forwarded-proto': 'https' })).toBe(421);
    } finally {
      await proxied.close();
    }
  });

  it('behind a trusted proxy, counts failures per client address from X-Forwarded-For', async () => {
    const proxied = await startTestCentral({ config: { trustProxy: true } });
    try {
      await proxied.addUser('pat', 'viewer', { password: 'pat-password-1' });
      for (let i = 0; i < 20; i++) await new ConsoleClient(proxied.url, { 'x-forwarded-for': '203.0.113.7' }).signIn(`u${i}`, 'wrong-password');
      const fromThere = await new ConsoleClient(proxied.url, { 'x-forwarded-for': '203.0.113.7' }).signIn('pat', 'pat-password-1');
      expect(fromThere.status).toBe(429);
      const fromElsewhere = await new ConsoleClient(proxied.url, { 'x-forwarded-for': '198.51.100.2' }).signIn('pat', 'pat-password-1');
      expect(fromElsewhere.status).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});

describe('guessing passwords', () => {
  it('locks an account after five wrong passwords, even for the right one, until an admin clears it', async () => {
    await c.addUser('vic', 'viewer', { password: 'vic-password-1' });
    for (let i = 0; i < 5; i++) {
      const r = await new ConsoleClient(c.url, { 'x-forwarded-for': `10.0.0.${i}` }).signIn('vic', `guess-${i}`);
      expect(r.status).toBe(401);
      expect(r.body.error.message).toBe('The username or password is not right.');
    }
    const locked = await new ConsoleClient(c.url).signIn('vic', 'vic-password-1');
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOCKED_OUT');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(60);
    const list = await c.admin('users.list', {});
    expect(list.find((u) => u.username === 'vic')?.lockedUntil).not.toBeNull();
    await c.admin('users.clearLockout', { username: 'vic' });
    expect((await new ConsoleClient(c.url).signIn('vic', 'vic-password-1')).status).toBe(200);
    expect(await audit('account.lockCleared', 'vic')).toBe(1);
    expect(await audit('account.signInFailed', 'vic')).toBe(5);
  });

  it('thirty guesses at once get at most five passwords checked', async () => {
    await c.addUser('wes', 'viewer', { password: 'wes-password-1' });
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => new ConsoleClient(c.url).signIn('wes', `parallel-${i}`)));
    const checked = results.filter((r) => r.status === 401).length;
    expect(checked).toBeLessThanOrEqual(5);
    expect(results.filter((r) => r.status === 429).length).toBeGreaterThanOrEqual(25);
    expect(await audit('account.signInFailed', 'wes')).toBe(checked);
  });

  it('an unknown username gets the same answer as a wrong password, and counts too', async () => {
    const r = await new ConsoleClient(c.url).signIn('nobody-here', 'whatever-password');
    expect(r.status).toBe(401);
    expect(r.body.error.message).toBe('The username or password is not right.');
  });

  it('twenty failures from one address lock that address, whatever the accounts', async () => {
    const isolated = await startTestCentral({ config: { trustProxy: false } });
    try {
      await isolated.addUser('ann', 'viewer', { password: 'ann-password-1' });
      // Not behind a trusted proxy, X-Forwarded-For is the caller's own word: varying it evades nothing.
      for (let i = 0; i < 20; i++) await new ConsoleClient(isolated.url, { 'x-forwarded-for': `10.9.0.${i}` }).signIn(`user${i}`, 'wrong-password');
      const r = await new ConsoleClient(isolated.url).signIn('ann', 'ann-password-1');
      expect(r.status).toBe(429);
      expect(r.body.error.message).toMatch(/from this address/);
    } finally {
      await isolated.close();
    }
  });
});

describe('what is kept', () => {
  it('stores passwords only as scrypt hashes, and never writes one to the log', async () => {
    const lines: string[] = [];
    setLogSink((line) => lines.push(line), 'debug');
    try {
      await c.addUser('lee', 'viewer', { password: 'lee-secret-password' });
      await new ConsoleClient(c.url).signIn('lee', 'lee-secret-password');
      await new ConsoleClient(c.url).signIn('lee', 'lee-wrong-password');
    } finally {
      setLogSink((line) => process.stderr.write(line + '\n'), 'warn');
    }
    const rows = await query<{ password_hash: string }>(c.databaseUrl, "SELECT password_hash FROM users WHERE username = 'lee'");
    expect(rows[0]!.password_hash).toMatch(/^scrypt\$32768\$8\$3\$/);
    expect(rows[0]!.password_hash).not.toContain('lee-secret');
    expect(lines.join('\n')).not.toContain('lee-secret-password');
    expect(lines.join('\n')).not.toContain('lee-wrong-password');
    const sessions = await query<{ token_hash: string }>(c.databaseUrl, 'SELECT token_hash FROM user_sessions LIMIT 1');
    expect(sessions[0]!.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('audits a role change with the before and after', async () => {
    await c.addUser('rob', 'viewer', { password: 'rob-password-1' });
    await c.admin('users.update', { username: 'rob', role: 'payroll' });
    const rows = await query<{ actor: string; before: { role: string }; after: { role: string } }>(
      c.databaseUrl,
      "SELECT actor, before, after FROM audit_log WHERE action = 'account.userChanged' AND entity_id = 'rob'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: 'cli:admin', before: { role: 'viewer' }, after: { role: 'payroll' } });
  });

  it('never leaves Central without an active admin', async () => {
    const solo = await startTestCentral();
    try {
      await solo.addUser('only', 'admin');
      await expect(solo.admin('users.update', { username: 'only', role: 'manager' })).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(solo.admin('users.update', { username: 'only', active: false })).rejects.toMatchObject({ code: 'CONFLICT' });
      await solo.addUser('second', 'admin');
      expect((await solo.admin('users.update', { username: 'only', role: 'manager' })).role).toBe('manager');
    } finally {
      await solo.close();
    }
  });
});
