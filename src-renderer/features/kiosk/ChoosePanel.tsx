import { useEffect, useRef } from 'react';
import type { IdentifyOutput } from '../../../shared/contract/kiosk.js';
import { formatClock, formatDay, formatHours } from './format.js';

export interface ChoosePanelProps {
  who: IdentifyOutput;
  tz: string;
  busy: boolean;
  workMode: 'WFO' | 'WFH';
  onPunch(kind: 'IN' | 'OUT'): void;
  onWorkMode(mode: 'WFO' | 'WFH'): void;
  onCancel(): void;
}

function greeting(tz: string): string {
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', hourCycle: 'h23' }).format(Date.now()));
  return hour < 12 ? 'Good morning' : hour < 17 ? 'Good afternoon' : 'Good evening';
}

export function ChoosePanel({ who, tz, busy, workMode, onPunch, onWorkMode, onCancel }: ChoosePanelProps) {
  const suggestedRef = useRef<HTMLButtonElement>(null);
  useEffect(() => suggestedRef.current?.focus(), [who.ticket]);
  const last = who.lastPunch
    ? `Last punch: ${who.lastPunch.kind} ${formatDay(who.lastPunch.at, tz)}at ${formatClock(who.lastPunch.at, tz)}`
    : 'No punches yet';
  return (
    <section className="panel choose-panel" aria-labelledby="choose-title">
      <h1 id="choose-title" className="choose-title">
        {greeting(tz)}, {who.employee.name}
      </h1>
      <p className="choose-sub">
        {last} · Today {formatHours(who.todaySeconds)}
      </p>
      <div className="punch-buttons">
        {(['IN', 'OUT'] as const).map((kind) => {
          const suggested = who.suggested === kind;
          return (
            <button
              key={kind}
              ref={suggested ? suggestedRef : undefined}
              type="button"
              className={`punch-button punch-${kind.toLowerCase()} ${suggested ? 'punch-suggested' : ''}`}
              data-suggested={suggested}
              disabled={busy}
              onClick={() => onPunch(kind)}
            >
              <span className="punch-kind">{kind}</span>
              {suggested && <span className="punch-hint">Suggested</span>}
            </button>
          );
        })}
      </div>
      <div className="choose-footer">
        <div className="segmented" role="radiogroup" aria-label="Working from">
          {(['WFO', 'WFH'] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              role="radio"
              aria-checked={workMode === mode}
              className={`segment ${workMode === mode ? 'segment-on' : ''}`}
              onClick={() => onWorkMode(mode)}
            >
              {mode === 'WFO' ? 'At the office' : 'From home'}
            </button>
          ))}
        </div>
        <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
          Not you? Cancel
        </button>
      </div>
    </section>
  );
}
