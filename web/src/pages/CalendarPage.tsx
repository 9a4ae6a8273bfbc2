/**
 * 工作日历: the State Council schedule for a year as this organisation's calendar sees it, its own
 * adjustments (add, delete), confirming a year the State Council has not published yet, and a working-day
 * calculator. The grid and lists come from core's createWorkCalendar, the same code the server counts with.
 */
import { DeleteOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import {
  checkCalendarSettings,
  createWorkCalendar,
  formatChineseDate,
  formatChineseWeekday,
  OFFICIAL_YEARS,
  todayInShanghai,
  unknownYearFinding,
} from '#core/calendar/index.ts';
import {
  addOverride,
  CALENDAR_KEY,
  type CalendarOverrideRow,
  type CalendarYearStatus,
  confirmYear,
  deleteOverride,
  getCalendarYear,
  unconfirmYear,
} from '../api/calendar.ts';
import { PeriodCalculator } from '../components/calendar/PeriodCalculator.tsx';
import { SpecialDays } from '../components/calendar/SpecialDays.tsx';
import { DAY_STYLES, YearGrid } from '../components/calendar/YearGrid.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';
import { useShowError } from '../lib/useShowError.ts';

const STATUS: Record<CalendarYearStatus, { label: string; color: string }> = {
  official: { label: '国务院已发布', color: 'green' },
  confirmed: { label: '已由组织方确认', color: 'blue' },
  unknown: { label: '未知', color: 'red' },
};

const KIND_LABELS = { holiday: '放假', workday: '上班' } as const;

interface OverrideValues {
  date: Dayjs;
  kind: 'holiday' | 'workday';
  note?: string;
}

export default function CalendarPage() {
  const today = todayInShanghai(new Date());
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1900 && asked <= 9999 ? asked : Number(today.slice(0, 4));
  const setYear = (next: number) => setParams({ year: String(next) }, { replace: true });
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<OverrideValues>();
  const { data, isLoading } = useQuery({
    queryKey: [...CALENDAR_KEY, year],
    queryFn: () => getCalendarYear(year),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: CALENDAR_KEY });

  const settings = useMemo(() => {
    if (!data) return null;
    const value = {
      overrides: data.overrides.map(({ date, kind }) => ({ date, kind })),
      confirmedYears: data.confirmedYears,
    };
    return checkCalendarSettings(value).length === 0 ? value : { confirmedYears: data.confirmedYears };
  }, [data]);
  const calendar = useMemo(() => createWorkCalendar(settings ?? {}), [settings]);
  const status: CalendarYearStatus = data?.status ?? calendar.yearStatus(year);

  const add = useMutation({
    mutationFn: (values: OverrideValues) =>
      addOverride({
        date: values.date.format('YYYY-MM-DD'),
        kind: values.kind,
        note: values.note?.trim() ?? '',
      }),
    onSuccess: (override) => {
      message.success(`已将 ${formatChineseDate(override.date)} 调整为${KIND_LABELS[override.kind]}`);
      form.resetFields(['date', 'note']);
      void refresh();
    },
    onError: showError,
  });
  const remove = useMutation({
    mutationFn: (override: CalendarOverrideRow) => deleteOverride(override.id),
    onSuccess: () => {
      message.success('已删除调整');
      void refresh();
    },
    onError: showError,
  });
  const confirm = useMutation({
    mutationFn: (confirmed: boolean) => (confirmed ? confirmYear(year) : unconfirmYear(year)),
    onSuccess: (_, confirmed) => {
      message.success(confirmed ? `已确认${year}年的工作日安排` : `已取消确认${year}年`);
      void refresh();
    },
    onError: showError,
  });

  const columns: ResponsiveColumn<CalendarOverrideRow>[] = [
    {
      key: 'date',
      title: '日期',
      dataIndex: 'date',
      cardRole: 'title',
      width: 200,
      render: (date: string) => `${formatChineseDate(date)}（${formatChineseWeekday(date)}）`,
    },
    {
      key: 'kind',
      title: '调整为',
      dataIndex: 'kind',
      width: 90,
      render: (kind: CalendarOverrideRow['kind']) => (
        <Tag color={kind === 'holiday' ? 'purple' : 'blue'}>{KIND_LABELS[kind] ?? kind}</Tag>
      ),
    },
    { key: 'note', title: '说明', dataIndex: 'note' },
    { key: 'createdBy', title: '添加人', dataIndex: 'createdBy', width: 140 },
    {
      key: 'actions',
      title: '操作',
      cardRole: 'actions',
      width: 80,
      render: (_, row) => (
        <Popconfirm
          title={`删除 ${formatChineseDate(row.date)} 的调整？`}
          okText="删除"
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutateAsync(row).catch(() => undefined)}
        >
          <Button type="link" size="small" danger icon={<DeleteOutlined />}>
            删除
          </Button>
        </Popconfirm>
      ),
    },
  ];

  const overrides = data?.overrides ?? [];
  const official = OFFICIAL_YEARS.has(year);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title="工作日历"
        loading={isLoading}
        extra={
          <Space size={4}>
            <Button aria-label="上一年" icon={<LeftOutlined />} onClick={() => setYear(year - 1)} />
            <InputNumber
              aria-label="年份"
              value={year}
              min={1900}
              max={9999}
              precision={0}
              style={{ width: 96 }}
              suffix="年"
              onChange={(y) => typeof y === 'number' && y >= 1900 && setYear(y)}
            />
            <Button aria-label="下一年" icon={<RightOutlined />} onClick={() => setYear(year + 1)} />
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 12 }}>
          <span>{year}年工作日安排：</span>
          <Tag color={STATUS[status].color}>{STATUS[status].label}</Tag>
          {status === 'unknown' && (
            <Popconfirm
              title={`确认${year}年的工作日安排？`}
              description="确认后，该年按周一至周五上班计算，再加上本单位添加的放假和调休上班日期。请先添加该年的全部节假日调整。"
              okText="确认"
              onConfirm={() => confirm.mutateAsync(true).catch(() => undefined)}
            >
              <Button type="primary" size="small">
                确认该年安排
              </Button>
            </Popconfirm>
          )}
          {status === 'confirmed' && !official && (
            <Popconfirm
              title={`取消确认${year}年？`}
              description="取消后，涉及该年的公示期将无法计算，直到再次确认或国务院安排收录。"
              okText="取消确认"
              onConfirm={() => confirm.mutateAsync(false).catch(() => undefined)}
            >
              <Button size="small">取消确认</Button>
            </Popconfirm>
          )}
        </Space>
        {status === 'unknown' && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={unknownYearFinding(year).message}
          />
        )}
        {status === 'confirmed' && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${year}年的国务院节假日安排尚未收录，本单位已确认按周一至周五加下方调整计算。国务院安排发布后请核对调整。`}
          />
        )}
        <Space wrap size={[12, 4]} style={{ marginBottom: 12, fontSize: 12 }}>
          {(['official-holiday', 'official-workday', 'override-holiday', 'override-workday'] as const).map(
            (k) => (
              <span key={k}>
                <span
                  style={{
                    display: 'inline-block',
                    width: 12,
                    height: 12,
                    borderRadius: 2,
                    background: DAY_STYLES[k].background,
                    border: `1px solid ${DAY_STYLES[k].color}`,
                    marginInlineEnd: 4,
                    verticalAlign: -2,
                  }}
                />
                {DAY_STYLES[k].label}
              </span>
            ),
          )}
        </Space>
        <YearGrid year={year} calendar={calendar} />
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${year}年国务院节假日安排`} style={{ height: '100%' }}>
            {status === 'unknown' || (status === 'confirmed' && !official) ? (
              <Typography.Text type="secondary">尚未收录该年的国务院安排。</Typography.Text>
            ) : (
              <SpecialDays year={year} calendar={createWorkCalendar({ confirmedYears: [year] })} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={`本单位的调整（${year}年）`} style={{ height: '100%' }}>
            <Form<OverrideValues>
              form={form}
              layout="inline"
              initialValues={{ kind: 'holiday' }}
              onFinish={(values) => add.mutate(values)}
              style={{ rowGap: 8, marginBottom: 12 }}
            >
              <Form.Item name="date" rules={[{ required: true, message: '请选择日期' }]}>
                <DatePicker format="YYYY年M月D日" placeholder="日期" />
              </Form.Item>
              <Form.Item name="kind">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'holiday', label: '放假' },
                    { value: 'workday', label: '上班' },
                  ]}
                />
              </Form.Item>
              <Form.Item name="note">
                <Input placeholder="说明（选填）" maxLength={100} style={{ width: 180 }} />
              </Form.Item>
              <Form.Item>
                <Button type="primary" htmlType="submit" loading={add.isPending}>
                  添加
                </Button>
              </Form.Item>
            </Form>
            <ResponsiveTable<CalendarOverrideRow>
              rowKey="id"
              columns={columns}
              dataSource={overrides}
              pagination={false}
              emptyText="该年没有调整"
            />
          </Card>
        </Col>
      </Row>

      <Card size="small" title="工作日计算">
        <PeriodCalculator initialFrom={today} settings={settings} />
      </Card>
    </Space>
  );
}
