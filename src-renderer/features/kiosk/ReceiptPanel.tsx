import { useEffect, useRef } from 'react';
import type { Receipt } from '../../../shared/contract/punches.js';
import { formatHours } from './format.js';

export function ReceiptPanel({ receipt, seconds, onDone }: { receipt: Receipt; seconds: number; onDone(): void }) {
  const doneRef = useRef<HTMLButtonElement>(null);
  useEffect(() => doneRef.current?.focus(), [receipt.punchId]);
  return (
    <section className={`panel receipt-panel receipt-${receipt.kind.toLowerCase()}`} aria-labelledby="receipt-title" data-testid="receipt">
      <div className="receipt-check" aria-hidden="true">
        ✓
      </div>
      <div role="status" aria-live="assertive">
        <h1 id="receipt-title" className="receipt-title">
          {receipt.duplicate ? `Already recorded: ${receipt.kind}` : `${receipt.kind} recorded`}
        </h1>
      </div>
      <dl className="receipt-facts">
        <div>
          <dt>Name</dt>
          <dd data-testid="receipt-name">{receipt.name}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd data-testid="receipt-time">{receipt.localTime}</dd>
        </div>
        <div>
          <dt>Today</dt>
          <dd data-testid="receipt-hours">{formatHours(receipt.todaySeconds)}</dd>
        </div>
      </dl>
      {receipt.duplicate && <p className="receipt-note">You tapped twice; your first punch stands.</p>}
      {receipt.workMode === 'WFH' && <p className="receipt-note">Working from home.</p>}
      <div className="receipt-countdown" style={{ animationDuration: `${seconds}s` }} aria-hidden="true" />
      <button ref={doneRef} type="button" className="button button-primary" onClick={onDone}>
        Done
      </button>
    </section>
  );
}
