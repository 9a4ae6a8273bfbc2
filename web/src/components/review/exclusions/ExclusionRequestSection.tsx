/**
 * 申请专家回避: the reporting unit names up to 3 experts of the campaign's pool (names and work units only)
 * who should not review its nomination, each with a reason. The organiser sees the request among the
 * conflicts; experts never see who asked.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Nomination } from '#web/api/nominations.ts';
import {
  type ExclusionRequest,
  type ExclusionsResponse,
  exclusionsKey,
  saveExclusions,
  useExclusions,
} from '#web/api/review-setup.ts';
import { RefusalAlert } from '../setup/RefusalAlert.tsx';

/** The states in which a nomination awaits review: before, there is nothing to review; after, it is decided. */
const REVIEW_STATES: readonly Nomination['state'][] = ['submitted', 'accepted'];

function ExclusionForm({
  nominationId,
  data,
  onDone,
}: {
  nominationId: string;
  data: ExclusionsResponse;
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ requests: ExclusionRequest[] }>();
  const save = useMutation({
    mutationFn: async () => {
      const { requests = [] } = await form.validateFields();
      return saveExclusions(
        nominationId,
        requests.map((r) => ({ expertId: r.expertId, reason: r.reason.trim() })),
      );
    },
    onSuccess: (next) => {
      queryClient.setQueryData(exclusionsKey(nominationId), next);
      message.success(next.requests.length === 0 ? '已撤回回避申请' : '回避申请已保存');
      onDone();
    },
  });
  const refusal = save.error && !('errorFields' in (save.error as object)) ? save.error : null;
  const options = data.experts.map((e) => ({
    value: e.expertId,
    label: e.employerName ? `${e.name}（${e.employerName}）` : e.name,
  }));
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ requests: data.requests.map((r) => ({ expertId: r.expertId, reason: r.reason })) }}
    >
      <Form.List name="requests">
        {(fields, { add, remove }) => (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {fields.map(({ key, name }) => (
              <Card key={key} size="small">
                <Form.Item
                  name={[name, 'expertId']}
                  label="专家"
                  rules={[
                    { required: true, message: '请选择申请回避的专家' },
                    ({ getFieldValue }) => ({
                      validator: (_, value: string | undefined) =>
                        value &&
                        (getFieldValue('requests') as ExclusionRequest[]).filter((r) => r?.expertId === value)
                          .length > 1
                          ? Promise.reject(new Error('同一名专家已在申请回避名单中，请勿重复填写'))
                          : Promise.resolve(),
                    }),
                  ]}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    placeholder="选择专家"
                    options={options}
                  />
                </Form.Item>
                <Form.Item
                  name={[name, 'reason']}
                  label="理由"
                  rules={[{ required: true, whitespace: true, message: '请写明申请该专家回避的理由' }]}
                  style={{ marginBottom: 8 }}
                >
                  <Input.TextArea rows={2} maxLength={500} showCount />
                </Form.Item>
                <Button danger size="small" icon={<DeleteOutlined />} onClick={() => remove(name)}>
                  删除
                </Button>
              </Card>
            ))}
            {fields.length < data.maximum ? (
              <Button icon={<PlusOutlined />} onClick={() => add({ expertId: undefined, reason: '' })}>
                添加申请回避的专家
              </Button>
            ) : (
              <Typography.Text type="secondary">每项推介最多申请 {data.maximum} 名专家回避。</Typography.Text>
            )}
          </Space>
        )}
      </Form.List>
      <div style={{ marginTop: 12 }}>
        <RefusalAlert error={refusal} />
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button type="primary" loading={save.isPending} onClick={() => save.mutate()}>
          保存回避申请
        </Button>
        <Button onClick={onDone}>取消</Button>
      </Space>
    </Form>
  );
}

/**
 * Shown while the campaign is 评审中 (when the organiser forms the pool, on the 专家评审 tab) and the
 * nomination awaits review.
 */
export function ExclusionRequestSection({
  nomination,
  campaignStatus,
}: {
  nomination: Nomination;
  campaignStatus: string;
}) {
  const enabled = campaignStatus === 'reviewing' && REVIEW_STATES.includes(nomination.state);
  const { data, error } = useExclusions(nomination.id, enabled);
  const [editing, setEditing] = useState(false);
  // No pool yet, or the campaign does not take requests: nothing to show the unit.
  if (!enabled || error || !data || (data.experts.length === 0 && data.requests.length === 0)) return null;
  return (
    <Card
      size="small"
      title="申请专家回避"
      extra={
        data.editable &&
        !editing && (
          <Button size="small" onClick={() => setEditing(true)}>
            {data.requests.length === 0 ? '申请回避' : '修改'}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        如评审专家与本推介有利害关系，可申请其回避，最多 {data.maximum}{' '}
        名，每名须写明理由。专家名单仅供申请回避使用。
      </Typography.Paragraph>
      {editing ? (
        <ExclusionForm nominationId={nomination.id} data={data} onDone={() => setEditing(false)} />
      ) : data.requests.length === 0 ? (
        <Typography.Text>未申请专家回避。</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={data.requests}
          renderItem={(r) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text strong>{r.name}</Typography.Text>：{r.reason}
            </List.Item>
          )}
        />
      )}
      {!data.editable && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          目前不能修改回避申请（评审已开始）；如有特殊情况，请联系组织单位。
        </Typography.Paragraph>
      )}
    </Card>
  );
}
