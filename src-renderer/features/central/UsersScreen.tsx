import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { User } from '../../../shared/contract/accounts.js';
import type { Roster } from '../../../shared/contract/roster.js';
import { ROLES, type Role } from '../../../shared/domain/access.js';
import { invoke } from '../../lib/rpc.js';
import { FormDialog } from '../manager/FormDialog.js';
import { ErrorNote, RecordTable } from '../manager/parts.js';
import { formatWhen } from './when.js';

const ROLE_HELP: Record<Role, string> = {
  admin: 'everything: accounts, tokens, every team',
  manager: 'reports, corrections and roster changes for the teams and sites given',
  payroll: 'reads every team’s reports and exports; changes nothing',
  viewer: 'reads the teams and sites given; changes nothing',
};

const scoped = (role: Role): boolean => role === 'manager' || role === 'viewer';

/** Ticks for names: the teams or sites an account is given. */
function NamePicks(props: { legend: string; names: string[]; picked: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="picks">
      <legend>{props.legend}</legend>
      {props.names.length === 0 && <span className="muted">none yet</span>}
      {props.names.map((n) => (
        <label key={n} className="inline">
          <input
            type="checkbox"
            name={`${props.legend}-${n}`}
            checked={props.picked.includes(n)}
            onChange={(e) => props.onChange(e.target.checked ? [...props.picked, n] : props.picked.filter((p) => p !== n))}
          />{' '}
          {n}
        </label>
      ))}
    </fieldset>
  );
}

function UserDialog(props: { user: User | null; roster: Roster; onSaved: (message: string) => Promise<void>; onClose: () => void }) {
  const { user } = props;
  const [username, setUsername] = useState(user?.username ?? '');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>(user?.role ?? 'manager');
  const [teams, setTeams] = useState<string[]>(user?.teams ?? []);
  const [sites, setSites] = useState<string[]>(user?.sites ?? []);
  const submit = async (): Promise<string | null> => {
    const reach = scoped(role) ? { teams, sites } : { teams: [], sites: [] };
    if (scoped(role) && teams.length + sites.length === 0) return `A ${role} sees only the teams or sites given: tick at least one.`;
    const res = user
      ? await invoke('users.update', { username: user.username, role, ...reach, ...(password ? { password } : {}) })
      : await invoke('users.add', { username, password, role, ...reach });
    if (!res.ok) return res.error.message;
    await props.onSaved(user ? `${res.value.username} is updated.` : `${res.value.username} is added; they can sign in now.`);
    return null;
  };
  return (
    <FormDialog
      id="user"
      title={user ? `Edit ${user.username}` : 'Add a user'}
      submitLabel={user ? 'Save' : 'Add user'}
      onSubmit={submit}
      onClose={props.onClose}
    >
      {!user && (
        <label>
          Username
          <input name="username" autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
        </label>
      )}
      <label>
        {user ? 'New password (leave empty to keep; their sessions end)' : 'Password (10 characters or more)'}
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required={!user}
        />
      </label>
      <label>
        Role
        <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <span className="field-help">{ROLE_HELP[role]}</span>
      </label>
      {scoped(role) && (
        <>
          <NamePicks legend="Teams" names={props.roster.teams.map((t) => t.name)} picked={teams} onChange={setTeams} />
          <NamePicks legend="Sites" names={props.roster.sites.map((s) => s.name)} picked={sites} onChange={setSites} />
        </>
      )}
    </FormDialog>
  );
}

/** Accounts: who may sign in, with which role, over which teams and sites. */
export function UsersScreen({ bar, self }: { bar: (controls: ReactNode) => ReactNode; self: string }) {
  const [users, setUsers] = useState<User[] | null>(null);
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ user: User | null } | null>(null);

  const load = useCallback(async () => {
    const [u, r] = await Promise.all([invoke('users.list', {}), invoke('roster.list', {})]);
    if (!u.ok) return setError(u.error.message);
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setUsers(u.value);
    setRoster(r.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (change: Promise<{ ok: boolean; error?: { message: string } }>, done: string) => {
    const res = await change;
    if (!res.ok) return setError(res.error?.message ?? 'That did not work.');
    setError(null);
    setNotice(done);
    await load();
  };

  return (
    <div className="manager" data-testid="users" data-loaded={users !== null}>
      {bar(
        <button type="button" className="primary" onClick={() => setEditing({ user: null })}>
          Add user
        </button>,
      )}
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {users && (
        <section className="table-card wide" aria-labelledby="users-title">
          <h2 id="users-title">Users</h2>
          <RecordTable
            testId="user-table"
            columns={['Username', 'Role', 'Teams and sites', 'Last sign-in', 'State']}
            rows={users.map((u) => ({
              key: u.id,
              data: { 'data-username': u.username, 'data-active': u.active },
              cells: [
                u.username,
                u.role,
                u.role === 'admin' || u.role === 'payroll' ? (
                  <span className="muted">every team</span>
                ) : (
                  [...u.teams, ...u.sites.map((s) => `${s} (site)`)].join(', ')
                ),
                u.lastSignInAt ? formatWhen(u.lastSignInAt) : <span className="muted">never</span>,
                !u.active ? (
                  <span className="tag">deactivated</span>
                ) : u.lockedUntil ? (
                  <span className="tag warn">locked until {formatWhen(u.lockedUntil)}</span>
                ) : (
                  'active'
                ),
              ],
              actions: (
                <>
                  <button type="button" onClick={() => setEditing({ user: u })} aria-label={`Edit ${u.username}`}>
                    Edit
                  </button>
                  {u.lockedUntil && (
                    <button
                      type="button"
                      onClick={() => void act(invoke('users.clearLockout', { username: u.username }), `${u.username} may sign in again.`)}
                    >
                      Clear lockout
                    </button>
                  )}
                  {u.username !== self && (
                    <button
                      type="button"
                      aria-label={`${u.active ? 'Deactivate' : 'Activate'} ${u.username}`}
                      onClick={() =>
                        void act(
                          invoke('users.update', { username: u.username, active: !u.active }),
                          u.active ? `${u.username} is deactivated and signed out.` : `${u.username} is active again.`,
                        )
                      }
                    >
                      {u.active ? 'Deactivate' : 'Activate'}
                    </button>
                  )}
                </>
              ),
            }))}
          />
        </section>
      )}
      {editing && roster && (
        <UserDialog
          user={editing.user}
          roster={roster}
          onClose={() => setEditing(null)}
          onSaved={async (message) => {
            setEditing(null);
            setNotice(message);
            await load();
          }}
        />
      )}
    </div>
  );
}
