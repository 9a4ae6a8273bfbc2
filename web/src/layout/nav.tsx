/**
 * Side navigation entries. Each names the permission (from `me.permissions`) that shows it, so the
 * server alone decides what a caller may see; later modules (campaigns, nominations) add entries here.
 */
import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  FlagOutlined,
  FormOutlined,
  HomeOutlined,
  NotificationOutlined,
  TeamOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { Role } from '#core/accounts/roles.ts';
import type { Me } from '#core/contract/auth.ts';

export interface NavEntry {
  path: string;
  label: string;
  icon: ReactNode;
  /** Absent: every logged-in account sees it. */
  permission?: string;
  /** Shown only to accounts holding one of these roles (the server still checks each call). */
  roles?: Role[];
  /** One line for the home page's shortcut card. */
  description: string;
}

export const NAV_ENTRIES: NavEntry[] = [
  { path: '/', label: '首页', icon: <HomeOutlined />, description: '返回首页' },
  {
    path: '/campaigns',
    label: '推介活动',
    icon: <FlagOutlined />,
    permission: 'campaigns.view',
    description: '查看推介活动的名额、截止时间与规则变更',
  },
  {
    path: '/reviews',
    label: '我的评审',
    icon: <FormOutlined />,
    roles: ['expert'],
    description: '为分配给您的推介评分、提交评审意见，打印评审表',
  },
  {
    path: '/approvals',
    label: '审定',
    icon: <CheckSquareOutlined />,
    roles: ['approver'],
    description: '公示结束、异议办结后，审定拟推介名单或退回',
  },
  {
    path: '/statistics',
    label: '统计分析',
    icon: <BarChartOutlined />,
    permission: 'statistics.view',
    description: '按年度、级别和省份查看推介统计，导出 Excel，生成年度报告',
  },
  {
    path: '/activities',
    label: '宣传推介活动',
    icon: <NotificationOutlined />,
    roles: ['platform_admin', 'organiser_admin', 'unit_submitter'],
    description: '登记和查看已公布推介对象的“五进”宣传活动',
  },
  {
    path: '/winners',
    label: '往届入选名单',
    icon: <TrophyOutlined />,
    permission: 'winners.manage',
    description: '维护往届“百姓学习之星”和“终身学习品牌项目”名单，用于查重',
  },
  {
    path: '/organisations',
    label: '组织机构',
    icon: <ApartmentOutlined />,
    permission: 'organisations.view',
    description: '查看和维护本单位及下级组织',
  },
  {
    path: '/accounts',
    label: '账号管理',
    icon: <TeamOutlined />,
    permission: 'accounts.view',
    description: '创建账号、分配角色、重置密码',
  },
  {
    path: '/accounts/import',
    label: '批量导入',
    icon: <CloudUploadOutlined />,
    permission: 'accounts.import',
    description: '用 Excel 模板批量创建组织与账号',
  },
  {
    path: '/calendar',
    label: '工作日历',
    icon: <CalendarOutlined />,
    permission: 'calendar.manage',
    description: '节假日与调休安排，计算公示期',
  },
  {
    path: '/audit',
    label: '审计日志',
    icon: <AuditOutlined />,
    permission: 'audit.view',
    description: '查询谁在何时做了哪些操作',
  },
];

export function visibleEntries(me: Me): NavEntry[] {
  return NAV_ENTRIES.filter(
    (entry) =>
      (!entry.permission || me.permissions.includes(entry.permission)) &&
      (!entry.roles || entry.roles.some((role) => me.roles.includes(role))),
  );
}

/** The entry whose path is the longest prefix of the current location, for highlighting the menu. */
export function activeEntry(pathname: string, entries: NavEntry[]): NavEntry | undefined {
  return entries
    .filter((e) =>
      e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(`${e.path}/`),
    )
    .sort((a, b) => b.path.length - a.path.length)[0];
}
