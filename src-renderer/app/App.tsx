import { useEffect, useState } from 'react';
import { KioskScreen } from '../features/kiosk/KioskScreen.js';
import { ManagerScreen } from '../features/manager/ManagerScreen.js';
import { hasSession } from '../lib/rpc.js';

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

export function App() {
  const route = useRoute();
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
