import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { EnrollmentCode, KioskHealth, QuarantinedPunch } from '../../../shared/contract/fleet.js';
import { invoke } from '../../lib/rpc.js';
import { FormDialog } from '../manager/FormDialog.js';
import { ErrorNote, RecordTable } from '../manager/parts.js';
import { formatWhen } from './when.js';
import { ShownOnce } from './ShownOnce.js';

const STATE_WORDS: Record<KioskHealth['state'], string> = {
  'awaiting-enrollment': 'waiting for enrollment',
  'code-expired': 'code expired',
  enrolled: 'enrolled',
  revoked: 'revoked',
};

function offsetWords(seconds: number | null): string {
  if (seconds === null) return '—';
  const s = Math.abs(seconds);
  const size = s < 90 ? `${s} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${Math.round(s / 3600)} h`;
  return seconds === 0 ? '0 s' : `${size} ${seconds > 0 ? 'behind' : 'ahead'}`;
}

function AddKioskDialog(props: { sites: string[]; onMade: (made: EnrollmentCode) => Promise<void>; onClose: () => void }) {
  const [name, setName] = useState('');
  const [site, setSite] = useState(props.sites[0] ?? '');
  const submit = async (): Promise<string | null> => {
    const res = await invoke('kiosks.add', { name, site });
    if (!res.ok) return res.error.message;
    await props.onMade(res.value);
    return null;
  };
  return (
    <FormDialog id="kiosk" title="Add a kiosk" submitLabel="Add kiosk" onSubmit={submit} onClose={props.onClose}>
      <label>
        Name (where it stands)
        <input name="name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Reception, ground floor" required autoFocus />
      </label>
      <label>
        Site (it reads only this site’s roster)
        <select name="site" value={site} onChange={(e) => setSite(e.target.value)}>
          {props.sites.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
    </FormDialog>
  );
}

/** Flags that need someone: stale, clock off, a copied credential, punches in quarantine. */
function flagsOf(k: KioskHealth): ReactNode[] {
  const flags: ReactNode[] = [];
  if (k.stale)
    flags.push(
      <span key="s" className="tag warn">
        stale
      </span>,
    );
  if (k.clockDrift)
    flags.push(
      <span key="c" className="tag warn">
        clock {offsetWords(k.clockOffsetSeconds)}
      </span>,
    );
  if (k.cloneSuspected)
    flags.push(
      <span key="d" className="tag warn">
        copied credential
      </span>,
    );
  if (k.quarantined > 0)
    flags.push(
      <span key="q" className="tag warn">
        {k.quarantined} in quarantine
      </span>,
    );
  return flags;
}

/** The fleet: every kiosk's health, enrollment codes made here (shown once), revocation, quarantine. */
export function KiosksScreen({ bar }: { bar: (controls: ReactNode) => ReactNode }) {
  const [kiosks, setKiosks] = useState<KioskHealth[] | null>(null);
  const [held, setHeld] = useState<QuarantinedPunch[]>([]);
  const [sites, setSites] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [made, setMade] = useState<EnrollmentCode | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [k, q, r] = await Promise.all([invoke('kiosks.list', {}), invoke('kiosks.quarantine', {}), invoke('roster.list', {})]);
    if (!k.ok) return setError(k.error.message);
    setError(null);
    setKiosks(k.value);
    if (q.ok) setHeld(q.value);
    if (r.ok) setSites(r.value.sites.map((s) => s.name));
  }, []);
  useEffect(() => {
    void load();
    const id = setInterval(() => void load(), 15_000);
    return () => clearInterval(id);
  }, [load]);

  const act = async (what: Promise<{ ok: boolean; error?: { message: string } }>, words: string) => {
    const res = await what;
    if (!res.ok) return setError(res.error?.message ?? 'That did not work.');
    setMade(null);
    setNotice(words);
    await load();
  };

  const attention = kiosks?.filter((k) => k.stale || k.clockDrift || k.cloneSuspected).length ?? 0;
  return (
    <div className="manager" data-testid="kiosks" data-loaded={kiosks !== null}>
      {bar(
        <button type="button" className="primary" onClick={() => setAdding(true)}>
          Add kiosk
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
          titleId="code-title"
          title={`${made.kiosk.name}: its enrollment code`}
          value={made.code}
          testId="enroll-code"
          label="The enrollment code"
          onDone={() => setMade(null)}
        >
          Works once, until {formatWhen(made.expiresAt)}. On the kiosk run{' '}
          <code>
            frontdesk enroll --central {window.location.origin} --code {made.code}
          </code>
        </ShownOnce>
      )}
      {kiosks && (
        <section className="table-card wide" aria-labelledby="fleet-title">
          <h2 id="fleet-title">
            Kiosks{' '}
            {attention > 0 && (
              <span className="tag warn" data-testid="fleet-attention">
                {attention} need{attention === 1 ? 's' : ''} attention
              </span>
            )}
          </h2>
          {kiosks.length === 0 ? (
            <p className="chart-empty">No kiosks yet. Add one for each front desk; it gets a code to enroll with.</p>
          ) : (
            <RecordTable
              testId="fleet-table"
              columns={['Kiosk', 'Site', 'State', 'Version', 'Last heartbeat', 'Last push', 'Waiting', 'Clock', 'Needs attention']}
              rows={kiosks.map((k) => ({
                key: k.id,
                data: { 'data-kiosk': k.name, 'data-stale': k.stale, 'data-drift': k.clockDrift, 'data-state': k.state },
                cells: [
                  k.name,
                  k.site.name,
                  STATE_WORDS[k.state],
                  k.appVersion ? `${k.appVersion} · sync ${k.syncVersion ?? '?'}` : <span className="muted">—</span>,
                  k.lastHeartbeatAt ? formatWhen(k.lastHeartbeatAt) : <span className="muted">never</span>,
                  k.lastPushAt ? formatWhen(k.lastPushAt) : <span className="muted">never</span>,
                  k.backlog ? `${k.backlog.count}${k.backlog.oldestAt ? ` since ${formatWhen(k.backlog.oldestAt)}` : ''}` : '—',
                  offsetWords(k.clockOffsetSeconds),
                  flagsOf(k).length ? <span className="flags">{flagsOf(k)}</span> : <span className="muted">—</span>,
                ],
                actions: (
                  <>
                    {k.cloneSuspected && (
                      <button
                        type="button"
                        onClick={() => void act(invoke('kiosks.clearCloneFlag', { kiosk: k.id }), `Cleared the copied-credential flag of ${k.name}.`)}
                      >
                        Clear flag
                      </button>
                    )}
                    {k.state !== 'revoked' && (
                      <button
                        type="button"
                        aria-label={`Revoke ${k.name}`}
                        onClick={() => void act(invoke('kiosks.revoke', { kiosk: k.id }), `${k.name} is revoked; what it sends waits in quarantine.`)}
                      >
                        Revoke
                      </button>
                    )}
                  </>
                ),
              }))}
            />
          )}
        </section>
      )}
      {held.length > 0 && (
        <section className="table-card wide" aria-labelledby="quarantine-title">
          <h2 id="quarantine-title">Punches from revoked kiosks</h2>
          <RecordTable
            testId="quarantine-table"
            columns={['Kiosk', 'Employee', 'Punch', 'Taken (kiosk clock)', 'Kiosk revoked']}
            rows={held.map((q) => ({
              key: q.punchId,
              data: { 'data-punch': q.punchId },
              cells: [
                q.kiosk,
                q.name ? `${q.name} (${q.employeeCode})` : <span className="muted">unknown</span>,
                `${q.kind} ${formatWhen(q.at)}`,
                formatWhen(q.createdAt),
                q.revokedAt ? formatWhen(q.revokedAt) : '—',
              ],
              actions: (
                <>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        invoke('kiosks.resolveQuarantine', { punchIds: [q.punchId], action: 'accept' }),
                        'The punch is accepted into attendance.',
                      )
                    }
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    onClick={() =>
                      void act(
                        invoke('kiosks.resolveQuarantine', { punchIds: [q.punchId], action: 'reject' }),
                        'The punch is rejected; it stays here for the record.',
                      )
                    }
                  >
                    Reject
                  </button>
                </>
              ),
            }))}
          />
        </section>
      )}
      {adding && (
        <AddKioskDialog
          sites={sites}
          onClose={() => setAdding(false)}
          onMade={async (m) => {
            setAdding(false);
            setNotice(null);
            setMade(m);
            await load();
          }}
        />
      )}
    </div>
  );
}
