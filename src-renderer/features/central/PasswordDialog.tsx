import { useState } from 'react';
import { account } from '../../lib/rpc.js';
import { FormDialog } from '../manager/FormDialog.js';

/** Changes the signed-in account's own password; other sessions of the account end. */
export function PasswordDialog({ onClose }: { onClose: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  if (done) {
    return (
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="password-done-title">
        <h3 id="password-done-title">Password changed</h3>
        <p>Your other sessions are signed out; this one stays.</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={onClose} autoFocus>
            Close
          </button>
        </div>
      </div>
    );
  }
  const submit = async (): Promise<string | null> => {
    if (next !== repeat) return 'The two new passwords are not the same.';
    const res = await account.changePassword(current, next);
    if (!res.ok) return res.error.message;
    setDone(true);
    return null;
  };
  return (
    <FormDialog id="password" title="Change your password" submitLabel="Change password" onSubmit={submit} onClose={onClose}>
      <label>
        Current password
        <input
          name="current"
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          required
          autoFocus
        />
      </label>
      <label>
        New password (10 characters or more)
        <input
          name="next"
          type="password"
          autoComplete="new-password"
          minLength={10}
          value={next}
          onChange={(e) => setNext(e.target.value)}
          required
        />
      </label>
      <label>
        New password again
        <input name="repeat" type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} required />
      </label>
    </FormDialog>
  );
}
