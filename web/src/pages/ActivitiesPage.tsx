/**
 * 宣传推介活动 (五进): the published winners a unit or organiser looks after, with how many activities each
 * has; the month's activities as a calendar; and, for organisers, the activities by province (a list, no map).
 */
import { Card, Segmented, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { todayInShanghai } from '#core/calendar/today.ts';
import { type ActivityWinner, useActivities, useActivityWinners } from '../api/activities.ts';
import { ActivityCard } from '../components/activities/ActivityCard.tsx';
import { MonthCalendar } from '../components/activities/MonthCalendar.tsx';
import { type ResponsiveColumn, ResponsiveTable } from '../components/ResponsiveTable.tsx';

const CATEGORY_LABELS: Record<string, string> = { star: '百姓学习之星', project: '终身学习品牌项目' };
type View = 'winners' | 'calendar' | 'provinces';

function Winners() {
  const { data, isLoading } = useActivityWinners();
  const columns: ResponsiveColumn<ActivityWinner>[] = [
    {
      title: '推介对象',
      key: 'name',
      render: (_, w) => <Link to={`/activities/winners/${w.nominationId}`}>{w.name}</Link>,
    },
    { title: '类别', key: 'category', render: (_, w) => CATEGORY_LABELS[w.category] ?? w.category },
    { title: '推介活动', dataIndex: 'campaignTitle', key: 'campaign' },
    { title: '省份', dataIndex: 'provinceName', key: 'province' },
    { title: '已登记活动', key: 'activities', render: (_, w) => `${w.activities}次` },
  ];
  return (
    <ResponsiveTable<ActivityWinner>
      rowKey="nominationId"
      loading={isLoading}
      dataSource={data?.items ?? []}
      columns={columns}
      pagination={false}
      emptyText="暂无已公布的推介对象"
    />
  );
}

function Calendar() {
  // This month in Beijing, whatever the browser's time zone.
  const [month, setMonth] = useState(() => todayInShanghai(new Date()).slice(0, 7));
  const { data } = useActivities({ month });
  return <MonthCalendar month={month} onMonth={setMonth} activities={data?.items ?? []} />;
}

function Provinces() {
  const { data, isLoading } = useActivities({});
  const [provinceId, setProvinceId] = useState<string | null>(null);
  const items = (data?.items ?? []).filter((a) => !provinceId || a.provinceId === provinceId);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table
        size="small"
        rowKey="id"
        loading={isLoading}
        pagination={false}
        dataSource={data?.provinces ?? []}
        columns={[
          { title: '省份', dataIndex: 'name', key: 'name' },
          { title: '活动次数', dataIndex: 'activities', key: 'activities' },
          {
            title: '参与人数',
            dataIndex: 'audience',
            key: 'audience',
            render: (n: number) => `${n.toLocaleString('zh-CN')}人次`,
          },
        ]}
        onRow={(row) => ({ onClick: () => setProvinceId(row.id === provinceId ? null : row.id) })}
        locale={{ emptyText: '暂无宣传活动' }}
      />
      {provinceId ? (
        <Tag closable onClose={() => setProvinceId(null)}>
          只看所选省份
        </Tag>
      ) : null}
      {items.map((a) => (
        <ActivityCard key={a.id} activity={a} showWinner />
      ))}
    </Space>
  );
}

export default function ActivitiesPage() {
  const [view, setView] = useState<View>('winners');
  return (
    <Card>
      <Typography.Title level={3}>宣传推介活动</Typography.Title>
      <Typography.Paragraph type="secondary">
        已公布的“百姓学习之星”和“终身学习品牌项目”走进校园、社区、企业、军营、乡村的宣传活动，由推介对象所在单位或组织单位登记。
      </Typography.Paragraph>
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'winners', label: '推介对象' },
          { value: 'calendar', label: '活动日历' },
          { value: 'provinces', label: '按省份' },
        ]}
        style={{ marginBottom: 16 }}
      />
      {view === 'winners' ? <Winners /> : view === 'calendar' ? <Calendar /> : <Provinces />}
    </Card>
  );
}
