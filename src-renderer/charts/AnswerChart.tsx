import { ResponsiveBar } from '@nivo/bar';
import { ResponsiveLine } from '@nivo/line';
import { ResponsivePie } from '@nivo/pie';
import type { ChartSpec, Table } from '../../shared/contract/ai.js';
import { ChartCard } from './ChartCard.js';
import { CHART_THEME, PALETTE } from './theme.js';

const SHOWN = 20;

/** The chart an answer's spec asks for, drawn from the answer's own table. */
export function AnswerChart({ spec, table }: { spec: ChartSpec; table: Table }) {
  const points = table.rows.slice(0, SHOWN).map((r) => ({ x: String(r[spec.x] ?? ''), y: Number(r[spec.y] ?? 0) }));
  const title = table.rows.length > SHOWN ? `${spec.title} (first ${SHOWN} of ${table.rows.length})` : spec.title;
  return (
    <ChartCard id="answer" title={title} empty={points.length === 0} emptyText="Nothing to draw.">
      {spec.kind === 'pie' ? (
        <ResponsivePie
          data={points.map((p) => ({ id: p.x, label: p.x, value: p.y }))}
          margin={{ top: 20, right: 20, bottom: 20, left: 20 }}
          innerRadius={0.55}
          colors={PALETTE}
          theme={CHART_THEME}
          animate={false}
          arcLabelsTextColor="#ffffff"
          arcLinkLabel={(d) => `${d.label} ${d.value}`}
        />
      ) : spec.kind === 'line' ? (
        <ResponsiveLine
          data={[{ id: spec.y, data: points }]}
          margin={{ top: 10, right: 20, bottom: 40, left: 50 }}
          colors={PALETTE}
          theme={CHART_THEME}
          animate={false}
          pointSize={6}
          axisBottom={{ tickRotation: -30 }}
          axisLeft={{ legend: spec.y, legendOffset: -40, legendPosition: 'middle', tickValues: 5 }}
        />
      ) : (
        <ResponsiveBar
          data={points.map((p) => ({ [spec.x]: p.x, [spec.y]: p.y }))}
          keys={[spec.y]}
          indexBy={spec.x}
          margin={{ top: 10, right: 20, bottom: 50, left: 50 }}
          padding={0.25}
          colors={[PALETTE[0]!]}
          theme={CHART_THEME}
          animate={false}
          labelTextColor="#ffffff"
          axisBottom={{ tickRotation: points.length > 6 ? -30 : 0 }}
          axisLeft={{ legend: spec.y, legendOffset: -40, legendPosition: 'middle', tickValues: 5 }}
          ariaLabel={spec.title}
        />
      )}
    </ChartCard>
  );
}
