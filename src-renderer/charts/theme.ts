// One look for every chart: the app's colours and type, no animation (stable screenshots).
export const CHART_THEME = {
  text: { fontSize: 12, fill: '#334155' },
  axis: { ticks: { text: { fontSize: 11, fill: '#475569' } }, legend: { text: { fontSize: 12, fill: '#334155' } } },
  grid: { line: { stroke: '#e2e8f0' } },
  tooltip: { container: { fontSize: 12 } },
} as const;

export const PALETTE = ['#2563eb', '#0d9488', '#d97706', '#7c3aed', '#dc2626', '#0891b2', '#65a30d', '#db2777'];
