// Report ranges: `days=N` means the last N local days including today; `from`/`to` are
// inclusive local dates. The same rule serves the CLI, the manager screens and the AI tools.
import { cellText } from './cell-text.js';
import { addDays, localDateOf } from './local-time.js';

export function resolveRange(
  input: { days?: number | undefined; from?: string | undefined; to?: string | undefined },
  nowMs: number,
  tz: string,
): { from: string; to: string } {
  const today = localDateOf(nowMs, tz);
  if (input.from || input.to) {
    const to = input.to ?? today;
    return { from: input.from ?? to, to };
  }
  const days = input.days ?? 7;
  return { from: addDays(today, -(days - 1)), to: today };
}

/** A file name that says what the export holds: `workhours_2026-11-15_2026-11-21_Asia-Kolkata.csv`. */
export function exportFileName(name: string, range: { from: string; to: string; tz: string }): string {
  const zone = range.tz.replace(/[^A-Za-z0-9_+-]+/g, '-');
  return `${name}_${range.from}_${range.to}_${zone}.csv`;
}

/** RFC 4180 CSV, with formula-looking cells defused so a spreadsheet never runs them. */
export function toCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  const cell = (v: unknown): string => {
    let s = cellText(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.map(cell).join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n') + '\r\n';
}
