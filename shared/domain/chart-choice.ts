// A chart for an answer's table, chosen from its shape: a numeric column against dates or weeks
// is a line (a bar when there are few), against names a bar, and a split of a whole into two or
// three parts a pie. No chart for one row, or when nothing is numeric.
import type { ChartSpec, Table } from '../contract/ai.js';

const isNumber = (v: unknown): boolean => typeof v === 'number' && Number.isFinite(v);
const isDate = (v: unknown): boolean => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function chooseChart(table: Table, title: string): ChartSpec | null {
  if (table.rows.length < 2) return null;
  const numeric = table.columns.filter((c) => table.rows.every((r) => isNumber(r[c])));
  const preferred = ['hours', 'days', 'minutes', 'count', 'present', 'seconds'];
  const y = preferred.map((p) => numeric.find((c) => c.toLowerCase().includes(p))).find(Boolean) ?? numeric[0];
  if (!y) return null;
  const dates = table.columns.filter((c) => c !== y && table.rows.every((r) => isDate(r[c])));
  if (dates[0]) return { kind: table.rows.length > 7 ? 'line' : 'bar', x: dates[0], y, title };
  const label = table.columns.find((c) => c !== y && !numeric.includes(c) && table.rows.every((r) => typeof r[c] === 'string'));
  if (!label) return null;
  if (/mode|kind/i.test(label) && table.rows.length <= 3) return { kind: 'pie', x: label, y, title };
  return { kind: 'bar', x: label, y, title };
}
