/**
 * 下一条: the organiser checking formally goes from this nomination to the next one waiting, in the
 * order of the campaign's list, and sees how many still wait. Asked again after each decision.
 */
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { NOMINATIONS_KEY, type Nomination, nextToCheck } from '#web/api/nominations.ts';
import { displayTitle } from '#web/lib/nominationDisplay.ts';

export function FormalCheckNext({ nomination }: { nomination: Nomination }) {
  const navigate = useNavigate();
  const next = useQuery({
    queryKey: [...NOMINATIONS_KEY, 'next-to-check', nomination.id, nomination.state],
    queryFn: () => nextToCheck(nomination.id),
  });
  if (!next.data) return null;
  const { next: following, remaining } = next.data;
  const waitingHere = nomination.state === 'submitted';
  if (!following && !waitingHere) {
    return <Typography.Text type="secondary">形式审查：本活动已没有待审查的推介。</Typography.Text>;
  }
  return (
    <Space wrap size={[8, 4]} style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Text type="secondary">
        形式审查：{waitingHere ? '本条待审查，' : ''}另有 {remaining} 条待审查
      </Typography.Text>
      {following && (
        <Button
          onClick={() => navigate(`/nominations/${following.id}`)}
          icon={<RightOutlined />}
          iconPlacement="end"
        >
          下一条：{displayTitle({ title: following.title, category: following.category })}（
          {following.unitName}）
        </Button>
      )}
    </Space>
  );
}
