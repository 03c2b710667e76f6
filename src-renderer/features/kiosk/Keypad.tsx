const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', 'clear', '0', 'back'] as const;

export function Keypad(props: { onDigit(d: string): void; onBack(): void; onClear(): void; disabled?: boolean }) {
  return (
    <div className="keypad" role="group" aria-label="Number pad">
      {KEYS.map((k) =>
        k === 'clear' ? (
          <button key={k} type="button" className="key key-muted" onClick={props.onClear} disabled={props.disabled}>
            Clear
          </button>
        ) : k === 'back' ? (
          <button key={k} type="button" className="key key-muted" aria-label="Delete last digit" onClick={props.onBack} disabled={props.disabled}>
            ⌫
          </button>
        ) : (
          <button key={k} type="button" className="key" onClick={() => props.onDigit(k)} disabled={props.disabled}>
            {k}
          </button>
        ),
      )}
    </div>
  );
}
