import { useState, type ReactNode } from 'react';
import type { SignInOutput } from '../../../shared/contract/manager.js';
import { invoke, setManagerToken } from '../../lib/rpc.js';
import { Dashboard } from './Dashboard.js';
import { ManagerBar, type ManagerView } from './ManagerBar.js';
import { RosterScreen } from './roster/RosterScreen.js';
import { AskScreen } from '../ask/AskScreen.js';
import { SignInPanel } from './SignInPanel.js';

/** The manager desktop: sign-in first; the sign-in lives in memory only. */
export function ManagerScreen() {
  const [manager, setManager] = useState<SignInOutput | null>(null);
  const [view, setView] = useState<ManagerView>('dashboard');
  if (!manager) {
    return (
      <main className="manager-signin">
        <SignInPanel onSignedIn={setManager} />
      </main>
    );
  }
  const signOut = async () => {
    await invoke('manager.signOut', {});
    setManagerToken(undefined);
    setManager(null);
  };
  const bar = (controls: ReactNode) => (
    <ManagerBar view={view} onView={setView} manager={manager} onSignOut={() => void signOut()}>
      {controls}
    </ManagerBar>
  );
  if (view === 'roster') return <RosterScreen manager={manager} bar={bar} />;
  if (view === 'ask') return <AskScreen bar={bar} />;
  return <Dashboard manager={manager} bar={bar} />;
}
