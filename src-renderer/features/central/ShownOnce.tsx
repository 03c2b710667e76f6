import type { ReactNode } from 'react';

/** A secret shown this once (an API token, an enrollment code), selectable, with Done. */
export function ShownOnce(props: {
  titleId: string;
  title: string;
  children: ReactNode;
  value: string;
  testId: string;
  label: string;
  copy?: boolean;
  onDone: () => void;
}) {
  return (
    <section className="table-card token-once" aria-labelledby={props.titleId}>
      <h2 id={props.titleId}>{props.title}</h2>
      <p>{props.children}</p>
      <input
        className="token-value"
        data-testid={props.testId}
        readOnly
        value={props.value}
        onFocus={(e) => e.target.select()}
        aria-label={props.label}
      />
      <div className="dialog-actions">
        {props.copy && (
          <button type="button" onClick={() => void navigator.clipboard?.writeText(props.value)}>
            Copy
          </button>
        )}
        <button type="button" onClick={props.onDone}>
          Done
        </button>
      </div>
    </section>
  );
}
