import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../shared/contract/accounts.js';
import { CentralConsole } from '../features/central/CentralConsole.js';
import { KioskScreen } from '../features/kiosk/KioskScreen.js';
import { ManagerScreen } from '../features/manager/ManagerScreen.js';
import { hasSession, probeCentral } from '../lib/rpc.js';

/** `#/manager` opens the manager desktop; anything else is the kiosk. */
function useRoute(): 'kiosk' | 'manager' {
  const read = (): 'kiosk' | 'manager' => (window.location.hash.startsWith('#/manager') ? 'manager' : 'kiosk');
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const onHash = (): void => setRoute(read());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return route;
}

type Host = { kind: 'probing' } | { kind: 'kiosk' } | { kind: 'central'; session: SessionInfo | null };

/** Which host serves this page: the kiosk (Electron or its web host) or Frontdesk Central. */
function useHost(): Host {
  const [host, setHost] = useState<Host>(() => (hasSession() ? { kind: 'kiosk' } : { kind: 'probing' }));
  useEffect(() => {
    if (host.kind !== 'probing') return;
    void probeCentral().then((found) => setHost(found === 'not-central' ? { kind: 'kiosk' } : { kind: 'central', session: found }));
  }, [host.kind]);
  return host;
}

export function App() {
  const route = useRoute();
  const host = useHost();
  if (host.kind === 'probing') return <main className="no-session" aria-busy="true" />;
  if (host.kind === 'central') return <CentralConsole initial={host.session} />;
  if (!hasSession()) {
    return (
      <main className="no-session">
        <h1>Frontdesk</h1>
        <p>Open the link that frontdesk serve printed on the kiosk machine: it carries this kiosk’s session key.</p>
      </main>
    );
  }
  return route === 'manager' ? <ManagerScreen /> : <KioskScreen />;
}
