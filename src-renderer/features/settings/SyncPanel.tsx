// The full sync status (the "settings" view of the kiosk): what waits here, what central
// refused, when the last sync succeeded, the last error in words, and "Sync now".
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../shared/contract/sync.js';
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import { invoke, subscribe } from '../../lib/rpc.js';
import { clockWords } from '../kiosk/Header.js';
import { EnrollPanel } from './EnrollPanel.js';

/** Times on the kiosk are the site's local times, like its clock. */
function when(iso: string | null, tz: string): string {
  if (!iso) return 'never';
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: tz }).format(new Date(iso));
}

function age(seconds: number | null): string {
  if (seconds === null) return '—';
  if (seconds < 90) return `${seconds} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds / 3600)} h`;
}

const STATE_WORDS: Record<SyncStatus['state'], string> = {
  idle: 'Up to date',
  syncing: 'Syncing',
  waiting: 'Waiting to retry',
  offline: 'Offline',
  'not-configured': 'No central database',
  revoked: 'Revoked: an admin must enroll this kiosk again',
  'needs-update': 'This kiosk needs an update',
  'central-outdated': 'Waiting for Frontdesk Central to be updated',
};

export function SyncPanel({ tz, central, onClose }: { tz: string; central: KioskInfo['central']; onClose(): void }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [busy, setBusy] = useState(false);
  const [enrolling, setEnrolling] = useState(false);
  useEffect(() => {
    const read = (): void => void invoke('sync.status', {}).then((r) => r.ok && setStatus(r.value));
    return subscribe('sync.statusChanged', setStatus, read);
  }, []);
  const syncNow = async (): Promise<void> => {
    setBusy(true);
    const r = await invoke('sync.now', {});
    if (r.ok) setStatus(r.value);
    setBusy(false);
  };
  if (enrolling) return <EnrollPanel onClose={() => setEnrolling(false)} />;
  return (
    <section className="panel sync-panel" aria-labelledby="sync-title" data-testid="sync-panel">
      <h1 id="sync-title">Sync with central</h1>
      {status === null ? (
        <p>Loading…</p>
      ) : (
        <dl className="sync-facts">
          <div>
            <dt>State</dt>
            <dd data-testid="sync-state">{STATE_WORDS[status.state]}</dd>
          </div>
          <div>
            <dt>Central</dt>
            <dd data-testid="sync-central">
              {status.central === 'central' && central
                ? `Frontdesk Central at ${central.url}, as “${central.name}”`
                : status.central === 'embedded'
                  ? 'Built-in database'
                  : status.central === 'external'
                    ? 'DATABASE_URL'
                    : 'none'}
            </dd>
          </div>
          {central && (
            <div>
              <dt>Manager screens</dt>
              <dd>On Frontdesk Central’s console, with your account</dd>
            </div>
          )}
          {status.cloneSuspected && (
            <div className="sync-error">
              <dt>Credential</dt>
              <dd data-testid="sync-clone">
                Frontdesk Central saw another machine use this kiosk’s credential (a copied data folder). Tell an admin.
              </dd>
            </div>
          )}
          <div>
            <dt>Waiting on this kiosk</dt>
            <dd data-testid="sync-pending">{status.pending}</dd>
          </div>
          <div>
            <dt>Oldest waiting for</dt>
            <dd>{age(status.oldestPendingAgeSeconds)}</dd>
          </div>
          <div>
            <dt>Refused by central</dt>
            <dd>{status.rejected}</dd>
          </div>
          <div>
            <dt>Last success</dt>
            <dd>{when(status.lastSuccessAt, tz)}</dd>
          </div>
          {status.clockOffsetSeconds !== null && (
            <div className={status.clockDrift ? 'sync-error' : undefined}>
              <dt>This kiosk’s clock</dt>
              <dd data-testid="sync-clock">
                {Math.abs(status.clockOffsetSeconds) < 2
                  ? 'Agrees with central'
                  : `${clockWords(status.clockOffsetSeconds)} ${status.clockOffsetSeconds > 0 ? 'behind' : 'ahead of'} central${status.clockDrift ? ': punch times may be wrong; set the clock' : ''}`}
              </dd>
            </div>
          )}
          {status.localError && (
            <div className="sync-error">
              <dt>This kiosk’s storage</dt>
              <dd data-testid="sync-local-error">{status.localError}</dd>
            </div>
          )}
          {status.lastError && (
            <div className="sync-error">
              <dt>Last error</dt>
              <dd data-testid="sync-error">{status.lastError}</dd>
            </div>
          )}
        </dl>
      )}
      <div className="entry-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Back to kiosk
        </button>
        {status !== null && status.central !== 'central' && status.central !== 'external' && (
          <button type="button" className="button button-secondary" onClick={() => setEnrolling(true)}>
            Enroll with Central
          </button>
        )}
        <button type="button" className="button button-primary" onClick={() => void syncNow()} disabled={busy}>
          {busy ? 'Syncing…' : 'Sync now'}
        </button>
      </div>
    </section>
  );
}
