/**
 * 事迹展示, the organiser's tab of a published round: each winner's public text for the showcase, first
 * drafted from the form, edited, saved (then 待审核) and approved (then 已公开 on the showcase page).
 */
import { Alert, Empty, Space, Typography } from 'antd';
import { useShowcaseStories } from '#web/api/showcase.ts';
import { PageLoading } from '../PageLoading.tsx';
import { StoryCard } from './StoryCard.tsx';

export function StoriesTab({ campaignId }: { campaignId: string }) {
  const { data, isLoading, error } = useShowcaseStories(campaignId);
  if (isLoading) return <PageLoading />;
  if (error || !data) return <Alert type="error" title="入选者的事迹文字暂时无法读取，请刷新后重试" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Paragraph style={{ marginBottom: 0 }}>
        入选者的事迹文字审核通过后，在“优秀事迹展示”页面向公众公开；保存后为待审核，审核通过前展示页面只显示姓名、单位、类别和照片。
        公开的文字不得含身份证号、电话号码和住址。未填写的，下方已按推介表中的事迹（项目的内容与成效）拟好初稿，可修改后保存。
      </Typography.Paragraph>
      {data.winners.length === 0 ? (
        <Empty description="本次推介没有公布的入选者" />
      ) : (
        data.winners.map((w) => <StoryCard key={w.nominationId} campaignId={campaignId} winner={w} />)
      )}
    </Space>
  );
}
