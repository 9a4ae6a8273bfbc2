/** The dashboards as one workbook: a sheet of key figures, then one sheet per chart with its table. */

import type { StatisticsChart, StatisticsResponse } from '#core/contract/statistics.ts';
import type { SheetTable } from '#core/documents/organiser-tables.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';

export function chartTable(chart: StatisticsChart, heading: string): SheetTable {
  const [first, ...rest] = chart.columns;
  return {
    title: `${heading}${chart.title}`,
    sheetName: chart.title,
    columns: [
      { header: first ?? '', field: 'label', width: 28, wrap: true },
      ...rest.map((header, i) => ({ header, field: `v${i}`, width: Math.max(12, header.length * 2 + 4) })),
    ],
    rows: chart.rows.map((row) => ({
      label: row.label,
      ...Object.fromEntries(row.values.map((v, i) => [`v${i}`, v])),
    })),
    notes: chart.note ? [chart.note] : [],
  };
}

/** 2025年 全国 吉林省: what the figures were filtered to, at the head of every sheet. */
export function scopeHeading(s: StatisticsResponse): string {
  const parts = [s.filters.year ? `${s.filters.year}年` : '历年', s.filters.provinceName ?? ''].filter(
    (p) => p !== '',
  );
  return parts.join('');
}

export function statisticsWorkbook(s: StatisticsResponse): Promise<Buffer> {
  const heading = scopeHeading(s);
  const figures: SheetTable = {
    title: `${heading}推介工作主要数据`,
    sheetName: '主要数据',
    columns: [
      { header: '指标', field: 'label', width: 20 },
      { header: '本期', field: 'current', width: 12 },
      { header: '上年同期', field: 'previous', width: 12 },
      { header: '同比', field: 'change', width: 20 },
    ],
    rows: s.figures.map((f) => ({
      label: f.label,
      current: f.current,
      previous: f.previous,
      change: f.change,
    })),
    notes: [`统计范围：${s.campaigns.map((c) => c.title).join('、') || '无推介活动'}`],
  };
  return renderTablesXlsx([figures, ...s.charts.map((c) => chartTable(c, heading))]);
}
