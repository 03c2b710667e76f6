import { ResponsivePie } from '@nivo/pie';
import type { Dashboard } from '../../shared/contract/manager.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME, PALETTE } from './theme.js';

export function WorkModeChart({ mode }: { mode: Dashboard['workMode'] }) {
  const data = [
    { id: 'Office', label: 'Office', value: mode.WFO },
    { id: 'Home', label: 'Home', value: mode.WFH },
  ].filter((d) => d.value > 0);
  return (
    <ChartCard id="mode" title="Office and home days" empty={data.length === 0} emptyText="No days worked in this range.">
      <ResponsivePie
        data={data}
        margin={{ top: 20, right: 20, bottom: 20, left: 20 }}
        innerRadius={0.55}
        padAngle={1}
        colors={[PALETTE[0]!, PALETTE[2]!]}
        theme={CHART_THEME}
        animate={false}
        arcLinkLabelsThickness={1}
        arcLabelsTextColor="#ffffff"
        arcLinkLabel={(d) => `${d.label} ${d.value}`}
      />
    </ChartCard>
  );
}
