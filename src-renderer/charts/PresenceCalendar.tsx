import { ResponsiveCalendar } from '@nivo/calendar';
import type { Dashboard } from '../../shared/contract/manager.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME } from './theme.js';

export function PresenceCalendar({ presence, from, to }: { presence: Dashboard['presence']; from: string; to: string }) {
  const data = presence.filter((p) => p.present > 0).map((p) => ({ day: p.date, value: p.present }));
  return (
    <ChartCard id="calendar" title="Presence calendar" wide empty={data.length === 0} emptyText="No presence to show for these dates.">
      <ResponsiveCalendar
        data={data}
        from={from}
        to={to}
        emptyColor="#f1f5f9"
        colors={['#dbeafe', '#93c5fd', '#3b82f6', '#1d4ed8']}
        margin={{ top: 20, right: 10, bottom: 10, left: 30 }}
        monthBorderColor="#ffffff"
        dayBorderWidth={2}
        dayBorderColor="#ffffff"
        theme={CHART_THEME}
      />
    </ChartCard>
  );
}
