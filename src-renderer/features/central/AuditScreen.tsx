import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { AuditEntry } from '../../../shared/contract/corrections.js';
import type { MethodInput } from '../../../shared/contract/index.js';
import { invoke } from '../../lib/rpc.js';
import { ErrorNote, TableHead } from '../manager/parts.js';
import { formatWhen } from './when.js';

const ACTIONS: { value: string; label: string }[] = [
  { value: '', label: 'every action' },
  { value: 'account.sign*', label: 'sign-ins, failures and sign-outs' },
  { value: 'account.', label: 'accounts, roles and tokens' },
  { value: 'account.token*', label: 'API tokens' },
  { value: 'punch.', label: 'punch corrections and voids' },
  { value: 'employee.', label: 'employees' },
  { value: 'team.', label: 'teams' },
  { value: 'site.', label: 'sites' },
];

/** A local date and time from an <input type="datetime-local">, as an ISO instant with this browser's offset. */
function instantOf(local: string): string | undefined {
  if (!local) return undefined;
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const brief = (v: unknown): string => (v === null || v === undefined ? '' : JSON.stringify(v).slice(0, 160));

/** The audit log, newest first, narrowed by who, what, whom and when. */
export function AuditScreen({ bar }: { bar: (controls: ReactNode) => ReactNode }) {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [employee, setEmployee] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (filters: MethodInput<'audit.list'>) => {
    const res = await invoke('audit.list', filters);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setEntries(res.value);
  }, []);
  useEffect(() => {
    void load({ limit: 200 });
  }, [load]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fromAt = instantOf(from);
    const toAt = instantOf(to);
    void load({
      limit: 200,
      ...(actor.trim() ? { actor: actor.trim() } : {}),
      ...(action ? { action } : {}),
      ...(employee.trim() ? { employeeCode: employee.trim() } : {}),
      ...(fromAt ? { from: fromAt } : {}),
      ...(toAt ? { to: toAt } : {}),
    });
  };

  return (
    <div className="manager" data-testid="audit" data-loaded={entries !== null}>
      {bar(null)}
      <form className="filters" onSubmit={submit} aria-label="Audit filters">
        <label>
          Who
          <input name="actor" value={actor} onChange={(e) => setActor(e.target.value)} placeholder="user:alice" />
        </label>
        <label>
          What
          <select name="action" value={action} onChange={(e) => setAction(e.target.value)}>
            {ACTIONS.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Employee code
          <input name="employee" value={employee} onChange={(e) => setEmployee(e.target.value)} />
        </label>
        <label>
          From
          <input name="from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label>
          To
          <input name="to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" className="primary">
          Show
        </button>
      </form>
      <ErrorNote message={error} />
      {entries && (
        <section className="table-card wide" aria-labelledby="audit-title">
          <h2 id="audit-title">
            Audit log <span className="muted">({entries.length === 200 ? 'newest 200' : entries.length})</span>
          </h2>
          {entries.length === 0 ? (
            <p className="chart-empty">Nothing matches these filters.</p>
          ) : (
            <table data-testid="audit-table">
              <TableHead columns={['When', 'Who', 'What', 'On', 'Why', 'Change']} actions={false} />
              <tbody>
                {entries.map((e) => (
                  <tr key={e.id} data-action={e.action}>
                    <td>{formatWhen(e.at)}</td>
                    <td>{e.actor}</td>
                    <td>{e.action}</td>
                    <td>
                      {e.entity} {e.entityId}
                    </td>
                    <td>{e.reason ?? ''}</td>
                    <td className="audit-change">
                      {brief(e.before) && <span className="muted">{brief(e.before)} → </span>}
                      {brief(e.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </div>
  );
}
