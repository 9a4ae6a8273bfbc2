/**
 * In the organiser's formal check: whether the unit's own 公示 named this nominee and lasted long
 * enough on the calendar, with the period, the link or file, and what is wrong with it.
 */
import { Alert, Space, Typography } from 'antd';
import { formatPeriod } from '#core/publicity/coverage.ts';
import type { NominationPublicity } from '#web/api/publicity.ts';
import { FindingLines } from '../material/FindingLines.tsx';
import { CoverageView } from './CoverageView.tsx';

export function NominationPublicityLine({ publicity }: { publicity: NominationPublicity }) {
  return (
    <Alert
      type={publicity.covered ? 'success' : 'warning'}
      showIcon
      title={publicity.covered ? '报送单位已按要求公示该推介' : '报送单位对该推介的公示情况需核实'}
      description={
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          <FindingLines findings={publicity.findings} />
          {publicity.records.map((r) => (
            <div key={r.id} style={{ overflowWrap: 'anywhere' }}>
              <Typography.Text strong>{formatPeriod(r.fromDay, r.toDay)}</Typography.Text>，{r.place}
              {r.url && (
                <>
                  {' '}
                  <a href={r.url} target="_blank" rel="noopener noreferrer">
                    公示网页
                  </a>
                </>
              )}
              {r.fileUrl && (
                <>
                  {' '}
                  <a href={r.fileUrl} target="_blank" rel="noopener noreferrer">
                    公示材料
                  </a>
                </>
              )}
              <CoverageView coverage={r.coverage} />
            </div>
          ))}
        </Space>
      }
    />
  );
}
