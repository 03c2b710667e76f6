import { useState, type ReactNode } from 'react';
import type { SignInOutput } from '../../../shared/contract/manager.js';
import { invoke, setManagerToken } from '../../lib/rpc.js';
import { Dashboard } from './Dashboard.js';
import { ManagerBar, MANAGER_VIEWS, type ManagerIdentity, type ManagerView } from './ManagerBar.js';
import { RosterScreen } from './roster/RosterScreen.js';
import { AskScreen } from '../ask/AskScreen.js';
import { SignInPanel } from './SignInPanel.js';

/** The kiosk's manager desktop: sign-in with code and PIN first; the sign-in lives in memory only. */
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
  return <ManagerDesk manager={manager} views={MANAGER_VIEWS} onSignOut={() => void signOut()} />;
}

/**
 * The manager views behind a sign-in, for a kiosk manager or a Central account alike. `extra`
 * draws the views only some callers have (Central's admin screens).
 */
export function ManagerDesk(props: {
  manager: ManagerIdentity;
  views: readonly { id: ManagerView; label: string }[];
  onSignOut: () => void;
  account?: ReactNode;
  extra?: (view: ManagerView, bar: (controls: ReactNode) => ReactNode) => ReactNode;
}) {
  const [view, setView] = useState<ManagerView>('dashboard');
  const { manager } = props;
  const bar = (controls: ReactNode) => (
    <ManagerBar view={view} onView={setView} views={props.views} manager={manager} onSignOut={props.onSignOut} account={props.account}>
      {controls}
    </ManagerBar>
  );
  const extra = props.extra?.(view, bar);
  if (extra) return extra;
  if (view === 'roster') return <RosterScreen manager={manager} bar={bar} />;
  if (view === 'ask') return <AskScreen bar={bar} />;
  return <Dashboard manager={manager} bar={bar} />;
}
