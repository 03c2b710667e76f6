import type { KioskError, Phase } from './kiosk-store.js';
import { Keypad } from './Keypad.js';

const PROMPTS: Partial<Record<Phase, { title: string; hint: string; field: 'code' | 'pin'; action: string }>> = {
  idle: { title: 'Scan your badge or enter your employee code', hint: 'Employee code', field: 'code', action: 'Next' },
  pin: { title: 'Enter your PIN', hint: 'PIN', field: 'pin', action: 'Sign in' },
  'exit-code': { title: 'Manager: enter your employee code', hint: 'Manager code', field: 'code', action: 'Next' },
  'exit-pin': { title: 'Manager: enter your PIN', hint: 'Manager PIN', field: 'pin', action: 'Leave kiosk mode' },
};

export interface EntryPanelProps {
  phase: Phase;
  shownPhase: Phase;
  code: string;
  pin: string;
  error: KioskError | null;
  onDigit(d: string): void;
  onBack(): void;
  onClear(): void;
  onSubmit(): void;
  onCancel(): void;
}

export function EntryPanel(p: EntryPanelProps) {
  const prompt = PROMPTS[p.shownPhase] ?? PROMPTS.idle!;
  const value = prompt.field === 'code' ? p.code : p.pin;
  const busy = p.phase === 'busy';
  const ready = prompt.field === 'code' ? value.length > 0 : value.length >= 4;
  return (
    <section className="panel entry-panel" aria-labelledby="entry-title">
      <div className="entry-side">
        <h1 id="entry-title" className="entry-title">
          {prompt.title}
        </h1>
        <div
          className={`entry-display ${prompt.field === 'pin' ? 'entry-pin' : ''}`}
          role="textbox"
          aria-readonly="true"
          aria-label={`${prompt.hint}: ${value.length} ${prompt.field === 'pin' ? 'digits entered' : `characters entered${value ? `, ${value}` : ''}`}`}
          data-testid="entry-display"
        >
          {value.length === 0 ? <span className="entry-placeholder">{prompt.hint}</span> : prompt.field === 'pin' ? '•'.repeat(value.length) : value}
        </div>
        {p.error && (
          <p className={`alert alert-${p.error.code === 'WRONG_PIN' ? 'warn' : 'error'}`} role="alert" data-error-code={p.error.code}>
            {p.error.message}
          </p>
        )}
        <div className="entry-actions">
          {p.shownPhase !== 'idle' && (
            <button type="button" className="button button-secondary" onClick={p.onCancel} disabled={busy}>
              Cancel
            </button>
          )}
          <button type="button" className="button button-primary" onClick={p.onSubmit} disabled={busy || !ready}>
            {busy ? 'Checking…' : prompt.action}
          </button>
        </div>
      </div>
      <Keypad onDigit={p.onDigit} onBack={p.onBack} onClear={p.onClear} disabled={busy} />
    </section>
  );
}
