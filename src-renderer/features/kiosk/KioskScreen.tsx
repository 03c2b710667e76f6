import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { KioskInfo } from '../../../shared/contract/kiosk.js';
import { invoke } from '../../lib/rpc.js';
import { ChoosePanel } from './ChoosePanel.js';
import { EntryPanel } from './EntryPanel.js';
import { Header } from './Header.js';
import { receiptSeconds, useKiosk, type Phase } from './kiosk-store.js';
import { ReceiptPanel } from './ReceiptPanel.js';
import { useBadgeReader } from './use-badge-reader.js';
import { useHostLink } from './use-host-link.js';
import { SyncPanel } from '../settings/SyncPanel.js';

/** Half a minute without a touch on a half-finished identification returns to idle. */
const IDLE_AFTER_MS = 30_000;

function useInfo(): KioskInfo | null {
  const [info, setInfo] = useState<KioskInfo | null>(null);
  useEffect(() => {
    void invoke('kiosk.info', {}).then((res) => res.ok && setInfo(res.value));
  }, []);
  return info;
}

/** What the idle screen says when it cannot take punches, in plain words. */
const LINK_WORDS: Record<'unreachable' | 'unauthorized', { title: string; body: string }> = {
  unreachable: {
    title: 'This kiosk cannot take punches right now',
    body: 'It cannot reach the Frontdesk service on this machine. Please use another kiosk, or tell a manager. It will work again as soon as the service is back.',
  },
  unauthorized: {
    title: 'This kiosk page needs to be opened again',
    body: 'Its session key is no longer valid. A manager can open the kiosk again from the link shown on the kiosk machine.',
  },
};

export function KioskScreen() {
  const info = useInfo();
  const s = useKiosk();
  const link = useHostLink();
  const linkDown = link === 'unreachable' || link === 'unauthorized';
  const linkDownRef = useRef(false);
  linkDownRef.current = linkDown;
  const [showSync, setShowSync] = useState(false);
  const shownPhase = useRef<Phase>('idle');
  if (s.phase !== 'busy') shownPhase.current = s.phase;

  const keyHandlers = useMemo(
    () => ({
      onBadge: (badge: string) => {
        if (!linkDownRef.current) void useKiosk.getState().badge(badge);
      },
      onKey: (e: KeyboardEvent) => {
        if (linkDownRef.current) return;
        const k = useKiosk.getState();
        if (/^[0-9A-Za-z]$/.test(e.key)) k.typeDigit(e.key);
        else if (e.key === 'Backspace') k.backspace();
        else if (e.key === 'Enter') void k.submit();
        else if (e.key === 'Escape') k.cancel();
        else return;
        e.preventDefault();
      },
    }),
    [],
  );
  const undoTyped = useCallback((count: number) => {
    for (let i = 0; i < count; i++) useKiosk.getState().backspace();
  }, []);
  useBadgeReader(keyHandlers, undoTyped);

  useEffect(() => {
    if (s.phase === 'idle' || s.phase === 'receipt' || s.phase === 'exited' || s.phase === 'busy') return;
    const id = setTimeout(() => useKiosk.getState().cancel(), IDLE_AFTER_MS);
    return () => clearTimeout(id);
  }, [s.phase, s.code, s.pin]);

  const tz = info?.tz ?? 'UTC';
  const panel = ((): React.ReactNode => {
    const phase = shownPhase.current;
    if (phase === 'exited') {
      return (
        <section className="panel exited-panel" aria-labelledby="exited-title">
          <h1 id="exited-title">Kiosk mode ended</h1>
          <p>Signed out by {s.managerName}. You may close this window.</p>
          <button type="button" className="button button-primary" onClick={s.resumeKiosk}>
            Return to kiosk
          </button>
        </section>
      );
    }
    if (linkDown && (phase === 'idle' || phase === 'pin')) {
      const words = LINK_WORDS[link];
      return (
        <section className="panel link-down-panel" aria-labelledby="link-down-title" data-testid="link-down" data-link={link}>
          <h1 id="link-down-title">{words.title}</h1>
          <p>{words.body}</p>
        </section>
      );
    }
    if (phase === 'receipt' && s.receipt) return <ReceiptPanel receipt={s.receipt} seconds={receiptSeconds()} onDone={s.cancel} />;
    if (phase === 'choose' && s.who) {
      return (
        <ChoosePanel
          who={s.who}
          tz={tz}
          busy={s.phase === 'busy'}
          workMode={s.workMode}
          onPunch={(k) => void s.punch(k)}
          onWorkMode={s.setWorkMode}
          onCancel={s.cancel}
        />
      );
    }
    return (
      <EntryPanel
        phase={s.phase}
        shownPhase={phase}
        code={s.code}
        pin={s.pin}
        error={s.error}
        onDigit={s.typeDigit}
        onBack={s.backspace}
        onClear={() => undoTyped(12 + 32)}
        onSubmit={() => void s.submit()}
        onCancel={s.cancel}
      />
    );
  })();

  return (
    <div className="kiosk" data-phase={s.phase} data-testid="kiosk" data-link={link}>
      <Header
        info={info}
        hostDown={linkDown}
        onManager={() => {
          setShowSync(false);
          s.startExit();
        }}
        onSync={() => setShowSync(true)}
      />
      <main className="kiosk-main">
        {showSync ? <SyncPanel tz={tz} central={info?.central ?? null} onClose={() => setShowSync(false)} /> : panel}
      </main>
    </div>
  );
}
