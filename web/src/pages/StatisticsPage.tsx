/**
 * 统计分析 for organisers: the figures of their own campaigns by year, level and province, each chart
 * with its table beside it (the table is what screen readers and the Excel export read), year on year,
 * the Excel export and the yearly report (DOCX or PDF) of one campaign.
 */
import { DownloadOutlined, FileWordOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { CAMPAIGN_LEVEL_LABELS, CAMPAIGN_LEVELS } from '#core/campaign/rules.ts';
import { PROVINCE_NAMES } from '#core/nomination/province-code.ts';
import {
  downloadYearReport,
  exportStatistics,
  type StatisticsChart,
  type StatisticsFilter,
  useStatistics,
} from '../api/statistics.ts';
import { ChartCanvas } from '../components/statistics/ChartCanvas.tsx';
import { useIsMobile } from '../lib/useIsMobile.ts';
import { useShowError } from '../lib/useShowError.ts';

function ChartCard({ chart, narrow }: { chart: StatisticsChart; narrow: boolean }) {
  const [first, ...rest] = chart.columns;
  const hasFigures = chart.rows.some((r) => r.values.some((v) => v > 0));
  const columns = [
    { title: first, dataIndex: 'label', key: 'label' },
    ...rest.map((title, i) => ({ title, dataIndex: `v${i}`, key: `v${i}`, align: 'right' as const })),
  ];
  const data = chart.rows.map((r) => ({
    key: r.label,
    label: r.label,
    ...Object.fromEntries(r.values.map((v, i) => [`v${i}`, v])),
  }));
  const headingId = `chart-${chart.key}`;
  return (
    <Card title={<span id={headingId}>{chart.title}</span>} size="small" style={{ height: '100%' }}>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {hasFigures ? (
            <ChartCanvas chart={chart} narrow={narrow} />
          ) : (
            <Empty description="暂无数据" image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </Col>
        <Col xs={24} lg={10}>
          <Table
            aria-labelledby={headingId}
            size="small"
            columns={columns}
            dataSource={data}
            pagination={data.length > 10 ? { pageSize: 10, size: 'small' } : false}
            scroll={{ x: true }}
            locale={{ emptyText: '暂无数据' }}
          />
        </Col>
      </Row>
      {chart.note ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {chart.note}
        </Typography.Paragraph>
      ) : null}
    </Card>
  );
}

export default function StatisticsPage() {
  const narrow = useIsMobile();
  const showError = useShowError();
  const [filter, setFilter] = useState<StatisticsFilter>({});
  const [reportCampaign, setReportCampaign] = useState<string>();
  const statistics = useStatistics(filter);
  const data = statistics.data;
  const year = filter.year ?? data?.years[0];
  // The first answer (no year asked) sets the newest year, so the page opens on this year's figures.
  if (data && filter.year === undefined && data.years[0] !== undefined)
    setFilter({ ...filter, year: data.years[0] });

  const exporting = useMutation({
    mutationFn: () => exportStatistics({ ...filter, year }),
    onError: showError,
  });
  const reporting = useMutation({
    mutationFn: (format: 'docx' | 'pdf') =>
      downloadYearReport(reportCampaign ?? data!.campaigns[0]!.id, format),
    onError: showError,
  });
  const campaigns = data?.campaigns ?? [];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        统计分析
      </Typography.Title>
      <Card size="small">
        <Space wrap>
          <Select
            aria-label="年度"
            style={{ width: 120 }}
            value={year}
            placeholder="年度"
            options={(data?.years ?? []).map((y) => ({ value: y, label: `${y}年` }))}
            onChange={(value: number) => setFilter({ ...filter, year: value })}
          />
          <Select
            aria-label="级别"
            style={{ width: 120 }}
            allowClear
            placeholder="全部级别"
            value={filter.level}
            options={CAMPAIGN_LEVELS.map((l) => ({ value: l, label: CAMPAIGN_LEVEL_LABELS[l] }))}
            onChange={(value?: string) => setFilter({ ...filter, level: value })}
          />
          <Select
            aria-label="省份"
            style={{ width: 160 }}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="全部省份"
            value={filter.province}
            options={Object.entries(PROVINCE_NAMES).map(([code, name]) => ({ value: code, label: name }))}
            onChange={(value?: string) => setFilter({ ...filter, province: value })}
          />
          <Button
            icon={<DownloadOutlined />}
            loading={exporting.isPending}
            onClick={() => exporting.mutate()}
          >
            导出 Excel
          </Button>
        </Space>
      </Card>
      {statistics.isError ? <Alert type="error" showIcon message="统计数据加载失败，请刷新后重试" /> : null}
      {statistics.isPending ? <Spin tip="正在统计…" /> : null}
      {data ? (
        <>
          <Row gutter={[16, 16]}>
            {data.figures.map((f) => (
              <Col xs={12} md={6} key={f.key}>
                <Card size="small">
                  <Statistic title={f.label} value={f.current} />
                  <Typography.Text type="secondary">{f.change}</Typography.Text>
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title="年度报告">
            {campaigns.length === 0 ? (
              <Typography.Text type="secondary">所选年度没有本单位组织的推介活动。</Typography.Text>
            ) : (
              <Space wrap>
                <Select
                  aria-label="推介活动"
                  style={{ width: narrow ? 300 : 420, maxWidth: '100%' }}
                  value={reportCampaign ?? campaigns[0]!.id}
                  options={campaigns.map((c) => ({ value: c.id, label: c.title }))}
                  onChange={setReportCampaign}
                />
                <Button
                  type="primary"
                  icon={<FileWordOutlined />}
                  loading={reporting.isPending && reporting.variables === 'docx'}
                  disabled={reporting.isPending}
                  onClick={() => reporting.mutate('docx')}
                >
                  生成年度报告
                </Button>
                <Button
                  loading={reporting.isPending && reporting.variables === 'pdf'}
                  disabled={reporting.isPending}
                  onClick={() => reporting.mutate('pdf')}
                >
                  生成 PDF
                </Button>
                {reporting.isPending ? (
                  <Typography.Text role="status">正在生成报告，图表较多时约需半分钟…</Typography.Text>
                ) : null}
              </Space>
            )}
          </Card>
          <Row gutter={[16, 16]}>
            {data.charts.map((chart) => (
              <Col xs={24} xl={12} key={chart.key}>
                <ChartCard chart={chart} narrow={narrow} />
              </Col>
            ))}
          </Row>
        </>
      ) : null}
    </Space>
  );
}
