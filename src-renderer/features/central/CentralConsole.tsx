import { useEffect, useState } from 'react';
import type { SessionInfo } from '../../../shared/contract/accounts.js';
import { account } from '../../lib/rpc.js';
import { ADMIN_VIEWS, MANAGER_VIEWS } from '../manager/ManagerBar.js';
import { ManagerDesk } from '../manager/ManagerScreen.js';
import { AccountSignIn } from './AccountSignIn.js';
import { AuditScreen } from './AuditScreen.js';
import { PasswordDialog } from './PasswordDialog.js';
import { TokensScreen } from './TokensScreen.js';
import { KiosksScreen } from './KiosksScreen.js';
import { UsersScreen } from './UsersScreen.js';

const ROLE_WORDS: Record<SessionInfo['role'], string> = { admin: 'admin', manager: 'manager', payroll: 'payroll', viewer: 'viewer' };

/** Frontdesk Central's console: an account signs in; admins also get users, tokens and the audit log. */
export function CentralConsole({ initial }: { initial: SessionInfo | null }) {
  const [session, setSession] = useState<SessionInfo | null>(initial);
  const [ended, setEnded] = useState<string | null>(null);
  const [changingPassword, setChangingPassword] = useState(false);

  useEffect(() => {
    account.onSessionEnded(() => {
      setSession(null);
      setEnded('Your session ended (idle too long, or signed out elsewhere). Sign in again.');
    });
    return () => account.onSessionEnded(null);
  }, []);

  if (!session) {
    return (
      <main className="manager-signin">
        <AccountSignIn
          notice={ended}
          onSignedIn={(s) => {
            setEnded(null);
            setSession(s);
          }}
        />
      </main>
    );
  }
  const signOut = async () => {
    await account.signOut();
    setSession(null);
  };
  const views = session.grants.admin ? [...MANAGER_VIEWS, ...ADMIN_VIEWS] : MANAGER_VIEWS;
  const scope = session.teams.length + session.sites.length > 0 ? ` · ${[...session.teams, ...session.sites].join(', ')}` : '';
  return (
    <>
      <ManagerDesk
        manager={{
          code: session.username,
          name: `${session.username} (${ROLE_WORDS[session.role]}${scope})`,
          mayChangeSites: session.grants.admin,
          readOnly: !session.grants.write,
        }}
        views={views}
        onSignOut={() => void signOut()}
        account={
          <button type="button" onClick={() => setChangingPassword(true)}>
            Password
          </button>
        }
        extra={(view, bar) => {
          if (!session.grants.admin) return null;
          if (view === 'users') return <UsersScreen bar={bar} self={session.username} />;
          if (view === 'tokens') return <TokensScreen bar={bar} />;
          if (view === 'kiosks') return <KiosksScreen bar={bar} />;
          if (view === 'audit') return <AuditScreen bar={bar} />;
          return null;
        }}
      />
      {changingPassword && <PasswordDialog onClose={() => setChangingPassword(false)} />}
    </>
  );
}
