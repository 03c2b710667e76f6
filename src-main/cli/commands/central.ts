// `frontdesk central …`: run Frontdesk Central, and administer it from its own machine (the
// first admin, users, API tokens). Each command applies central's migrations first; the admin
// commands act as `cli:admin` through Central's dispatch, so the same rules and audit apply.
import path from 'node:path';
import type { Method, MethodOutput } from '../../../shared/contract/index.js';
import type { Role } from '../../../shared/domain/access.js';
import { AppError } from '../../../shared/errors.js';
import { createCentralApp, type CentralApp } from '../../central/central-app.js';
import { loadCentralConfig, type CentralOverrides } from '../../central/config.js';
import { startCentralServer } from '../../central/server.js';
import { call } from '../../rpc/dispatch.js';
import { CLI_ADMIN } from '../../services/accounts/actor.js';
import { countActiveAdmins, getUser } from '../../services/accounts/users.js';
import { parseCommand, requireOption, type GlobalFlags } from '../args.js';
import { createOut, table, UsageError, type Out } from '../output.js';
import { readSecret } from '../stdin.js';

const list = (v: unknown): string[] | undefined =>
  typeof v === 'string'
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

async function withCentralApp<T>(globals: GlobalFlags, overrides: CentralOverrides, run: (app: CentralApp) => Promise<T>): Promise<T> {
  const config = loadCentralConfig(process.env, { ...overrides, ...(globals.data ? { dataDir: path.resolve(globals.data) } : {}) });
  const app = await createCentralApp(config);
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

const asAdmin = <M extends Method>(app: CentralApp, method: M, input: unknown): Promise<MethodOutput<M>> =>
  call(app.dispatch, method, input, { origin: 'cli', actor: CLI_ADMIN });

const NO_ADMIN =
  'Frontdesk Central has no admin yet, so it will not start. Make the first one:\n' +
  '  printf \'%s\' "$PASSWORD" | frontdesk central init --admin <name> --password-stdin\n' +
  '(or set FRONTDESK_ADMIN_PASSWORD, as a container does).';

async function serve(argv: string[]): Promise<number> {
  const { values, globals } = parseCommand(argv, { host: { type: 'string' }, port: { type: 'string' }, 'public-url': { type: 'string' } });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) throw new UsageError('--port must be 0 to 65535');
  const out = createOut(globals.json);
  const config = loadCentralConfig(process.env, {
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(values['public-url'] !== undefined ? { publicUrl: values['public-url'] } : {}),
    ...(globals.data ? { dataDir: path.resolve(globals.data) } : {}),
  });
  const app = await createCentralApp(config);
  try {
    if ((await countActiveAdmins(await app.pool())) === 0) throw new AppError('FORBIDDEN', NO_ADMIN);
  } catch (err) {
    await app.close();
    throw err;
  }
  const server = await startCentralServer(app);
  out.result(
    { url: server.url, publicUrl: server.publicUrl.toString(), pid: process.pid },
    () => `Frontdesk Central is serving at ${server.publicUrl.toString()}\nPress Ctrl+C to stop.`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
  // In-flight requests finish; new ones are refused with 503 while closing.
  await server.close();
  await app.close();
  return 0;
}

async function password(values: Record<string, unknown>, what: string): Promise<string> {
  if (values['password-stdin'] === true) return readSecret(what, 'stdin');
  if (process.env.FRONTDESK_ADMIN_PASSWORD && what === 'admin password') return process.env.FRONTDESK_ADMIN_PASSWORD;
  return readSecret(what, 'prompt');
}

async function init(argv: string[]): Promise<number> {
  const { values, globals } = parseCommand(argv, { admin: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } });
  const username = requireOption(values, 'admin');
  const out = createOut(globals.json);
  return withCentralApp(globals, {}, async (app) => {
    const pool = await app.pool();
    const existing = await getUser(pool, username, new Date());
    if (existing?.role === 'admin' && existing.active) {
      out.result({ created: false, user: existing }, () => `${existing.username} is already an admin; nothing changed.`);
      return 0;
    }
    if ((await countActiveAdmins(pool)) > 0) {
      throw new AppError('CONFLICT', 'Frontdesk Central already has an admin; add more users with `frontdesk central users add`.');
    }
    const user = await asAdmin(app, 'users.add', { username, password: await password(values, 'admin password'), role: 'admin' });
    out.result({ created: true, user }, () => `Created the admin ${user.username}. Start Central with: frontdesk central serve`);
    return 0;
  });
}

function printUsers(out: Out, users: MethodOutput<'users.list'>): void {
  out.result(users, () =>
    table(
      users.map((u) => ({ ...u, teams: u.teams.join(','), sites: u.sites.join(','), locked: u.lockedUntil ?? '' })),
      ['username', 'role', 'teams', 'sites', 'active', 'lastSignInAt', 'locked'],
    ),
  );
}

