/**
 * The ECharts option of one statistics chart: the same option draws the chart on the page and, rendered
 * to SVG on the server, the picture in the yearly report. Plain data only (no functions), so it runs in
 * the browser and in Node alike.
 */
import type { StatisticsChart } from '../contract/statistics.ts';

const PALETTE = ['#1f5fa8', '#c0392b', '#2e8b57', '#d68a00', '#6b4fa0', '#3a8fb7'];
// Unquoted family names: the server's SVG puts the list inside a double-quoted attribute.
const FONT = 'Noto Sans CJK SC, Noto Serif CJK SC, Microsoft YaHei, PingFang SC, sans-serif';

export interface ChartOptionSettings {
  /** Narrow screens (375 px): labels turned, legend below, fewer margins. */
  narrow?: boolean;
  /** A picture for a printed report: no animation, a title on the picture. */
  print?: boolean;
}

export function chartOption(
  chart: StatisticsChart,
  settings: ChartOptionSettings = {},
): Record<string, unknown> {
  const series = chart.columns.slice(1);
  const labels = chart.rows.map((r) => r.label);
  const common = {
    animation: !settings.print,
    color: PALETTE,
    textStyle: { fontFamily: FONT },
    title: settings.print
      ? { text: chart.title, left: 'center', textStyle: { fontSize: 16, fontFamily: FONT } }
      : undefined,
    tooltip: { trigger: chart.kind === 'pie' ? 'item' : 'axis' },
    legend: { bottom: 0, type: 'scroll', data: chart.kind === 'pie' ? labels : series },
  };
  if (chart.kind === 'pie') {
    return {
      ...common,
      series: [
        {
          type: 'pie',
          name: series[0],
          radius: settings.narrow ? ['30%', '60%'] : ['35%', '65%'],
          top: settings.print ? 30 : 0,
          bottom: 30,
          label: { formatter: '{b}\n{c}' },
          data: chart.rows.map((r) => ({ name: r.label, value: r.values[0] ?? 0 })),
        },
      ],
    };
  }
  const longLabels = labels.some((l) => l.length > 4);
  return {
    ...common,
    grid: { left: 8, right: 16, top: settings.print ? 44 : 16, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: {
        interval: settings.narrow ? 'auto' : 0,
        rotate: settings.narrow || longLabels || labels.length > 8 ? 40 : 0,
        width: settings.narrow ? 80 : 120,
        overflow: 'truncate',
      },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: series.map((name, i) => ({
      type: chart.kind,
      name,
      data: chart.rows.map((r) => r.values[i] ?? 0),
      ...(chart.kind === 'line'
        ? { smooth: false, showSymbol: chart.rows.length < 40 }
        : { barMaxWidth: 28 }),
    })),
  };
}
