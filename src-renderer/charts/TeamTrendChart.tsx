import { ResponsiveLine } from '@nivo/line';
import type { Dashboard } from '../../shared/contract/manager.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME, PALETTE } from './theme.js';

export function TeamTrendChart({ trend }: { trend: Dashboard['teamTrend'] }) {
  const data = trend.map((t) => ({ id: t.team, data: t.points.map((p) => ({ x: p.week.slice(5), y: p.hours })) }));
  return (
    <ChartCard id="trend" title="Team hours per week" empty={trend.length === 0} emptyText="No team hours in this range.">
      <ResponsiveLine
        data={data}
        margin={{ top: 10, right: 110, bottom: 40, left: 50 }}
        colors={PALETTE}
        theme={CHART_THEME}
        animate={false}
        pointSize={7}
        useMesh
        axisBottom={{ legend: 'week of', legendOffset: 32, legendPosition: 'middle' }}
        axisLeft={{ legend: 'hours', legendOffset: -40, legendPosition: 'middle', tickValues: 5 }}
        legends={[{ anchor: 'right', direction: 'column', translateX: 100, itemWidth: 90, itemHeight: 18, symbolSize: 10 }]}
      />
    </ChartCard>
  );
}
