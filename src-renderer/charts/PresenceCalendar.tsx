import { ResponsiveTimeRange } from '@nivo/calendar';
import type { Dashboard } from '../../shared/contract/manager.js';
import { parseLocalDate } from '../../shared/domain/local-time.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME } from './theme.js';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * nivo walks the days in the browser's zone from `from` up to, not including, `to`; the range's
 * dates are local dates of the site, so each is given as that day's local midnight.
 */
function localMidnight(isoDate: string, addDays = 0): Date {
  const { year, month, day } = parseLocalDate(isoDate);
  return new Date(year, month - 1, day + addDays);
}

/** People present per day as a heatmap of the range only (weeks as columns, Monday on top). */
export function PresenceCalendar({ presence, from, to }: { presence: Dashboard['presence']; from: string; to: string }) {
  const data = presence.filter((p) => p.present > 0).map((p) => ({ day: p.date, value: p.present }));
  return (
    <ChartCard id="calendar" title="Presence calendar" empty={data.length === 0} emptyText="No presence to show for these dates.">
      <ResponsiveTimeRange
        data={data}
        from={localMidnight(from)}
        to={localMidnight(to, 1)}
        firstWeekday="monday"
        weekdays={WEEKDAYS}
        weekdayTicks={[0, 1, 2, 3, 4, 5, 6]}
        weekdayLegendOffset={40}
        emptyColor="#f1f5f9"
        colors={['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8']}
        margin={{ top: 30, right: 10, bottom: 10, left: 44 }}
        dayRadius={3}
        dayBorderWidth={2}
        dayBorderColor="#ffffff"
        theme={CHART_THEME}
      />
    </ChartCard>
  );
}
