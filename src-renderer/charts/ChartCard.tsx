import type { ReactNode } from 'react';

/** A titled card with a sized body (nivo's responsive charts need one) or a plain empty state. */
export function ChartCard({
  id,
  title,
  empty,
  emptyText,
  children,
}: {
  id: string;
  title: string;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}) {
  return (
    <section className="chart-card" data-testid={`chart-${id}`} data-empty={empty} aria-labelledby={`chart-${id}-title`}>
      <h2 id={`chart-${id}-title`}>{title}</h2>
      <div className="chart-body">{empty ? <p className="chart-empty">{emptyText}</p> : children}</div>
    </section>
  );
}
