/** 统计分析: the dashboards, their Excel export and the yearly report. */
import { useQuery } from '@tanstack/react-query';
import type { StatisticsResponse } from '#core/contract/statistics.ts';
import { api, send, withQuery } from './client.ts';
import { saveBlob } from './imports.ts';
import { fileNameOf } from './nominations.ts';

export type { StatisticsChart, StatisticsResponse } from '#core/contract/statistics.ts';

export interface StatisticsFilter {
  year?: number;
  level?: string;
  province?: string;
}

export function useStatistics(filter: StatisticsFilter) {
  return useQuery({
    queryKey: ['statistics', filter],
    queryFn: () => api<StatisticsResponse>(withQuery('/api/statistics', { ...filter })),
  });
}

/** Fetched rather than linked, so an expired session shows a message instead of saving an error page. */
export async function exportStatistics(filter: StatisticsFilter): Promise<void> {
  const response = await send(withQuery('/api/statistics/export', { ...filter }));
  saveBlob(await response.blob(), fileNameOf(response, '推介工作统计.xlsx'));
}

export async function downloadYearReport(campaignId: string, format: 'docx' | 'pdf'): Promise<void> {
  const response = await send(withQuery('/api/statistics/year-report', { campaignId, format }));
  saveBlob(await response.blob(), fileNameOf(response, `统计报告.${format}`));
}
