import { useState, type FormEvent } from 'react';
import { invoke } from '../../lib/rpc.js';

/**
 * Enrolling this kiosk with Frontdesk Central, from its own screen: an admin made a code on
 * Central (Kiosks → Add kiosk); a manager of this kiosk confirms with their code and PIN. The
 * kiosk then starts again, syncing through Central.
 */
export function EnrollPanel({ onClose }: { onClose(): void }) {
  const [centralUrl, setCentralUrl] = useState('');
  const [code, setCode] = useState('');
  const [managerCode, setManagerCode] = useState('');
  const [managerPin, setManagerPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ name: string; siteName: string } | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await invoke('kiosk.enroll', { centralUrl, code, managerCode, managerPin });
    setBusy(false);
    if (!res.ok) {
      setManagerPin('');
      return setError(res.error.message);
    }
    setDone(res.value);
    // The host starts again, enrolled; the page follows it.
    setTimeout(() => window.location.reload(), 4000);
  };

  if (done) {
    return (
      <section className="panel sync-panel" aria-labelledby="enroll-title" data-testid="enroll-panel">
        <h1 id="enroll-title">Enrolled as {done.name}</h1>
        <p role="status" data-testid="enroll-done">
          This kiosk now syncs through Frontdesk Central for {done.siteName}. It starts again in a moment.
        </p>
      </section>
    );
  }
  return (
    <form className="panel sync-panel enroll-panel" aria-labelledby="enroll-title" data-testid="enroll-panel" onSubmit={(e) => void submit(e)}>
      <h1 id="enroll-title">Enroll with Frontdesk Central</h1>
      <p>An admin adds this kiosk on Frontdesk Central (Kiosks → Add kiosk) and gives you its one-time code.</p>
      <label>
        Frontdesk Central’s address
        <input
          name="centralUrl"
          value={centralUrl}
          onChange={(e) => setCentralUrl(e.target.value)}
          placeholder="https://central.example.com"
          required
          autoFocus
        />
      </label>
      <label>
        Enrollment code
        <input
          name="code"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder="XXXX-XXXX-XXXX-XXXX"
          autoCapitalize="characters"
          required
        />
      </label>
      <div className="enroll-manager">
        <label>
          Manager code
          <input name="managerCode" value={managerCode} onChange={(e) => setManagerCode(e.target.value)} inputMode="numeric" required />
        </label>
        <label>
          Manager PIN
          <input name="managerPin" type="password" value={managerPin} onChange={(e) => setManagerPin(e.target.value)} inputMode="numeric" required />
        </label>
      </div>
      {error && (
        <p className="alert alert-error" role="alert">
          {error}
        </p>
      )}
      <div className="entry-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Back
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Enrolling…' : 'Enroll'}
        </button>
      </div>
    </form>
  );
}
