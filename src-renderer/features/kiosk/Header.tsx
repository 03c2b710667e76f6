import { useEffect, useState } from 'react';
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import type { SyncStatus } from '../../../shared/contract/sync.js';
import { invoke, subscribe } from '../../lib/rpc.js';

function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}

function Clock({ tz }: { tz: string }) {
  const now = useNow();
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now);
  const date = new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'long', day: 'numeric', month: 'long' }).format(now);
  return (
    <div className="clock">
      <time className="clock-time" aria-label={`Time now ${time}`}>
        {time}
      </time>
      <span className="clock-date">{date}</span>
    </div>
  );
}

/** How far the kiosk's clock is off, in words: "3 min", "2 h". */
export function clockWords(offsetSeconds: number): string {
  const s = Math.abs(offsetSeconds);
  if (s < 5400) return `${Math.round(s / 60)} min`;
  if (s < 172_800) return `${Math.round(s / 3600)} h`;
  return `${Math.round(s / 86_400)} days`;
}

/** The kiosk's calm sync indicator: all synced, syncing, or saved here while central is away. */
export function syncText(s: SyncStatus): string {
  if (s.localError) return 'Storage problem · tap for details';
  if (s.clockDrift && s.clockOffsetSeconds !== null) return `Clock off by ${clockWords(s.clockOffsetSeconds)} · tap for details`;
  switch (s.state) {
    case 'idle':
      return s.pending === 0 ? 'All punches synced' : `Syncing · ${s.pending} waiting`;
    case 'syncing':
      return `Syncing · ${s.pending} waiting`;
    case 'waiting':
    case 'offline':
      return `Offline · ${s.pending} saved on this kiosk`;
    case 'not-configured':
      return `Saved on this kiosk · ${s.pending} to sync`;
    case 'revoked':
      return `Kiosk revoked by an admin · ${s.pending} kept here`;
    case 'needs-update':
      return `This kiosk needs an update · ${s.pending} saved here`;
    case 'central-outdated':
      return `Waiting for Central's update · ${s.pending} saved here`;
    default:
      return missingState(s.state);
  }
}

function missingState(state: never): string {
  return String(state);
}

function SyncBadge({ onOpen, hostDown }: { onOpen(): void; hostDown: boolean }) {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [reachable, setReachable] = useState(true);
  useEffect(() => {
    let live = true;
    const poll = async (): Promise<void> => {
      const res = await invoke('sync.status', {});
      if (!live) return;
      setReachable(res.ok || res.error.code !== 'UNAVAILABLE');
      if (res.ok) setStatus(res.value);
    };
    void poll();
    const id = setInterval(poll, 10_000);
    // The network is back: sync at once rather than at the end of the backoff.
    const online = (): void => void invoke('sync.now', {}).then((res) => live && res.ok && setStatus(res.value));
    window.addEventListener('online', online);
    const off = subscribe(
      'sync.statusChanged',
      (s) => setStatus(s),
      () => void poll(),
    );
    return () => {
      live = false;
      clearInterval(id);
      window.removeEventListener('online', online);
      off();
    };
  }, []);
  const text = !reachable || hostDown ? 'Kiosk service not answering' : status === null ? 'Checking…' : syncText(status);
  const calm =
    reachable &&
    !hostDown &&
    status !== null &&
    status.localError === null &&
    !status.clockDrift &&
    (status.state === 'idle' || status.state === 'syncing');
  return (
    <button type="button" className={`sync-badge ${calm ? '' : 'sync-badge-down'}`} onClick={onOpen} aria-describedby="sync-badge-text">
      <span className="sync-dot" aria-hidden="true" />
      <span id="sync-badge-text" role="status" aria-live="polite" data-testid="sync-badge" data-state={status?.state}>
        {text}
      </span>
    </button>
  );
}

export function Header({
  info,
  onManager,
  onSync,
  hostDown = false,
}: {
  info: KioskInfo | null;
  onManager: () => void;
  onSync: () => void;
  hostDown?: boolean;
}) {
  return (
    <header className="kiosk-header">
      <div className="brand">
        <span className="brand-name">Frontdesk</span>
        <span className="brand-site">{info?.siteName ?? ''}</span>
      </div>
      {info && <Clock tz={info.tz} />}
      <div className="header-right">
        <SyncBadge onOpen={onSync} hostDown={hostDown} />
        <button type="button" className="manager-button" onClick={onManager}>
          Manager
        </button>
      </div>
    </header>
  );
}
