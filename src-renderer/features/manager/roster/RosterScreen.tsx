import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Roster } from '../../../../shared/contract/roster.js';
import { invoke, isCentral } from '../../../lib/rpc.js';
import type { ManagerIdentity } from '../ManagerBar.js';
import { ErrorNote, RecordTable } from '../parts.js';
import { EmployeeDialog, PinDialog, SiteDialog, TeamDialog, type Save } from './RosterDialogs.js';

type Employee = Roster['employees'][number];
type Team = Roster['teams'][number];
type Site = Roster['sites'][number];

type Editing =
  | { kind: 'employee'; employee: Employee | null }
  | { kind: 'pin'; employee: Employee }
  | { kind: 'team'; team: Team | null }
  | { kind: 'site'; site: Site | null };

/** A team's own shift time, or the site's it falls back to. */
function ownOrSite(own: string | number | null, site: string | number | undefined): ReactNode {
  return own === null ? <span className="muted">{site ?? '?'} (site)</span> : String(own);
}

const editButton = (label: string, onClick: () => void) => (
  <button type="button" onClick={onClick} aria-label={label}>
    Edit
  </button>
);

/**
 * Sites, teams and employees as central has them. Every change is made on central (audited) and
 * this kiosk pulls it at once; other kiosks get it at their next sync.
 */
export function RosterScreen({ manager, bar }: { manager: ManagerIdentity; bar: (controls: ReactNode) => ReactNode }) {
  const [roster, setRoster] = useState<Roster | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [showInactive, setShowInactive] = useState(false);

  const load = useCallback(async () => {
    const res = await invoke('roster.list', {});
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setRoster(res.value);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  /** Runs a change; on success closes the dialog, pulls the roster here and says so. */
  const save: Save = async (change, done) => {
    const res = await change();
    if (!res.ok) return res.error.message;
    setEditing(null);
    setNotice(isCentral() ? `${done} Kiosks get it at their next sync.` : `${done} Other kiosks get it at their next sync.`);
    if (!isCentral()) await invoke('sync.now', {});
    await load();
    return null;
  };

  const setActive = (e: Employee, active: boolean) =>
    void save(
      () => invoke('roster.updateEmployee', { code: e.code, active, by: manager.code }),
      `${e.name} is ${active ? 'active again' : 'deactivated'}.`,
    ).then((problem) => problem && setError(problem));

  const unlock = (e: Employee) =>
    void invoke('kiosk.clearLockout', { employeeCode: e.code, by: manager.code }).then((res) => {
      if (!res.ok) return setError(res.error.message);
      setError(null);
      setNotice(
        `${e.name} may try a PIN again${res.value.everywhere ? ' at every kiosk' : ' on this kiosk; central did not answer, so other kiosks keep their count'}.`,
      );
    });

  const sites = roster?.sites ?? [];
  const siteOf = (team: Team) => sites.find((s) => s.name === team.site);
  const employees = (roster?.employees ?? []).filter((e) => showInactive || e.active);

  return (
    <div className="manager" data-testid="roster" data-loaded={roster !== null}>
      {bar(
        manager.readOnly ? null : (
          <>
            <button type="button" className="primary" onClick={() => setEditing({ kind: 'employee', employee: null })}>
              Add employee
            </button>
            <button type="button" onClick={() => setEditing({ kind: 'team', team: null })}>
              Add team
            </button>
            {manager.mayChangeSites !== false && (
              <button type="button" onClick={() => setEditing({ kind: 'site', site: null })}>
                Add site
              </button>
            )}
          </>
        ),
      )}
      <ErrorNote message={error} />
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {roster && (
        <div className="roster">
          <section className="table-card" aria-labelledby="employees-title">
            <div className="table-card-head">
              <h2 id="employees-title">Employees</h2>
              <label className="inline">
                <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> Show deactivated
              </label>
            </div>
            <RecordTable
              testId="employees"
              columns={['Code', 'Name', 'Team', 'Badge', 'Role']}
              rows={employees.map((e) => ({
                key: e.code,
                data: { 'data-code': e.code, 'data-active': e.active },
                cells: [
                  e.code,
                  <>
                    {e.name} {!e.active && <span className="tag">deactivated</span>}
                  </>,
                  e.team ?? <span className="muted">none</span>,
                  e.badge ?? <span className="muted">none</span>,
                  e.isManager ? 'Manager' : 'Staff',
                ],
                actions: manager.readOnly ? null : (
                  <>
                    <button type="button" onClick={() => setEditing({ kind: 'employee', employee: e })} aria-label={`Edit ${e.name}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => setEditing({ kind: 'pin', employee: e })} aria-label={`Reset the PIN of ${e.name}`}>
                      Reset PIN
                    </button>
                    {!isCentral() && (
                      <button type="button" onClick={() => unlock(e)} aria-label={`Clear the PIN lockout of ${e.name}`}>
                        Clear lockout
                      </button>
                    )}
                    {e.code !== manager.code && (
                      <button type="button" onClick={() => setActive(e, !e.active)} aria-label={`${e.active ? 'Deactivate' : 'Activate'} ${e.name}`}>
                        {e.active ? 'Deactivate' : 'Activate'}
                      </button>
                    )}
                  </>
                ),
              }))}
            />
          </section>
          <section className="table-card" aria-labelledby="teams-title">
            <h2 id="teams-title">Teams</h2>
            {roster.teams.length === 0 ? (
              <p className="chart-empty">No teams yet. Add one to group employees and give them their own shift times.</p>
            ) : (
              <RecordTable
                testId="teams"
                columns={['Team', 'Site', 'Shift start', 'Grace (min)', 'Shift end', 'Active employees']}
                rows={roster.teams.map((t) => ({
                  key: t.name,
                  data: { 'data-team': t.name },
                  cells: [
                    t.name,
                    t.site,
                    ownOrSite(t.shiftStart, siteOf(t)?.shiftStart),
                    ownOrSite(t.graceMinutes, siteOf(t)?.graceMinutes),
                    ownOrSite(t.shiftEnd, siteOf(t)?.shiftEnd),
                    t.employees,
                  ],
                  actions: manager.readOnly ? null : editButton(`Edit team ${t.name}`, () => setEditing({ kind: 'team', team: t })),
                }))}
              />
            )}
          </section>
          <section className="table-card" aria-labelledby="sites-title">
            <h2 id="sites-title">Sites</h2>
            <RecordTable
              testId="sites"
              columns={['Site', 'Time zone', 'Shift start', 'Grace (min)', 'Shift end']}
              rows={sites.map((s) => ({
                key: s.name,
                data: { 'data-site': s.name },
                cells: [s.name, s.tz, s.shiftStart, s.graceMinutes, s.shiftEnd],
                actions:
                  manager.mayChangeSites === false || manager.readOnly
                    ? null
                    : editButton(`Edit site ${s.name}`, () => setEditing({ kind: 'site', site: s })),
              }))}
            />
          </section>
        </div>
      )}
      {roster && editing?.kind === 'employee' && (
        <EmployeeDialog employee={editing.employee} teams={roster.teams} by={manager.code} save={save} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'pin' && <PinDialog employee={editing.employee} by={manager.code} save={save} onClose={() => setEditing(null)} />}
      {roster && editing?.kind === 'team' && (
        <TeamDialog team={editing.team} sites={roster.sites} by={manager.code} save={save} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'site' && <SiteDialog site={editing.site} by={manager.code} save={save} onClose={() => setEditing(null)} />}
    </div>
  );
}
