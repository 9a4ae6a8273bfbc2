/** Asks the nominating unit to explain within some working days; it sees the facts, never the objector. */
import { App, Button, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { type ObjectionDetail, requestExplanation } from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';

export function RequestExplanationForm({
  id,
  onDone,
}: {
  id: string;
  onDone: (next: ObjectionDetail) => void;
}) {
  const [days, setDays] = useState(3);
  const [question, setQuestion] = useState('');
  const [busy, setBusy] = useState(false);
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text strong>要求报送单位说明情况</Typography.Text>
      <Typography.Text type="secondary">报送单位能看到异议事实，看不到异议人信息。</Typography.Text>
      <Input.TextArea
        aria-label="需要说明的内容"
        placeholder="需要报送单位说明的内容（可选）"
        value={question}
        onChange={(e) => setQuestion(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 5 }}
      />
      <Space wrap>
        <span>期限</span>
        <InputNumber
          aria-label="说明期限（工作日）"
          min={1}
          max={10}
          value={days}
          onChange={(v) => setDays(v ?? 3)}
        />
        <span>个工作日</span>
        <Button
          loading={busy}
          onClick={async () => {
            setBusy(true);
            try {
              onDone(await requestExplanation(id, days, question));
              message.success('已通知报送单位');
            } catch (err) {
              showError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          发送要求
        </Button>
      </Space>
    </Space>
  );
}
