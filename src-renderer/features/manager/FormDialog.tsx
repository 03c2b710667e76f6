import { useState, type FormEvent, type ReactNode } from 'react';
import { ErrorNote } from './parts.js';

/**
 * A modal form. `onSubmit` resolves to an error message to show, or null when done; the dialog
 * stays open, with what was typed, until the change is saved.
 */
export function FormDialog(props: {
  id: string;
  title: string;
  submitLabel: string;
  onSubmit: () => Promise<string | null>;
  onClose: () => void;
  children: ReactNode;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const problem = await props.onSubmit();
    setBusy(false);
    setError(problem);
  };
  return (
    <form className="dialog" role="dialog" aria-modal="true" aria-labelledby={`${props.id}-title`} onSubmit={(e) => void submit(e)}>
      <h3 id={`${props.id}-title`}>{props.title}</h3>
      {props.children}
      <ErrorNote message={error} />
      <div className="dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
