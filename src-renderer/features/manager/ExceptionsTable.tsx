import { useState } from 'react';
import type { ReportResult } from '../../../shared/contract/reports.js';
import { zonedToUtc } from '../../../shared/domain/local-time.js';
import { invoke } from '../../lib/rpc.js';
import { FormDialog } from './FormDialog.js';
import { TableHead } from './parts.js';

const LABELS: Record<string, string> = {
  MISSING_OUT: 'Missing OUT',
  MISSING_IN: 'Missing IN',
  CLAMPED: 'Over max hours',
  AUTO_CLOSED: 'Auto checked out',
};

type Row = ReportResult['rows'][number];

/** The exceptions of the range; a missing OUT can be fixed here with a correction punch. */
export function ExceptionsTable({ report, by, onCorrected }: { report: ReportResult; by: string; onCorrected: () => void }) {
  const [fixing, setFixing] = useState<Row | null>(null);
  return (
    <section className="table-card exceptions" aria-labelledby="exceptions-title" data-testid="exceptions">
      <h2 id="exceptions-title">Exceptions</h2>
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
                <td>
                  {r.kind === 'MISSING_OUT' && (
                    <button type="button" onClick={() => setFixing(r)}>
                      Add OUT
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {fixing && (
        <AddOutDialog
          row={fixing}
          tz={report.range.tz}
          by={by}
          onClose={() => setFixing(null)}
          onDone={() => {
            setFixing(null);
            onCorrected();
          }}
        />
      )}
    </section>
  );
}

function AddOutDialog({ row, tz, by, onClose, onDone }: { row: Row; tz: string; by: string; onClose: () => void; onDone: () => void }) {
  const [time, setTime] = useState('18:00');
  const [reason, setReason] = useState('');
  const date = String(row.date);

  const save = async (): Promise<string | null> => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const [hour, minute] = time.split(':').map(Number) as [number, number];
    const at = zonedToUtc({ year, month, day, hour, minute, second: 0 }, tz);
    if (at === null) return `${date} ${time} does not exist in ${tz} (a clock change).`;
    const res = await invoke('punches.correct', {
      action: 'add',
      employeeCode: String(row.employee_code),
      kind: 'OUT',
      at: new Date(at).toISOString(),
      reason,
      by,
    });
    if (!res.ok) return res.error.message;
    onDone();
    return null;
  };

  return (
    <FormDialog
      id="addout"
      title={`Add the missing OUT for ${String(row.name)} on ${date}`}
      submitLabel="Save correction"
      onSubmit={save}
      onClose={onClose}
    >
      <label>
        OUT time ({tz})
        <input type="time" name="out-time" value={time} onChange={(e) => setTime(e.target.value)} required />
      </label>
      <label>
        Reason
        <input
          name="reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="e.g. forgot to punch out, confirmed by team lead"
        />
      </label>
    </FormDialog>
  );
}
