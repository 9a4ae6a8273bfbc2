/** One published winner's 宣传活动: record one (its unit, organiser or forwarding province) and the list. */
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Breadcrumb, Button, Card, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ACTIVITIES_KEY, useActivities, useActivityWinners } from '../api/activities.ts';
import { ActivityCard } from '../components/activities/ActivityCard.tsx';
import { ActivityForm } from '../components/activities/ActivityForm.tsx';

export default function WinnerActivitiesPage() {
  const { nominationId = '' } = useParams();
  const queryClient = useQueryClient();
  const [recording, setRecording] = useState(false);
  const winners = useActivityWinners();
  const { data, isLoading, error } = useActivities({ nominationId });
  const winner = winners.data?.items.find((w) => w.nominationId === nominationId);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Breadcrumb
        items={[{ title: <Link to="/activities">宣传推介活动</Link> }, { title: winner?.name ?? '推介对象' }]}
      />
      <Card>
        <Typography.Title level={3}>{winner ? `${winner.name}的宣传活动` : '宣传活动'}</Typography.Title>
        {winner ? (
          <Typography.Paragraph type="secondary">
            {winner.campaignTitle} · {winner.unitName}
          </Typography.Paragraph>
        ) : null}
        {error ? <Typography.Text type="danger">{error.message}</Typography.Text> : null}
        {winner?.mayRecord && !recording ? (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            登记宣传活动
          </Button>
        ) : null}
        {recording ? (
          <Card size="small" title="登记宣传活动" style={{ marginTop: 12 }}>
            <ActivityForm
              nominationId={nominationId}
              record={null}
              onDone={() => {
                setRecording(false);
                void queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
              }}
            />
          </Card>
        ) : null}
      </Card>
      <Typography.Title level={4}>已登记的活动（{data?.items.length ?? 0}）</Typography.Title>
      {isLoading ? null : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {(data?.items ?? []).map((a) => (
            <ActivityCard key={a.id} activity={a} />
          ))}
          {data?.items.length === 0 ? (
            <Typography.Text type="secondary">尚未登记宣传活动。</Typography.Text>
          ) : null}
        </Space>
      )}
    </Space>
  );
}
