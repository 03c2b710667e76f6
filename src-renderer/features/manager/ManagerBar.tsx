import type { ReactNode } from 'react';
import type { SignInOutput } from '../../../shared/contract/manager.js';

export type ManagerView = 'dashboard' | 'roster' | 'ask';

const VIEWS: { id: ManagerView; label: string }[] = [
  { id: 'dashboard', label: 'Attendance' },
  { id: 'roster', label: 'Roster' },
  { id: 'ask', label: 'Ask' },
];

/** The bar over every manager view: where you are, the view's own controls, who is signed in. */
export function ManagerBar(props: {
  view: ManagerView;
  onView: (v: ManagerView) => void;
  manager: SignInOutput;
  onSignOut: () => void;
  children?: ReactNode;
}) {
  return (
    <header className="manager-bar">
      <nav className="manager-views" aria-label="Manager views">
        {VIEWS.map((v) => (
          <button key={v.id} type="button" aria-current={props.view === v.id ? 'page' : undefined} onClick={() => props.onView(v.id)}>
            {v.label}
          </button>
        ))}
      </nav>
      {props.children ? <div className="manager-controls">{props.children}</div> : null}
      <span className="spacer" />
      <div className="manager-user">
        <span className="muted">Signed in as {props.manager.name}</span>
        <button type="button" onClick={props.onSignOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
