import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { ApiToken, User } from '../../../shared/contract/accounts.js';
import { TOKEN_SCOPES, type TokenScope } from '../../../shared/domain/access.js';
import { invoke } from '../../lib/rpc.js';
import { FormDialog } from '../manager/FormDialog.js';
import { ErrorNote, RecordTable } from '../manager/parts.js';
import { formatWhen } from './when.js';
import { ShownOnce } from './ShownOnce.js';

const SCOPE_HELP: Record<TokenScope, string> = {
  read: 'reads reports and attendance',
  write: 'also records punches and changes the roster',
  admin: 'everything the API offers',
};

function TokenDialog(props: { users: User[]; onMade: (token: string, info: ApiToken) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState('');
  const [scope, setScope] = useState<TokenScope>('read');
  const [user, setUser] = useState('');
  const submit = async (): Promise<string | null> => {
    const res = await invoke('tokens.create', { name, scope, ...(user ? { user } : {}) });
    if (!res.ok) return res.error.message;
    await props.onMade(res.value.token, res.value.info);
    return null;
  };
  return (
    <FormDialog id="token" title="Make an API token" submitLabel="Make token" onSubmit={submit} onClose={props.onClose}>
      <label>
        Name (what it is for)
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="payroll export" required autoFocus />
      </label>
      <label>
        Scope
        <select name="scope" value={scope} onChange={(e) => setScope(e.target.value as TokenScope)}>
          {TOKEN_SCOPES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
        <span className="field-help">{SCOPE_HELP[scope]}</span>
      </label>
      <label>
        Acts for (the user’s role and teams cap the token)
        <select name="user" value={user} onChange={(e) => setUser(e.target.value)}>
          <option value="">the organization (every team)</option>
          {props.users
            .filter((u) => u.active)
            .map((u) => (
              <option key={u.id} value={u.username}>
                {u.username} ({u.role})
              </option>
            ))}
        </select>
      </label>
    </FormDialog>
  );
}

/** API tokens for programs: made here (shown once), listed with their last use, revoked at once. */
export function TokensScreen({ bar }: { bar: (controls: ReactNode) => ReactNode }) {
  const [tokens, setTokens] = useState<ApiToken[] | null>(null);
  const [users, setUsers] = useState<User[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [making, setMaking] = useState(false);
  const [made, setMade] = useState<{ token: string; name: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [t, u] = await Promise.all([invoke('tokens.list', {}), invoke('users.list', {})]);
    if (!t.ok) return setError(t.error.message);
    setError(null);
    setTokens(t.value);
    if (u.ok) setUsers(u.value);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const revoke = async (t: ApiToken) => {
    const res = await invoke('tokens.revoke', { id: t.id });
    if (!res.ok) return setError(res.error.message);
    setMade(null);
    setNotice(`${t.name} is revoked; calls with it are refused from now on.`);
    await load();
  };

  return (
    <div className="manager" data-testid="tokens" data-loaded={tokens !== null}>
      {bar(
        <button type="button" className="primary" onClick={() => setMaking(true)}>
          Make token
        </button>,
      )}
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {made && (
        <ShownOnce
          titleId="made-title"
          title={`${made.name}: copy this token now`}
          value={made.token}
          testId="new-token"
          label="The new token"
          copy
          onDone={() => setMade(null)}
        >
          It is shown only this once; Frontdesk keeps only its hash. Send it as <code>Authorization: Bearer …</code>.
        </ShownOnce>
      )}
      {tokens && (
        <section className="table-card wide" aria-labelledby="tokens-title">
          <h2 id="tokens-title">API tokens</h2>
          {tokens.length === 0 ? (
            <p className="chart-empty">No tokens yet. Make one for each program that calls /api/v1 (payroll, HR, a script).</p>
          ) : (
            <RecordTable
              testId="token-table"
              columns={['Name', 'Starts with', 'Scope', 'Acts for', 'Made', 'Last used', 'State']}
              rows={tokens.map((t) => ({
                key: t.id,
                data: { 'data-token': t.name, 'data-revoked': t.revokedAt !== null },
                cells: [
                  t.name,
                  <code key="p">{t.prefix}…</code>,
                  t.scope,
                  t.user ?? <span className="muted">organization</span>,
                  `${formatWhen(t.createdAt)} by ${t.createdBy.replace(/^user:/, '')}`,
                  t.lastUsedAt ? formatWhen(t.lastUsedAt) : <span className="muted">never</span>,
                  t.revokedAt ? <span className="tag">revoked {formatWhen(t.revokedAt)}</span> : 'active',
                ],
                actions: t.revokedAt ? null : (
                  <button type="button" onClick={() => void revoke(t)} aria-label={`Revoke ${t.name}`}>
                    Revoke
                  </button>
                ),
              }))}
            />
          )}
        </section>
      )}
      {making && (
        <TokenDialog
          users={users}
          onClose={() => setMaking(false)}
          onMade={async (token, info) => {
            setMaking(false);
            setNotice(null);
            setMade({ token, name: info.name });
            await load();
          }}
        />
      )}
    </div>
  );
}
