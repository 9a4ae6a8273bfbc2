/** One recorded activity: what, when, where, who, how many, the report, its photos and what may be done. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Image, Popconfirm, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { ACTIVITY_KINDS } from '#core/activities/kinds.ts';
import { ACTIVITY_PHOTOS_MAX } from '#core/activities/photo.ts';
import {
  ACTIVITIES_KEY,
  type Activity,
  deleteActivity,
  deleteActivityPhoto,
  uploadActivityPhoto,
} from '#web/api/activities.ts';
import { formatDate } from '#web/format.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { ActivityForm } from './ActivityForm.tsx';

export function ActivityCard({ activity, showWinner }: { activity: Activity; showWinner?: boolean }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ACTIVITIES_KEY });
  const mayEdit = activity.actions.includes('edit');

  const addPhoto = useMutation({
    mutationFn: (file: File) => uploadActivityPhoto(activity.id, file),
    onSuccess: () => {
      message.success('照片已上传');
      void refresh();
    },
    onError: showError,
  });
  const removePhoto = useMutation({
    mutationFn: (photoId: string) => deleteActivityPhoto(activity.id, photoId),
    onSuccess: () => void refresh(),
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: () => deleteActivity(activity.id, activity.version),
    onSuccess: () => {
      message.success('宣传活动已删除');
      void refresh();
    },
    onError: showError,
  });

  const title = `${formatDate(activity.occurredOn)} ${activity.form}`;
  if (editing)
    return (
      <Card title={`修改：${title}`} size="small">
        <ActivityForm
          nominationId={activity.nominationId}
          record={activity}
          onDone={() => {
            setEditing(false);
            void refresh();
          }}
        />
      </Card>
    );

  return (
    <Card
      size="small"
      title={
        <Space wrap size={4}>
          <Tag color="green">{ACTIVITY_KINDS[activity.kind]}</Tag>
          <span style={{ whiteSpace: 'normal' }}>{title}</span>
        </Space>
      }
      extra={
        mayEdit ? (
          <Space size={0} wrap>
            <Button type="link" size="small" onClick={() => setEditing(true)}>
              修改
            </Button>
            <Popconfirm
              title="删除这次宣传活动？"
              description="活动记录和照片一并删除。"
              okText="删除"
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutateAsync().catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                删除
              </Button>
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          ...(showWinner
            ? [
                {
                  key: 'winner',
                  label: '推介对象',
                  children: `${activity.winnerName}（${activity.provinceName}）`,
                },
              ]
            : []),
          { key: 'place', label: '地点', children: activity.place },
          { key: 'host', label: '主办单位', children: activity.host },
          {
            key: 'audience',
            label: '参与人数',
            children: `${activity.audience.toLocaleString('zh-CN')}人次`,
          },
          { key: 'by', label: '登记人', children: activity.recordedByName },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8, marginBottom: 8 }}>{activity.report}</Typography.Paragraph>
      <Space wrap size={8}>
        <Image.PreviewGroup>
          {activity.photos.map((p) => (
            <Space key={p.id} direction="vertical" size={0} align="center">
              <Image
                src={p.publicUrl}
                preview={{ src: p.url }}
                width={120}
                height={80}
                style={{ objectFit: 'cover' }}
                alt={`活动照片：${p.fileName}`}
              />
              {mayEdit ? (
                <Button
                  type="link"
                  size="small"
                  danger
                  aria-label={`删除照片 ${p.fileName}`}
                  onClick={() => removePhoto.mutate(p.id)}
                >
                  删除照片
                </Button>
              ) : null}
            </Space>
          ))}
        </Image.PreviewGroup>
        {mayEdit && activity.photos.length < ACTIVITY_PHOTOS_MAX ? (
          <Upload
            accept="image/jpeg,image/png"
            showUploadList={false}
            beforeUpload={(file) => {
              addPhoto.mutate(file);
              return false;
            }}
          >
            <Button icon={<PlusOutlined />} loading={addPhoto.isPending}>
              添加照片
            </Button>
          </Upload>
        ) : null}
      </Space>
    </Card>
  );
}
