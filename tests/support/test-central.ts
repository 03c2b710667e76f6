// A real Frontdesk Central for a test: its own database on the test PostgreSQL, the real
// migrations, the real Fastify server on a free port, a controllable clock, and small HTTP
// helpers (a cookie jar per browser-like client, bearer tokens for programs).
import { rmSync } from 'node:fs';
import { createCentralApp, type CentralApp } from '../../src-main/central/central-app.js';
import { loadCentralConfig, type CentralOverrides } from '../../src-main/central/config.js';
import { startCentralServer, type CentralServer } from '../../src-main/central/server.js';
import { call } from '../../src-main/rpc/dispatch.js';
import { CLI_ADMIN } from '../../src-main/services/accounts/actor.js';
import type { Method, MethodOutput } from '../../shared/contract/index.js';
import { createTestDatabase } from './test-postgres.js';
import { tempDir, testClock, type TestClock } from './test-app.js';

export interface TestCentral {
  app: CentralApp;
  server: CentralServer;
  url: string;
  databaseUrl: string;
  clock: TestClock;
  /** A call as the local admin (the CLI). */
  admin<M extends Method>(method: M, input: unknown): Promise<MethodOutput<M>>;
  /** A user made by the admin, with a password. */
  addUser(username: string, role: string, extra?: { teams?: string[]; sites?: string[]; password?: string }): Promise<string>;
  /** An API token made by the admin; returns the token. */
  token(scope: 'read' | 'write' | 'admin', user?: string, name?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestCentral(opts: { databaseUrl?: string; clock?: TestClock; config?: CentralOverrides } = {}): Promise<TestCentral> {
  const databaseUrl = opts.databaseUrl ?? (await createTestDatabase('central'));
  const clock = opts.clock ?? testClock(Date.now());
  const dataDir = tempDir('frontdesk-central-');
  const config = loadCentralConfig({}, { host: '127.0.0.1', port: 0, databaseUrl, dataDir, tz: 'Asia/Kolkata', ...opts.config });
  const app = await createCentralApp(config, { clock });
  const server = await startCentralServer(app);
  const admin = <M extends Method>(method: M, input: unknown) => call(app.dispatch, method, input, { origin: 'cli', actor: CLI_ADMIN });
  let tokens = 0;
  return {
    app,
    server,
    url: server.url,
    databaseUrl,
    clock,
    admin,
    async addUser(username, role, extra = {}) {
      const password = extra.password ?? `pw-${username}-long-enough`;
      await admin('users.add', { username, password, role, teams: extra.teams ?? [], sites: extra.sites ?? [] });
      return password;
    },
    async token(scope, user, name) {
      const made = await admin('tokens.create', { name: name ?? `t${++tokens}-${scope}`, scope, ...(user ? { user } : {}) });
      return made.token;
    },
    async close() {
      await server.close();
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** JSON read back from the server under test; each test asserts the shape it expects. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** A browser-like client of the console: keeps the session cookie and the CSRF token. */
export class ConsoleClient {
  cookie: string | null = null;
  csrf: string | null = null;
  lastSetCookie: string | null = null;

  constructor(
    readonly base: string,
    readonly headers: Record<string, string> = {},
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<{ status: number; body: Json; headers: Headers }> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...this.headers,
        ...extra,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) {
      this.lastSetCookie = setCookie;
      const pair = setCookie.split(';')[0]!;
      this.cookie = pair.endsWith('=') ? null : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON (CSV, HTML)
    }
    return { status: res.status, body: parsed, headers: res.headers };
  }

  async signIn(username: string, password: string) {
    const r = await this.request('POST', '/auth/sign-in', { username, password });
    if (r.status === 200) this.csrf = r.body.value.csrfToken;
    return r;
  }

  rpc(method: string, input: unknown = {}) {
    return this.request('POST', `/rpc/${method}`, input);
  }
}

/** A program calling /api/v1 with a bearer token. */
export async function api(
  base: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; text: string; headers: Headers }> {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // CSV or HTML
  }
  return { status: res.status, body: parsed, text, headers: res.headers };
}
