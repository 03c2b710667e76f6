// One employee's day, where a manager corrects it: every punch of the day (and of the next
// morning, for an overnight shift), voided ones marked with who and why, the history of the
// corrections, and the two fixes — add the missing OUT (or an IN with its OUT), or void wrong
// punches. Central checks each fix against the timeline and says why when it refuses one.
import { useEffect, useState, type FormEvent } from 'react';
import type { DayPunch, EmployeeDay } from '../../../shared/contract/corrections.js';
import { zonedToUtc } from '../../../shared/domain/local-time.js';
import { invoke } from '../../lib/rpc.js';
import { ErrorNote, TableHead } from './parts.js';

type Mode = 'out' | 'pair';

const SOURCE_WORDS: Record<DayPunch['source'], string> = {
  kiosk: 'kiosk',
  import: 'import',
  correction: 'correction',
  api: 'API',
  auto: 'auto check-out',
};

/** The instant of a local date and time in `tz`, or null in a clock change's gap. */
function instant(date: string, time: string, tz: string): string | null {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const at = zonedToUtc({ year, month, day, hour, minute, second: 0 }, tz);
  return at === null ? null : new Date(at).toISOString();
}

export function DayReview(props: { employeeCode: string; date: string; by: string; initialMode?: Mode; onClose: () => void; onChanged: () => void }) {
  const [day, setDay] = useState<EmployeeDay | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>(props.initialMode ?? 'out');
  const [outDate, setOutDate] = useState(props.date);
  const [inTime, setInTime] = useState('09:00');
  const [outTime, setOutTime] = useState('18:00');
  const [reason, setReason] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [voidReason, setVoidReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void invoke('punches.day', { employeeCode: props.employeeCode, date: props.date }).then((res) => {
      if (!res.ok) return setLoadError(res.error.message);
      setDay(res.value);
      setInTime(res.value.shiftStart);
      setOutTime(res.value.shiftEnd);
    });
  }, [props.employeeCode, props.date]);

  const run = async (input: Parameters<typeof invoke<'punches.correct'>>[1]): Promise<void> => {
    setBusy(true);
    const res = await invoke('punches.correct', input);
    setBusy(false);
    if (!res.ok) return setError(res.error.message);
    setError(null);
    props.onChanged();
  };

  const add = (e: FormEvent) => {
    e.preventDefault();
    if (!day) return;
    const outAt = instant(outDate, outTime, day.tz);
    const inAt = instant(props.date, inTime, day.tz);
    if (outAt === null || (mode === 'pair' && inAt === null)) return setError(`That time does not exist in ${day.tz} (a clock change).`);
    const common = { action: 'add' as const, employeeCode: props.employeeCode, reason, by: props.by };
    void run(mode === 'out' ? { ...common, kind: 'OUT', at: outAt } : { ...common, kind: 'IN', at: inAt!, outAt });
  };

  const voidSelected = () => {
    const [punchId, withPunchId] = selected;
    if (!punchId) return;
    void run({ action: 'void', punchId, ...(withPunchId ? { withPunchId } : {}), reason: voidReason, by: props.by });
  };

  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : [...s, id].slice(-2)));
  const live = day?.punches.filter((p) => !p.voided) ?? [];

  return (
    <div className="dialog day-review" role="dialog" aria-modal="true" aria-labelledby="day-title" data-testid="day-review">
      <h3 id="day-title">{day ? `${day.employee.name} · ${day.date}` : 'Loading the day…'}</h3>
      {loadError && <ErrorNote message={loadError} />}
      {day && (
        <>
          <p className="hint muted">
            Times in {day.tz}. Shift {day.shiftStart}–{day.shiftEnd}
            {day.employee.team ? ` (${day.employee.team})` : ''}.
          </p>
          {day.punches.length === 0 ? (
            <p className="hint">No punches on {day.date} or the next morning.</p>
          ) : (
            <table className="day-punches" data-testid="day-punches">
              <TableHead columns={['When', 'Punch', 'From', 'State']} />
              <tbody>
                {day.punches.map((p) => (
                  <tr key={p.id} data-voided={p.voided} data-kind={p.kind}>
                    <td>{p.localDate === day.date ? p.localTime : `${p.localTime} (${p.localDate})`}</td>
                    <td>{p.kind}</td>
                    <td>{SOURCE_WORDS[p.source]}</td>
                    <td>{p.voided ? `voided by ${p.voidedBy ?? '?'}: ${p.voidReason ?? ''}` : 'counted'}</td>
                    <td>
                      {!p.voided && (
                        <label className="inline">
                          <input
                            type="checkbox"
                            checked={selected.includes(p.id)}
                            onChange={() => toggle(p.id)}
                            aria-label={`Select the ${p.kind} at ${p.localTime}`}
                          />
                          select
                        </label>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {live.length > 0 && (
            <div className="day-void">
              <label>
                Why void the selected {selected.length === 2 ? 'pair' : 'punch'}
                <input name="void-reason" value={voidReason} onChange={(e) => setVoidReason(e.target.value)} placeholder="e.g. tapped by mistake" />
              </label>
              <button type="button" onClick={voidSelected} disabled={busy || selected.length === 0}>
                Void selected
              </button>
            </div>
          )}
          <form className="day-add" onSubmit={add}>
            <fieldset>
              <legend>Add</legend>
              <label className="inline">
                <input type="radio" name="mode" checked={mode === 'out'} onChange={() => setMode('out')} /> the missing OUT
              </label>
              <label className="inline">
                <input type="radio" name="mode" checked={mode === 'pair'} onChange={() => setMode('pair')} /> an IN and its OUT
              </label>
            </fieldset>
            <div className="day-times">
              {mode === 'pair' && (
                <label>
                  IN time
                  <input type="time" name="in-time" value={inTime} onChange={(e) => setInTime(e.target.value)} required />
                </label>
              )}
              <label>
                OUT date
                <select name="out-date" value={outDate} onChange={(e) => setOutDate(e.target.value)}>
                  <option value={day.date}>{day.date}</option>
                  <option value={day.nextDate}>{day.nextDate} (overnight)</option>
                </select>
              </label>
              <label>
                OUT time
                <input type="time" name="out-time" value={outTime} onChange={(e) => setOutTime(e.target.value)} required />
              </label>
            </div>
            <label>
              Reason
              <input
                name="reason"
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                placeholder="e.g. forgot to punch out, confirmed by team lead"
              />
            </label>
            <button type="submit" className="primary" disabled={busy}>
              Save correction
            </button>
          </form>
          {day.history.length > 0 && (
            <section aria-labelledby="day-history-title">
              <h4 id="day-history-title">History</h4>
              <ul className="day-history" data-testid="day-history">
                {day.history.map((h) => (
                  <li key={h.id}>
                    {h.action === 'punch.void' ? 'Voided' : 'Added'} by {h.actor.replace(/^manager:/, 'manager ')} — {h.reason ?? ''}{' '}
                    <span className="muted">
                      ({new Date(h.at).toLocaleString('en-GB', { timeZone: day.tz, dateStyle: 'medium', timeStyle: 'short' })})
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
      <ErrorNote message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
