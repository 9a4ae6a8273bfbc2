/**
 * 情况说明: the objections the organiser asked this unit to explain, with the facts and the deadline (never
 * who objected), and a form to answer once with text and PDF/JPEG files.
 */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Input, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { formatChineseDate as day } from '#core/calendar/format.ts';
import {
  answerExplanation,
  EXPLANATIONS_KEY,
  type ExplanationRequest,
  objectionFileUrl,
  useExplanationRequests,
} from '#web/api/objections.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { PageLoading } from '../PageLoading.tsx';

export function ExplanationRequests() {
  const { data, isLoading, error } = useExplanationRequests();
  if (isLoading) return <PageLoading />;
  if (error || !data) return <Alert type="error" title="加载失败，请刷新后重试" />;
  if (data.length === 0) return <Empty description="组织单位没有要求本单位就异议说明情况" />;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {data.map((r) => (
        <RequestCard key={r.objectionId} request={r} />
      ))}
    </Space>
  );
}

function RequestCard({ request: r }: { request: ExplanationRequest }) {
  return (
    <Card
      title={
        <Space wrap size={8}>
          <span>关于「{r.entryName}」的异议</span>
          {r.explainedAt ? (
            <Tag color="green">已提交说明</Tag>
          ) : (
            <Tag color={r.overdue ? 'red' : 'orange'}>
              {r.overdue
                ? `已逾期（应于${r.due ? day(r.due) : ''}前说明）`
                : `请于${r.due ? day(r.due) : ''}前说明`}
            </Tag>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{r.announcementTitle}</Typography.Paragraph>
      <Typography.Title level={5}>异议事实和理由</Typography.Title>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {r.facts}
      </Typography.Paragraph>
      {r.question && (
        <>
          <Typography.Title level={5}>组织单位要求说明的内容</Typography.Title>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{r.question}</Typography.Paragraph>
        </>
      )}
      {r.explanation && (
        <Alert
          type="success"
          title="本单位的情况说明"
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.explanation}</div>
              {r.files.map((f) => (
                <div key={f.id}>
                  <a href={objectionFileUrl(r.objectionId, f.id)} target="_blank" rel="noreferrer">
                    {f.fileName}
                  </a>
                </div>
              ))}
            </>
          }
        />
      )}
      {r.mayAnswer && <AnswerForm id={r.objectionId} />}
    </Card>
  );
}

function AnswerForm({ id }: { id: string }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Input.TextArea
        aria-label="情况说明"
        placeholder="请如实说明情况（至少 10 个字）"
        value={text}
        onChange={(e) => setText(e.target.value)}
        autoSize={{ minRows: 4, maxRows: 12 }}
      />
      <Upload
        accept=".pdf,.jpg,.jpeg,application/pdf,image/jpeg"
        multiple
        maxCount={5}
        fileList={files.map((f, i) => ({ uid: String(i), name: f.name, status: 'done' as const }))}
        onRemove={(file) => setFiles(files.filter((_, i) => String(i) !== file.uid))}
        beforeUpload={(file) => {
          setFiles((prev) => [...prev, file].slice(0, 5));
          return Upload.LIST_IGNORE;
        }}
      >
        <Button>添加证明材料（PDF 或 JPG，最多 5 个，每个不超过 10 MB）</Button>
      </Upload>
      <Button
        type="primary"
        loading={busy}
        disabled={text.trim().length < 10}
        onClick={async () => {
          setBusy(true);
          try {
            await answerExplanation(id, text, files);
            message.success('情况说明已提交');
            await queryClient.invalidateQueries({ queryKey: EXPLANATIONS_KEY });
          } catch (err) {
            showError(err);
          } finally {
            setBusy(false);
          }
        }}
      >
        提交情况说明
      </Button>
    </Space>
  );
}
