import { describe, expect, it } from 'vitest';
import { FfmpegProgress } from './ffmpeg-progress.ts';

function feed(duration: number, lines: string[]): number[] {
  const seen: number[] = [];
  const progress = new FfmpegProgress(duration, (percent) => seen.push(percent));
  for (const line of lines) progress.line(line);
  return seen;
}

const block = (us: string, state = 'continue') => [
  `frame=1`,
  `out_time_us=${us}`,
  `out_time=x`,
  `progress=${state}`,
];

describe('FfmpegProgress', () => {
  it('turns out_time against the duration into rising whole percentages, 100 only at the end', () => {
    const seen = feed(200, [
      ...block('N/A'),
      ...block('20000000'),
      ...block('20500000'),
      ...block('100000000'),
      ...block('200000000'),
      ...block('200000000', 'end'),
    ]);
    expect(seen).toEqual([0, 10, 50, 99, 100]);
  });

  it('never goes down, and reports 100 at the end of a film of unknown length', () => {
    expect(feed(100, [...block('50000000'), ...block('40000000'), ...block('60000000')])).toEqual([50, 60]);
    expect(feed(0, [...block('5000000'), ...block('6000000', 'end')])).toEqual([0, 100]);
  });
});
