/**
 * One chart drawn by ECharts. Only the statistics page imports this file, and that page is a lazy route:
 * ECharts (its core, three chart types and the SVG renderer) travels in that chunk, never with the login
 * page. The picture is decorative for assistive technology: the table beside it carries the figures.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import type { StatisticsChart } from '#core/contract/statistics.ts';
import { chartOption } from '#core/statistics/chart-option.ts';

echarts.use([
  BarChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  SVGRenderer,
]);

export function ChartCanvas({ chart, narrow }: { chart: StatisticsChart; narrow: boolean }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, null, { renderer: 'svg' });
    instance.setOption(chartOption(chart, { narrow }));
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      instance.dispose();
    };
  }, [chart, narrow]);
  return <div ref={element} aria-hidden="true" style={{ width: '100%', height: narrow ? 260 : 320 }} />;
}
