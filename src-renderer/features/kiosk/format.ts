export function formatHours(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return `${h}h ${String(m).padStart(2, '0')}m`;
}

export function formatClock(iso: string, tz: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

const dayKey = (ms: number, tz: string): string => new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(ms);

/** '' for today, 'yesterday ' or 'on Mon 16 Nov ' otherwise (with the trailing space). */
export function formatDay(iso: string, tz: string, now = Date.now()): string {
  const at = Date.parse(iso);
  if (dayKey(at, tz) === dayKey(now, tz)) return '';
  if (dayKey(at, tz) === dayKey(now - 86_400_000, tz)) return 'yesterday ';
  return `on ${new Intl.DateTimeFormat('en-GB', { timeZone: tz, weekday: 'short', day: 'numeric', month: 'short' }).format(at)} `;
}
