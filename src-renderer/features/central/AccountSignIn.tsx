import { useState, type FormEvent } from 'react';
import type { SessionInfo } from '../../../shared/contract/accounts.js';
import { account } from '../../lib/rpc.js';
import { ErrorNote } from '../manager/parts.js';

/** Sign-in to Frontdesk Central with an account (username and password). */
export function AccountSignIn({ onSignedIn, notice }: { onSignedIn: (s: SessionInfo) => void; notice: string | null }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await account.signIn(username.trim(), password);
    setBusy(false);
    setPassword('');
    if (!res.ok) return setError(res.error.message);
    onSignedIn(res.value);
  };

  return (
    <form className="signin" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
      <h1 id="signin-title">Frontdesk Central</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <label>
        Username
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required autoFocus />
      </label>
      <label>
        Password
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
