import type { ReactNode } from 'react';

export type ManagerView = 'dashboard' | 'roster' | 'ask' | 'kiosks' | 'users' | 'tokens' | 'audit';

/** Who is signed in to the manager screens: a kiosk manager (employee code) or a Central account. */
export interface ManagerIdentity {
  /** What a change's `by` carries (Central replaces it with the account's own name). */
  code: string;
  name: string;
  /** Central: whether the account may change sites (admins only); a kiosk manager may. */
  mayChangeSites?: boolean;
  /** Central: a read-only account (payroll, viewer) is offered no changes. */
  readOnly?: boolean;
}

export const MANAGER_VIEWS: { id: ManagerView; label: string }[] = [
  { id: 'dashboard', label: 'Attendance' },
  { id: 'roster', label: 'Roster' },
  { id: 'ask', label: 'Ask' },
];

export const ADMIN_VIEWS: { id: ManagerView; label: string }[] = [
  { id: 'kiosks', label: 'Kiosks' },
  { id: 'users', label: 'Users' },
  { id: 'tokens', label: 'API tokens' },
  { id: 'audit', label: 'Audit log' },
];

/** The bar over every manager view: where you are, the view's own controls, who is signed in. */
export function ManagerBar(props: {
  view: ManagerView;
  onView: (v: ManagerView) => void;
  views: readonly { id: ManagerView; label: string }[];
  manager: ManagerIdentity;
  onSignOut: () => void;
  /** Extra buttons beside sign-out (Central: change password). */
  account?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <header className="manager-bar">
      <nav className="manager-views" aria-label="Manager views">
        {props.views.map((v) => (
          <button key={v.id} type="button" aria-current={props.view === v.id ? 'page' : undefined} onClick={() => props.onView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {props.children ? <div className="manager-controls">{props.children}</div> : null}
      <span className="spacer" />
      <div className="manager-user">
        <span className="muted">Signed in as {props.manager.name}</span>
        {props.account}
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
