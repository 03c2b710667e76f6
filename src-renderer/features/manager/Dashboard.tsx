import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { Dashboard as DashboardData } from '../../../shared/contract/manager.js';
import type { ManagerIdentity } from './ManagerBar.js';
import { exportFileName, toCsv } from '../../../shared/domain/report-range.js';
import { HoursChart } from '../../charts/HoursChart.js';
import { PresenceCalendar } from '../../charts/PresenceCalendar.js';
import { PresenceChart } from '../../charts/PresenceChart.js';
import { TeamTrendChart } from '../../charts/TeamTrendChart.js';
import { WorkModeChart } from '../../charts/WorkModeChart.js';
import { invoke } from '../../lib/rpc.js';
import { ExceptionsTable } from './ExceptionsTable.js';
import { ErrorNote } from './parts.js';

const RANGES = [7, 30, 90] as const;

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `bar` draws the manager bar around this view's controls. */
export function Dashboard({ manager, bar }: { manager: ManagerIdentity; bar: (controls: ReactNode) => ReactNode }) {
  const [days, setDays] = useState<number>(7);
  const [team, setTeam] = useState<string>('');
  const [data, setData] = useState<DashboardData | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const res = await invoke('reports.dashboard', { days, ...(team ? { team } : {}) });
    if (!res.ok) return setError(res.error.message);
    setError(null);
    setData(res.value);
  }, [days, team]);

  useEffect(() => {
    void load();
  }, [load]);

  const exportCsv = async () => {
    const res = await invoke('reports.run', { name: 'workhours', days, ...(team ? { team } : {}) });
    if (!res.ok) return setError(res.error.message);
    download(exportFileName(res.value.name, res.value.range), toCsv(res.value.columns, res.value.rows));
  };

  return (
    <div className="manager" data-testid="dashboard" data-loaded={data !== null}>
      {bar(
        <>
          <label>
            Range
            <select name="range" value={days} onChange={(e) => setDays(Number(e.target.value))}>
              {RANGES.map((d) => (
                <option key={d} value={d}>
                  Last {d} days
                </option>
              ))}
            </select>
          </label>
          <label>
            Team
            <select name="team" value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">All teams</option>
              {data?.teams.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={() => void exportCsv()}>
            Export work hours (CSV)
          </button>
        </>,
      )}
      <ErrorNote message={error} />
      {data && (
        <>
          <p className="muted range-note">
            {data.range.from} to {data.range.to}, local dates in {data.range.tz}
          </p>
          <div className="chart-grid">
            <PresenceChart presence={data.presence} />
            <HoursChart hours={data.hoursByEmployee} />
            <TeamTrendChart trend={data.teamTrend} />
            <WorkModeChart mode={data.workMode} />
            <PresenceCalendar presence={data.presence} from={data.range.from} to={data.range.to} />
          </div>
          <ExceptionsTable report={data.exceptions} by={manager.code} onCorrected={() => void load()} />
        </>
      )}
    </div>
  );
}
