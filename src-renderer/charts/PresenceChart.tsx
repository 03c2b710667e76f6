import { ResponsiveBar } from '@nivo/bar';
import type { Dashboard } from '../../shared/contract/manager.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME, PALETTE } from './theme.js';

export function PresenceChart({ presence }: { presence: Dashboard['presence'] }) {
  const empty = presence.every((p) => p.present === 0);
  const step = Math.max(1, Math.ceil(presence.length / 10));
  return (
    <ChartCard id="presence" title="Present per day" empty={empty} emptyText="Nobody punched in during this range.">
      <ResponsiveBar
        data={presence.map((p) => ({ date: p.date, present: p.present }))}
        keys={['present']}
        indexBy="date"
        margin={{ top: 10, right: 10, bottom: 40, left: 40 }}
        padding={0.25}
        colors={[PALETTE[0]!]}
        theme={CHART_THEME}
        animate={false}
        enableLabel={presence.length <= 14}
        labelTextColor="#ffffff"
        axisBottom={{ tickRotation: -30, format: (d: string) => (presence.findIndex((p) => p.date === d) % step === 0 ? d.slice(5) : '') }}
        axisLeft={{ tickValues: 5 }}
        ariaLabel="Employees present per day"
      />
    </ChartCard>
  );
}
