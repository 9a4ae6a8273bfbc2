/**
 * 往届入选名单: the people and programmes already honoured, which are not nominated again. Organisers
 * search it and add to it from the Excel template; the server checks the whole file and imports nothing
 * when any cell is wrong, so the page shows every error by row and column (as the accounts import does).
 */
import { DownloadOutlined, InboxOutlined, SearchOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Segmented, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { CAMPAIGN_LEVEL_LABELS, type Category } from '../../../src/core/campaign/rules.ts';
import {
  downloadWinnersTemplate,
  importWinners,
  type PreviousWinner,
  useWinners,
  WINNERS_KEY,
  type WinnerImportOutcome,
} from '../api/winners.ts';
import { ImportErrorsTable } from '../components/ImportErrorsTable.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useDebounced } from '../lib/useDebounced.ts';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';

const MAX_BYTES = 5 * 1024 * 1024;
const CATEGORY_LABELS: Record<string, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };
const levelLabel = (level: string) => (CAMPAIGN_LEVEL_LABELS as Record<string, string>)[level] ?? level;

function ImportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<WinnerImportOutcome | null>(null);
  const template = useMutation({ mutationFn: downloadWinnersTemplate, onError: showError });
  const upload = useMutation({
    mutationFn: (f: File) => importWinners(f),
    onSuccess: (result) => {
      setOutcome(result);
      if (result.ok) {
        message.success(`已导入 ${result.imported} 条`);
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
  return (
    <Modal
      open={open}
      title="导入往届入选名单"
      width={720}
      footer={null}
      onCancel={() => {
        reset();
        onClose();
      }}
      destroyOnHidden
    >
      {outcome?.ok ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="success" showIcon title={`导入成功，共 ${outcome.imported} 条`} />
          <Space>
            <Button onClick={reset}>继续导入</Button>
            <Button
              type="primary"
              onClick={() => {
                reset();
                onClose();
              }}
            >
              完成
            </Button>
          </Space>
        </Space>
      ) : (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            列：年度、级别、类别、姓名/项目名称、省份或单位、工作单位或实施主体、身份证号、统一社会信用代码。
            有任何错误时不会导入任何数据。
          </Typography.Paragraph>
          <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
            下载导入模板
          </Button>
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
            <p className="ant-upload-hint">支持 .xlsx 和 .csv（UTF-8）</p>
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

export default function WinnersPage() {
  const isMobile = useIsMobile();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<Category | 'all'>('all');
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const q = useDebounced(search.trim(), 300);
  const pageSize = 20;
  const { data, isFetching } = useWinners({
    q: q || undefined,
    category: category === 'all' ? undefined : category,
    page,
    pageSize,
  });

  const columns: ResponsiveColumn<PreviousWinner>[] = [
    {
      key: 'name',
      title: '姓名/项目名称',
      dataIndex: 'name',
      cardRole: 'title',
      render: (name: string) => <span style={{ overflowWrap: 'anywhere' }}>{name}</span>,
    },
    { key: 'year', title: '年度', dataIndex: 'year', width: 80 },
    {
      key: 'level',
      title: '级别',
      dataIndex: 'level',
      width: 90,
      render: (level: string) => levelLabel(level),
    },
    {
      key: 'category',
      title: '类别',
      dataIndex: 'category',
      width: 150,
      render: (c: string) => <Tag color={c === 'star' ? 'blue' : 'green'}>{CATEGORY_LABELS[c] ?? c}</Tag>,
    },
    { key: 'provinceOrUnit', title: '省份或单位', dataIndex: 'provinceOrUnit' },
    { key: 'workUnit', title: '工作单位或实施主体', dataIndex: 'workUnit' },
    {
      key: 'identifier',
      title: '身份证号/信用代码',
      dataIndex: 'idNumber',
      render: (_: unknown, w: PreviousWinner) => w.idNumber ?? w.creditCode ?? '—',
    },
  ];

  return (
    <Card
      title="往届入选名单"
      extra={
        <Button type="primary" icon={<UploadOutlined />} onClick={() => setImporting(true)}>
          {isMobile ? '导入' : '导入名单'}
        </Button>
      }
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          已获评“百姓学习之星”“终身学习品牌项目”的人员和项目不再推介；各单位填写推介表时将与此名单比对。
        </Typography.Text>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
          <Input
            allowClear
            prefix={<SearchOutlined />}
            placeholder="姓名、项目名称或单位"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(1);
            }}
            style={{ width: isMobile ? '100%' : 280 }}
          />
          <Segmented
            value={category}
            onChange={(value) => {
              setCategory(value as Category | 'all');
              setPage(1);
            }}
            options={[
              { value: 'all', label: '全部' },
              { value: 'star', label: '学习之星' },
              { value: 'project', label: '品牌项目' },
            ]}
          />
        </div>
        <ResponsiveTable<PreviousWinner>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          scrollX={960}
          emptyText={q ? '没有找到匹配的记录' : '名单为空，请导入往届入选名单'}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            showSizeChanger: false,
            showTotal: (total) => `共 ${total} 条`,
            onChange: setPage,
          }}
        />
      </Space>
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Card>
  );
}
