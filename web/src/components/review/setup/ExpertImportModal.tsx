/**
 * 从表格导入专家: the template, then an all-or-nothing import; every bad row comes back with its row number
 * so the sheet is fixed once.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { downloadExpertTemplate, type ExpertImportOutcome, importExperts } from '#web/api/review-setup.ts';
import { ImportErrorsTable } from '#web/components/ImportErrorsTable.tsx';
import { useShowError } from '#web/lib/useShowError.ts';
import { ImportedPasswords } from './ImportedPasswords.tsx';

const MAX_BYTES = 5 * 1024 * 1024;

export function ExpertImportModal({
  campaignId,
  open,
  onClose,
  onImported,
}: {
  campaignId: string;
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { message } = App.useApp();
  const showError = useShowError();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<ExpertImportOutcome | null>(null);
  const template = useMutation({ mutationFn: () => downloadExpertTemplate(campaignId), onError: showError });
  const upload = useMutation({
    mutationFn: (f: File) => importExperts(campaignId, f),
    onSuccess: (result) => {
      setOutcome(result);
      if (result.ok) {
        message.success(`已导入 ${result.result.imported} 名专家`);
        onImported();
      }
    },
    onError: showError,
  });
  const reset = () => {
    setFile(null);
    setOutcome(null);
    upload.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const warnings = outcome?.ok ? outcome.result.findings.filter((f) => f.severity !== 'error') : [];

  return (
    <Modal
      open={open}
      title="从表格导入评审专家"
      width={720}
      footer={null}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {outcome?.ok ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`导入完成：${outcome.result.imported} 名专家已加入专家库`} />
          {warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title="请留意"
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {warnings.map((f) => (
                    <li key={`${f.row}:${f.field}:${f.message}`}>
                      {f.row ? `第 ${f.row} 行：` : ''}
                      {f.message}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <ImportedPasswords accounts={outcome.result.accounts ?? []} />
          <Space>
            <Button onClick={reset}>继续导入</Button>
            <Button type="primary" onClick={close}>
              完成
            </Button>
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            请先下载模板，每行一名专家（已有账号的填用户名，没有账号的将新建）。身份证号和信用代码列请设为“文本”格式，否则表格软件会丢掉后几位。有任何错误时不会导入任何数据。
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
            下载导入模板
          </Button>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              if (!f.name.toLowerCase().endsWith('.xlsx')) message.error('请上传 .xlsx 文件（可用模板填写）');
              else if (f.size > MAX_BYTES) message.error('文件超过 5 MB，请拆分后分批导入');
              else {
                setFile(f);
                setOutcome(null);
              }
              return false;
            }}
            onRemove={() => {
              setFile(null);
              setOutcome(null);
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽文件到此处</p>
            <p className="ant-upload-hint">支持 .xlsx</p>
          </Upload.Dragger>
          <Button
            type="primary"
            block
            disabled={!file}
            loading={upload.isPending}
            onClick={() => file && upload.mutate(file)}
          >
            {upload.isPending ? '正在导入并计算回避…' : '开始导入'}
          </Button>
          {outcome && !outcome.ok && <ImportErrorsTable message={outcome.message} errors={outcome.errors} />}
        </Space>
      )}
    </Modal>
  );
}
