/** A 公示 period's count: 共N个工作日 with the holidays and 调休 named, and what is wrong with it. */
import { CheckCircleFilled } from '@ant-design/icons';
import { Space, Typography } from 'antd';
import type { PublicityCoverage } from '#core/publicity/coverage.ts';
import { FindingLines } from '../material/FindingLines.tsx';

export function CoverageView({ coverage }: { coverage: PublicityCoverage }) {
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }}>
      {coverage.summary && (
        <Typography.Text>
          {coverage.covers && <CheckCircleFilled style={{ color: '#52c41a', marginRight: 6 }} />}
          {coverage.summary}
          <Typography.Text type="secondary">（应不少于{coverage.required}个工作日）</Typography.Text>
        </Typography.Text>
      )}
      <FindingLines findings={coverage.findings} />
    </Space>
  );
}
