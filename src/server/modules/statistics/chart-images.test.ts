import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { StatisticsChart } from '#core/contract/statistics.ts';
import { CHART_SIZE, chartPng, chartSvg } from './chart-images.ts';

const chart = (kind: StatisticsChart['kind']): StatisticsChart => ({
  key: kind,
  title: '各省（区、市）推介与入选情况',
  kind,
  columns: ['省份', '推介数', '入选数'],
  rows: [
    { label: '吉林省', values: [3, 1] },
    { label: '江苏省', values: [5, 2] },
  ],
});

describe('chart pictures for the yearly report', () => {
  it.each(['bar', 'line', 'pie'] as const)(
    'draws a %s chart as SVG and PNG with its Chinese labels',
    async (kind) => {
      const svg = await chartSvg(chart(kind));
      expect(svg).toContain('各省（区、市）推介与入选情况');
      expect(svg).toContain('吉林省');
      // Well-formed: a font list in quotes once broke the SVG for librsvg.
      const png = await chartPng(chart(kind));
      const meta = await sharp(png).metadata();
      expect(meta.format).toBe('png');
      expect(meta.width).toBe(CHART_SIZE.width * 2);
      const { channels } = await sharp(png).stats();
      // Ink on the page: not a blank white picture.
      expect(channels[0]!.min).toBeLessThan(100);
    },
  );
});
