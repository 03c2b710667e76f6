import { KioskScreen } from '../features/kiosk/KioskScreen.js';
import { hasSession } from '../lib/rpc.js';

export function App() {
  if (!hasSession()) {
    return (
      <main className="no-session">
        <h1>Frontdesk</h1>
        <p>Open the link that <code>frontdesk serve</code> printed: it carries this kiosk's session token.</p>
      </main>
    );
  }
  return <KioskScreen />;
}
