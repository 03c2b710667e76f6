import { useState } from 'react';
import type { SignInOutput } from '../../../shared/contract/manager.js';
import { invoke, setManagerToken } from '../../lib/rpc.js';
import { Dashboard } from './Dashboard.js';
import { SignInPanel } from './SignInPanel.js';

/** The manager desktop: sign-in first; the sign-in lives in memory only. */
export function ManagerScreen() {
  const [manager, setManager] = useState<SignInOutput | null>(null);
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
  return <Dashboard manager={manager} onSignOut={() => void signOut()} />;
}
