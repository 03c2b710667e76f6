// Small pieces the manager views share.
import type { ReactNode } from 'react';

/** A refusal or failure, said calmly in place. Renders nothing without a message. */
export function ErrorNote({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/** A table head; the last, unlabelled column holds each row's buttons. */
export function TableHead({ columns, actions = true }: { columns: readonly string[]; actions?: boolean }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {c}
          </th>
        ))}
        {actions && (
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        )}
      </tr>
    </thead>
  );
}

export interface RecordRow {
  key: string;
  /** data-* attributes for the row, so tests and styles can find it. */
  data: Record<`data-${string}`, string | boolean>;
  cells: ReactNode[];
  actions: ReactNode;
}

/** A table of records, each row ending with its buttons. */
export function RecordTable({ testId, columns, rows }: { testId: string; columns: readonly string[]; rows: RecordRow[] }) {
  return (
    <table data-testid={testId}>
      <TableHead columns={columns} />
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} {...r.data}>
            {r.cells.map((c, i) => (
              <td key={i}>{c}</td>
            ))}
            <td className="actions">{r.actions}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
