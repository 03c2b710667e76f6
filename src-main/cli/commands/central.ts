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
import { startAutoCheckout } from '../../services/corrections/auto-checkout.js';
import { createLogger } from '../../log.js';

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
  // Central closes forgotten OUTs (FRONTDESK_AUTO_CHECKOUT) for every kiosk: enrolled kiosks cannot reach the database.
  // Several instances may run it at once: its inserts are idempotent.
  const autoCheckout = startAutoCheckout(app.source, app.deps.clock, app.config.autoCheckout, createLogger('auto-checkout'));
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
  await autoCheckout.stop();
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

/** A kiosk named by `--name` or `--id` (either works for every action). */
const kioskRef = (values: Record<string, unknown>): string => {
  const ref = values.id ?? values.name;
  if (typeof ref !== 'string' || ref.trim() === '') throw new UsageError('name the kiosk with --name N or --id ID');
  return ref;
};

const fleetColumns = ['name', 'site', 'state', 'appVersion', 'lastHeartbeatAt', 'lastPushAt', 'backlog', 'clock', 'flags'];

function printFleet(out: Out, kiosks: MethodOutput<'kiosks.list'>): void {
  out.result(kiosks, () =>
    kiosks.length === 0
      ? 'No kiosks yet. Add one: frontdesk central kiosks add --name "Front desk 1" --site "Head Office"'
      : table(
          kiosks.map((k) => ({
            ...k,
            site: k.site.name,
            backlog: k.backlog ? String(k.backlog.count) : '',
            clock: k.clockOffsetSeconds === null ? '' : `${k.clockOffsetSeconds} s`,
            flags: [
              k.stale ? 'STALE' : '',
              k.clockDrift ? 'CLOCK' : '',
              k.cloneSuspected ? 'COPIED' : '',
              k.quarantined ? `QUARANTINE ${k.quarantined}` : '',
            ]
              .filter(Boolean)
              .join(' '),
          })),
          fleetColumns,
        ),
  );
}

async function kiosks(argv: string[]): Promise<number> {
  const { values, positionals, globals } = parseCommand(argv, {
    name: { type: 'string' },
    id: { type: 'string' },
    site: { type: 'string' },
    to: { type: 'string' },
    punch: { type: 'string', multiple: true },
    all: { type: 'boolean', default: false },
  });
  const action = positionals[0];
  const out = createOut(globals.json);
  return withCentralApp(globals, {}, async (app) => {
    switch (action) {
      case 'list':
        printFleet(out, await asAdmin(app, 'kiosks.list', {}));
        return 0;
      case 'add': {
        const made = await asAdmin(app, 'kiosks.add', { name: requireOption(values, 'name'), site: requireOption(values, 'site') });
        out.result(
          made,
          () =>
            `Added the kiosk ${made.kiosk.name} for ${made.kiosk.site.name}. Its enrollment code (works once, until ${made.expiresAt}):\n\n  ${made.code}\n\n` +
            `On the kiosk: frontdesk enroll --central <Central's URL> --code ${made.code}`,
        );
        return 0;
      }
      case 'rename': {
        const renamed = await asAdmin(app, 'kiosks.rename', { kiosk: kioskRef(values), name: requireOption(values, 'to') });
        out.result(renamed, () => `The kiosk is now called ${renamed.name}.`);
        return 0;
      }
      case 'revoke': {
        const revoked = await asAdmin(app, 'kiosks.revoke', { kiosk: kioskRef(values) });
        out.result(revoked, () => `Revoked ${revoked.name}: its credential is refused from now on; punches it sends wait in quarantine.`);
        return 0;
      }
      case 'clear-flag': {
        const cleared = await asAdmin(app, 'kiosks.clearCloneFlag', { kiosk: kioskRef(values) });
        out.result(cleared, () => `Cleared the copied-credential flag of ${cleared.name}.`);
        return 0;
      }
      case 'quarantine': {
        const held = await asAdmin(app, 'kiosks.quarantine', {
          ...(values.id !== undefined || values.name !== undefined ? { kiosk: kioskRef(values) } : {}),
          includeResolved: values.all === true,
        });
        out.result(held, () =>
          held.length === 0
            ? 'No punches wait in quarantine.'
            : table(held, ['punchId', 'kiosk', 'employeeCode', 'kind', 'at', 'createdAt', 'revokedAt', 'resolution']),
        );
        return 0;
      }
      case 'accept':
      case 'reject': {
        const ids = values.punch ?? [];
        if (ids.length === 0) throw new UsageError('name the punches with --punch ID (repeat it for more)');
        const done = await asAdmin(app, 'kiosks.resolveQuarantine', { punchIds: ids, action });
        out.result(
          done,
          () =>
            `${action === 'accept' ? `Accepted ${done.accepted}` : `Rejected ${done.rejected}`} quarantined punch(es).${done.unknown.length ? ` Not in quarantine: ${done.unknown.join(', ')}.` : ''}`,
        );
        return 0;
      }
      default:
        throw new UsageError('the kiosk actions are list, add, rename, revoke, clear-flag, quarantine, accept and reject');
    }
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

const ACTIONS: Record<string, (argv: string[]) => Promise<number>> = { serve, init, users, tokens, kiosks, migrate: migrateOnly };

export const centralCommand = {
  usage:
    'central serve [--host 127.0.0.1] [--port 8080] [--public-url URL] | init --admin NAME [--password-stdin] | ' +
    'users list|add|set|unlock [--username U --role admin|manager|payroll|viewer --teams A,B --sites S --active true|false --password-stdin] | ' +
    'tokens list|create|revoke [--name N --scope read|write|admin --user U --id ID] | ' +
    'kiosks list|add|rename|revoke|clear-flag|quarantine|accept|reject [--name N | --id ID] [--site S] [--to NEW] [--punch ID…] | migrate',
  summary: 'Frontdesk Central: the server (console, REST API), its accounts and API tokens',
  async run(argv: string[]): Promise<number> {
    const [action, ...rest] = argv;
    const run = action ? ACTIONS[action] : undefined;
    if (!run) throw new UsageError(`the central commands are ${Object.keys(ACTIONS).join(', ')}`);
    return run(rest);
  },
};
