/**
 * Charts as pictures for the yearly report: ECharts draws SVG on the server (no canvas, no browser), and
 * sharp turns it into PNG, which Word and LibreOffice both place reliably. Chinese labels need a CJK
 * font on the server (fonts-noto-cjk, the same package the PDFs need).
 */
import sharp from 'sharp';
import type { StatisticsChart } from '#core/contract/statistics.ts';
import { chartOption } from '#core/statistics/chart-option.ts';

export const CHART_SIZE = { width: 800, height: 420 };

export async function chartSvg(chart: StatisticsChart): Promise<string> {
  // Loaded on first use: it would add ~12 MB to every process's heap for a yearly report (decision 0022).
  const echarts = await import('echarts');
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  try {
    instance.setOption(chartOption(chart, { print: true }));
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** PNG at twice the size, so the printed picture is sharp. */
export async function chartPng(chart: StatisticsChart): Promise<Buffer> {
  return sharp(Buffer.from(await chartSvg(chart)), { density: 144 })
    .flatten({ background: '#ffffff' })
    .png()
    .toBuffer();
}