async function users(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommand(argv, {
    username: { type: 'string' },
    role: { type: 'string' },
    teams: { type: 'string' },
    sites: { type: 'string' },
    active: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    'new-password': { type: 'boolean', default: false },
  });
  const action = positionals[0];
  const out = createOut(globals.json);
  if (action === 'list') return withCentralApp(globals, {}, async (app) => (printUsers(out, await asAdmin(app, 'users.list', {})), 0));
  if (action === 'add') {
    const input = {
      username: requireOption(values, 'username'),
      role: requireOption(values, 'role') as Role,
      teams: list(values.teams) ?? [],
      sites: list(values.sites) ?? [],
    };
    const secret = await password(values, 'password');
    return withCentralApp(globals, {}, async (app) => {
      const user = await asAdmin(app, 'users.add', { ...input, password: secret });
      out.result(
        user,
        () =>
          `Added ${user.username} (${user.role}${user.teams.length ? ` of ${user.teams.join(', ')}` : ''}${user.sites.length ? ` at ${user.sites.join(', ')}` : ''}).`,
      );
      return 0;
    });
  }
  if (action === 'set') {
    if (values.active !== undefined && values.active !== 'true' && values.active !== 'false') throw new UsageError('--active is true or false');
    const input = {
      username: requireOption(values, 'username'),
      ...(values.role !== undefined ? { role: values.role } : {}),
      ...(values.teams !== undefined ? { teams: list(values.teams) } : {}),
      ...(values.sites !== undefined ? { sites: list(values.sites) } : {}),
      ...(values.active !== undefined ? { active: values.active === 'true' } : {}),
      ...(values['new-password'] === true || values['password-stdin'] === true ? { password: await password(values, 'new password') } : {}),
    };
    return withCentralApp(globals, {}, async (app) => {
      const user = await asAdmin(app, 'users.update', input);
      out.result(user, () => `Updated ${user.username}: ${user.role}, ${user.active ? 'active' : 'deactivated'}.`);
      return 0;
    });
  }
  if (action === 'unlock') {
    const username = requireOption(values, 'username');
    return withCentralApp(globals, {}, async (app) => {
      const user = await asAdmin(app, 'users.clearLockout', { username });
      out.result(user, () => `${user.username} may sign in again.`);
      return 0;
    });
  }
  throw new UsageError('the actions are list, add, set and unlock');
}

async function tokens(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommand(argv, {
    name: { type: 'string' },
    scope: { type: 'string' },
    user: { type: 'string' },
    id: { type: 'string' },
  });
  const action = positionals[0];
  const out = createOut(globals.json);
  return withCentralApp(globals, {}, async (app) => {
    if (action === 'list') {
      const all = await asAdmin(app, 'tokens.list', {});
      out.result(all, () => table(all, ['id', 'name', 'prefix', 'scope', 'user', 'lastUsedAt', 'revokedAt']));
      return 0;
    }
    if (action === 'create') {
      const made = await asAdmin(app, 'tokens.create', {
        name: requireOption(values, 'name'),
        scope: requireOption(values, 'scope'),
        ...(values.user !== undefined ? { user: values.user } : {}),
      });
      out.result(
        made,
        () =>
          `${made.token}\n\nThis is the only time the token is shown. It acts with scope ${made.info.scope}${made.info.user ? ` for ${made.info.user}` : ''}.`,
      );
      return 0;
    }
    if (action === 'revoke') {
      const revoked = await asAdmin(app, 'tokens.revoke', { id: requireOption(values, 'id') });
      out.result(revoked, () => `Revoked the token ${revoked.name} (${revoked.prefix}…).`);
      return 0;
    }
    throw new UsageError('the actions are list, create and revoke');
  });
}

async function migrateOnly(argv: string[]): Promise<number> {
  const { globals } = parseCommand(argv, {});
  const out = createOut(globals.json);
  return withCentralApp(globals, {}, () => {
    out.result({ migrated: true }, () => 'The central database is up to date.');
    return Promise.resolve(0);
  });
}

const ACTIONS: Record<string, (argv: string[]) => Promise<number>> = { serve, init, users, tokens, migrate: migrateOnly };

export const centralCommand = {
  usage:
    'central serve [--host 127.0.0.1] [--port 8080] [--public-url URL] | init --admin NAME [--password-stdin] | ' +
    'users list|add|set|unlock [--username U --role admin|manager|payroll|viewer --teams A,B --sites S --active true|false --password-stdin] | ' +
    'tokens list|create|revoke [--name N --scope read|write|admin --user U --id ID] | migrate',
  summary: 'Frontdesk Central: the server (console, REST API), its accounts and API tokens',
  async run(argv: string[]): Promise<number> {
    const [action, ...rest] = argv;
    const run = action ? ACTIONS[action] : undefined;
    if (!run) throw new UsageError(`the central commands are ${Object.keys(ACTIONS).join(', ')}`);
    return run(rest);
  },
};
