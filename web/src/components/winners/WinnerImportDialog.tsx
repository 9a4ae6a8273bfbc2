/**
 * Importing a published list from the template (.xlsx) or a CSV. The server checks the whole file and
 * imports nothing when any cell is wrong, so every error is shown by row and column; a record already
 * kept is updated, not added twice, and the answer says how many were new, changed or already there.
 */
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  downloadWinnersTemplate,
  importWinners,
  WINNERS_KEY,
  type WinnerImportOutcome,
} from '#web/api/winners.ts';
import { useShowError } from '#web/lib/useShowError.ts';
import { winnerYears } from '#web/lib/winnerYears.ts';
import { ImportErrorsTable } from '../ImportErrorsTable.tsx';

const MAX_BYTES = 5 * 1024 * 1024;

export function importSummary(outcome: { imported: number; updated: number; unchanged: number }): string {
  const parts = [`新增 ${outcome.imported} 条`];
  if (outcome.updated > 0) parts.push(`更新 ${outcome.updated} 条`);
  if (outcome.unchanged > 0) parts.push(`${outcome.unchanged} 条已在名单中，未重复添加`);
  return `导入完成：${parts.join('，')}`;
}

export function WinnerImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState<number | undefined>(undefined);
  const [outcome, setOutcome] = useState<WinnerImportOutcome | null>(null);
  const template = useMutation({ mutationFn: downloadWinnersTemplate, onError: showError });
  const upload = useMutation({
    mutationFn: (f: File) => importWinners(f, year),
    onSuccess: (result) => {
      setOutcome(result);
      if (result.ok) {
        message.success(importSummary(result));
        void queryClient.invalidateQueries({ queryKey: WINNERS_KEY });
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
    setYear(undefined);
    onClose();
  };
  return (
    <Modal open={open} title="导入往届入选名单" width={720} footer={null} onCancel={close} destroyOnHidden>
      {outcome?.ok ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={importSummary(outcome)} />
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
            {
              '列：年度、级别、类别、姓名/项目名称、省份或单位、工作单位或实施主体、身份证号、统一社会信用代码。身份证号和信用代码列请设为“文本”格式，否则表格软件会丢掉后几位。有任何错误时不会导入任何数据；名单中已有的记录会更新，不会重复添加。'
            }
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
            下载导入模板
          </Button>
          <Form layout="vertical" style={{ marginBottom: -24 }}>
            <Form.Item
              label="名单年度"
              htmlFor="winner-import-year"
              extra="表格没有“年度”列或年度为空时，按所选年度导入；表格中已填的年度不受影响。"
            >
              <Select
                id="winner-import-year"
                allowClear
                placeholder="按表格中的年度"
                value={year}
                onChange={(value) => setYear(value ?? undefined)}
                options={winnerYears().map((y) => ({ value: y, label: `${y}年` }))}
                style={{ maxWidth: 240 }}
              />
            </Form.Item>
          </Form>
          <Upload.Dragger
            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
            maxCount={1}
            fileList={file ? [{ uid: 'file', name: file.name, status: 'done' }] : []}
            beforeUpload={(f) => {
              const name = f.name.toLowerCase();
              if (!name.endsWith('.xlsx') && !name.endsWith('.csv'))
                message.error('请上传 .xlsx 或 .csv 文件');
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
            <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8 或 Excel 默认编码）</p>
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
        </Space>
      )}
    </Modal>
  );
}
