/** An instant in the viewer's own zone, to the minute: "1 Dec 2026, 14:05". */
export const formatWhen = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
