// How a value from a report or a query is written as text (a CSV cell, a table on the terminal):
// instants as ISO-8601, structured values as JSON, never "[object Object]".

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString();
  return JSON.stringify(v) ?? '';
}
