/** Year-on-year change of one figure, as officials write it in a 总结: 同比增长 12.5% or 同比下降 3.0%. */
export interface YearOnYear {
  current: number;
  previous: number;
  delta: number;
  /** Relative change; null when last year's figure was 0 (no ratio to speak of). */
  ratio: number | null;
  /** 同比增长 12.5% / 同比下降 3.0% / 与上年持平 / 上年无数据 */
  label: string;
}

export function yearOnYear(current: number, previous: number): YearOnYear {
  const delta = current - previous;
  const ratio = previous === 0 ? null : delta / previous;
  return { current, previous, delta, ratio, label: changeLabel(delta, ratio) };
}

function changeLabel(delta: number, ratio: number | null): string {
  if (ratio === null) return delta === 0 ? '与上年持平' : '上年无数据';
  if (delta === 0) return '与上年持平';
  const percent = `${(Math.abs(ratio) * 100).toFixed(1)}%`;
  return delta > 0 ? `同比增长 ${percent}` : `同比下降 ${percent}`;
}
