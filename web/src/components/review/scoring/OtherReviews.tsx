/** Other experts' submitted reviews, shown once the expert's own is in and when the round allows it. */
import { Card, Empty, List, Tag, Typography } from 'antd';
import { RECOMMENDATIONS } from '#core/review/rubric.ts';
import type { ReviewResponse } from '#web/api/review-scoring.ts';
import { formatTotal } from './reviewContent.ts';

export function OtherReviews({ others }: { others: NonNullable<ReviewResponse['others']> }) {
  return (
    <Card size="small" title={`其他专家的评分（${others.length} 份）`}>
      {others.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="其他专家尚未提交评分" />
      ) : (
        <List
          size="small"
          dataSource={others}
          renderItem={(other) => (
            <List.Item>
              <div style={{ width: '100%' }}>
                <Typography.Text strong>{other.expertName}</Typography.Text>
                <Typography.Text style={{ marginInlineStart: 12 }}>
                  总分 {formatTotal(other.total)}
                </Typography.Text>
                {other.recommendation && (
                  <Tag style={{ marginInlineStart: 8 }}>{RECOMMENDATIONS[other.recommendation]}</Tag>
                )}
                {other.comment && (
                  <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                    {other.comment}
                  </Typography.Paragraph>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
