/**
 * 首页: a greeting that names the account's roles and organisation, the to-do list of each of its roles
 * (a clerk's returned nominations, deadlines, extensions and paper; an organiser's formal checks and
 * paper), and shortcuts to what its permissions open.
 */
import { Alert, Card, Col, Row, Space, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ROLES, type Role } from '#core/accounts/roles.ts';
import { beijingTime } from '#core/calendar/beijing-time.ts';
import { useWorklist } from '../api/worklist.ts';
import { useCurrentMe } from '../auth/useMe.ts';
import { OrganiserWorklist } from '../components/home/OrganiserWorklist.tsx';
import { UnitWorklist } from '../components/home/UnitWorklist.tsx';
import { visibleEntries } from '../layout/nav.tsx';

const ROLE_HINTS: Record<Role, string> = {
  platform_admin: '维护平台的组织机构与账号，查看审计日志，保障平台运行。',
  organiser_admin: '管理本单位及下级报送单位、分配账号，组织推介活动。',
  unit_submitter: '推介活动开放后，在此填报本单位的百姓学习之星与终身学习品牌项目。',
  expert: '评审任务分配后，在此查看推介材料并评分。',
  approver: '拟推介名单提交后，在此进行审定。',
};

function greeting(now: Date): string {
  const hour = beijingTime(now)?.hour ?? 12;
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 14) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const me = useCurrentMe();
  const navigate = useNavigate();
  const shortcuts = visibleEntries(me).filter((entry) => entry.path !== '/');
  const worklist = useWorklist();
  const work = worklist.data;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {greeting(new Date())}，{me.displayName}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {me.organisation.name}（{me.organisation.typeLabel}）
        </Typography.Paragraph>
        <Space wrap size={[4, 4]}>
          {me.roles.map((role) => (
            <Tag key={role} color="blue">
              {ROLES[role] ?? role}
            </Tag>
          ))}
        </Space>
        <ul style={{ paddingInlineStart: 20, marginBottom: 0, marginTop: 12 }}>
          {me.roles.map((role) => (
            <li key={role}>
              <Typography.Text>{ROLE_HINTS[role] ?? ''}</Typography.Text>
            </li>
          ))}
        </ul>
      </Card>

      {worklist.error && <Alert type="warning" showIcon title="待办事项加载失败，请刷新页面重试" />}
      {work?.unit && <UnitWorklist work={work.unit} />}
      {work?.organiser && <OrganiserWorklist campaigns={work.organiser.campaigns} />}

      {shortcuts.length > 0 ? (
        <Row gutter={[16, 16]}>
          {shortcuts.map((entry) => (
            <Col key={entry.path} xs={24} sm={12} lg={8} xl={6}>
              <Card hoverable onClick={() => navigate(entry.path)} style={{ height: '100%' }}>
                <Space align="start">
                  <span style={{ fontSize: 24, color: '#1677ff' }}>{entry.icon}</span>
                  <div>
                    <Typography.Text strong>{entry.label}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">{entry.description}</Typography.Text>
                  </div>
                </Space>
              </Card>
            </Col>
          ))}
        </Row>
      ) : (
        <Card>
          <Typography.Text type="secondary">
            当前暂无可用的功能。推介活动开放后，相关入口会显示在这里。
          </Typography.Text>
        </Card>
      )}
    </Space>
  );
}
