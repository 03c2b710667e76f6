import { useState } from 'react';
import type { ReportResult } from '../../../shared/contract/reports.js';
import { DayReview } from './DayReview.js';
import { TableHead } from './parts.js';

const LABELS: Record<string, string> = {
  MISSING_OUT: 'Missing OUT',
  IN_PROGRESS: 'In progress (no OUT yet)',
  MISSING_IN: 'Missing IN',
  CLAMPED: 'Over max hours',
  AUTO_CLOSED: 'Auto checked out',
};

/** The exceptions of the range; each opens its employee's day, where a missing OUT is added or a wrong punch voided. */
export function ExceptionsTable({ report, by, onCorrected }: { report: ReportResult; by: string; onCorrected: () => void }) {
  const [open, setOpen] = useState<{ code: string; date: string; mode: 'out' | 'pair' } | null>(null);
  const [code, setCode] = useState('');
  const [date, setDate] = useState(report.range.to);
  return (
    <section className="table-card exceptions" aria-labelledby="exceptions-title" data-testid="exceptions">
      <div className="exceptions-head">
        <h2 id="exceptions-title">Exceptions</h2>
        <form
          className="open-day"
          onSubmit={(e) => {
            e.preventDefault();
            if (code.trim()) setOpen({ code: code.trim(), date, mode: 'pair' });
          }}
        >
          <label>
            Employee code
            <input name="day-code" value={code} onChange={(e) => setCode(e.target.value)} size={8} />
          </label>
          <label>
            Day
            <input type="date" name="day-date" value={date} onChange={(e) => setDate(e.target.value)} />
          </label>
          <button type="submit">Open day</button>
        </form>
      </div>
      {report.rows.length === 0 ? (
        <p className="chart-empty">No exceptions in this range.</p>
      ) : (
        <table>
          <TableHead columns={['Date', 'Employee', 'Team', 'What', 'Time']} />
          <tbody>
            {report.rows.map((r, i) => (
              <tr key={i} data-kind={String(r.kind)}>
                <td>{String(r.date)}</td>
                <td>
                  {String(r.name)} <span className="muted">{String(r.employee_code)}</span>
                </td>
                <td>{String(r.team ?? '')}</td>
                <td>{LABELS[String(r.kind)] ?? String(r.kind)}</td>
                <td>{r.time ? String(r.time) : r.elapsed_seconds ? `${(Number(r.elapsed_seconds) / 3600).toFixed(1)} h` : ''}</td>
                <td className="actions">
                  {r.kind === 'MISSING_OUT' ? (
                    <button type="button" onClick={() => setOpen({ code: String(r.employee_code), date: String(r.date), mode: 'out' })}>
                      Add OUT
                    </button>
                  ) : (
                    <button
                      type="button"
                      onClick={() => setOpen({ code: String(r.employee_code), date: String(r.date), mode: r.kind === 'MISSING_IN' ? 'pair' : 'out' })}
                    >
                      Review day
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open && (
        <DayReview
          employeeCode={open.code}
          date={open.date}
          by={by}
          initialMode={open.mode}
          onClose={() => setOpen(null)}
          onChanged={() => {
            setOpen(null);
            onCorrected();
          }}
        />
      )}
    </section>
  );
}
