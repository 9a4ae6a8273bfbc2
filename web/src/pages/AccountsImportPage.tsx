/**
 * 批量导入: download the template, fill it in Excel, upload it. The server checks the whole sheet and
 * imports nothing if any row is wrong, so the page shows either the full error list or the result.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadTemplate, type ImportOutcome, importAccounts } from '../api/imports.ts';
import { ImportErrorsTable } from '../components/ImportErrorsTable.tsx';
import { ImportResultView } from '../components/ImportResultView.tsx';
import { useShowError } from '../lib/useShowError.ts';

// The server refuses files over 5 MB (PAYLOAD_TOO_LARGE); saying so before uploading saves the wait.
const MAX_BYTES = 5 * 1024 * 1024;

export default function AccountsImportPage() {
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  const template = useMutation({ mutationFn: downloadTemplate, onError: showError });
  const upload = useMutation({
    mutationFn: (f: File) => importAccounts(f),
    onSuccess: (result) => setOutcome(result),
    onError: showError,
  });

  function again() {
    setFile(null);
    setOutcome(null);
    upload.reset();
  }

  if (outcome?.ok) {
    return (
      <Card title="批量导入组织与账号">
        <ImportResultView result={outcome.result} onAgain={again} />
      </Card>
    );
  }

  return (
    <Card title="批量导入组织与账号">
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <Steps
          orientation="vertical"
          size="small"
          current={file ? 2 : 0}
          items={[
            { title: '下载模板', content: '模板中说明了每一列的填写要求。' },
            { title: '填写并上传', content: '上传填好的 .xlsx 文件，单个文件不超过 5 MB。' },
            { title: '查看结果', content: '有任何错误时不会导入任何数据；全部正确才会一次性导入。' },
          ]}
        />
        <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
          下载导入模板
        </Button>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
          beforeUpload={(f) => {
            if (!f.name.toLowerCase().endsWith('.xlsx')) {
              message.error('请上传 .xlsx 格式的 Excel 文件');
            } else if (f.size > MAX_BYTES) {
              message.error('文件超过 5 MB，请拆分后分批导入');
            } else {
              setFile(f);
              setOutcome(null);
            }
            return false; // upload on the button below, not on drop
          }}
          onRemove={() => {
            setFile(null);
            setOutcome(null);
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击或拖拽 Excel 文件到此处</p>
          <p className="ant-upload-hint">仅支持 .xlsx 格式</p>
        </Upload.Dragger>
        <Button
          type="primary"
          block
          disabled={!file}
          loading={upload.isPending}
          onClick={() => file && upload.mutate(file)}
        >
          开始导入
        </Button>
        {outcome && !outcome.ok && <ImportErrorsTable message={outcome.message} errors={outcome.errors} />}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          导入的账号须在您有权管理的组织范围内；新账号的初始密码只显示一次。
        </Typography.Text>
      </Space>
    </Card>
  );
}
