import { useState, type FormEvent } from 'react';
import type { SignInOutput } from '../../../shared/contract/manager.js';
import { invoke, setManagerToken } from '../../lib/rpc.js';
import { ErrorNote } from './parts.js';

export function SignInPanel({ onSignedIn }: { onSignedIn: (who: SignInOutput) => void }) {
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const res = await invoke('manager.signIn', { code: code.trim(), pin });
    setBusy(false);
    setPin('');
    if (!res.ok) return setError(res.error.message);
    setManagerToken(res.value.token);
    onSignedIn(res.value);
  };

  return (
    <form className="signin" onSubmit={(e) => void submit(e)} aria-labelledby="signin-title">
      <h1 id="signin-title">Manager sign-in</h1>
      <label>
        Employee code
        <input name="code" autoComplete="username" value={code} onChange={(e) => setCode(e.target.value)} required autoFocus />
      </label>
      <label>
        PIN
        <input
          name="pin"
          type="password"
          inputMode="numeric"
          autoComplete="current-password"
          value={pin}
          onChange={(e) => setPin(e.target.value)}
          required
        />
      </label>
      <ErrorNote message={error} />
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
      <a href="#/">Back to the kiosk</a>
    </form>
  );
}
