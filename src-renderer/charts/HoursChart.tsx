import { ResponsiveBar } from '@nivo/bar';
import type { Dashboard } from '../../shared/contract/manager.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME, PALETTE } from './theme.js';

const SHOWN = 15;

export function HoursChart({ hours }: { hours: Dashboard['hoursByEmployee'] }) {
  const top = hours.slice(0, SHOWN).reverse();
  const title = hours.length > SHOWN ? `Hours per employee (top ${SHOWN} of ${hours.length})` : 'Hours per employee';
  return (
    <ChartCard id="hours" title={title} empty={hours.length === 0} emptyText="No completed sessions in this range.">
      <ResponsiveBar
        data={top.map((h) => ({ who: h.name, hours: h.hours }))}
        keys={['hours']}
        indexBy="who"
        layout="horizontal"
        margin={{ top: 5, right: 20, bottom: 30, left: 120 }}
        padding={0.2}
        colors={[PALETTE[1]!]}
        theme={CHART_THEME}
        animate={false}
        labelTextColor="#ffffff"
        valueFormat=">-.1f"
        axisBottom={{ tickValues: 5 }}
        ariaLabel="Hours per employee"
      />
    </ChartCard>
  );
}
