/**
 * The organiser's tables as data, one sheet each: quota use per unit, findings still open, and the
 * result list once the round has one. Columns carry their widths like the registration table's, so
 * the XLSX renderer knows nothing of what it prints. (The list of all nominations by unit is the
 * nominations module's export, /api/nominations/export.)
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import type { Finding } from '../findings.ts';
import type { SheetColumn } from './registration-sheet.ts';

export type TableRow = Record<string, string | number>;

export interface OfficialTable {
  title: string;
  sheetName: string;
  columns: SheetColumn[];
  rows: TableRow[];
  /** Printed under the table: how it was made, what it leaves out. */
  notes?: string[];
}

/** Any table the XLSX writer prints: an import template has no title, its reader wants the header first. */
export type SheetTable = Omit<OfficialTable, 'title'> & { title?: string };

export interface QuotaUse {
  unitName: string;
  unitTypeLabel: string;
  star: { min: number; max: number; used: number; special: number; drafts: number };
  project: { min: number; max: number; used: number; special: number; drafts: number };
  findings: Finding[];
}

const range = (q: { min: number; max: number }) => (q.min === q.max ? `${q.max}` : `${q.min}–${q.max}`);

export function quotaTable(units: readonly QuotaUse[], rules: CampaignRules): OfficialTable {
  const { star, project } = rules.categories;
  const categoryColumns = (c: Category, label: string): SheetColumn[] => [
    { header: `${label}名额`, field: `${c}Quota`, width: 10 },
    { header: `${label}已报`, field: `${c}Used`, width: 10 },
    { header: `${label}特别推介`, field: `${c}Special`, width: 12 },
    { header: `${label}草稿`, field: `${c}Drafts`, width: 10 },
  ];
  return {
    title: `${rules.year}年各报送单位名额使用情况`,
    sheetName: '名额使用',
    columns: [
      { header: '报送单位', field: 'unit', width: 28, wrap: true },
      { header: '单位类型', field: 'type', width: 18, wrap: true },
      ...categoryColumns('star', star.label),
      ...categoryColumns('project', project.label),
      { header: '提示', field: 'findings', width: 48, wrap: true },
    ],
    rows: units.map((u) => ({
      unit: u.unitName,
      type: u.unitTypeLabel,
      starQuota: range(u.star),
      starUsed: u.star.used,
      starSpecial: u.star.special,
      starDrafts: u.star.drafts,
      projectQuota: range(u.project),
      projectUsed: u.project.used,
      projectSpecial: u.project.special,
      projectDrafts: u.project.drafts,
      findings: u.findings.map((f) => f.message).join('\n'),
    })),
    notes: ['“已报”为已提交及之后各状态（含退回修改）的推介数，不含特别推介。'],
  };
}

export interface OpenFindings {
  unitName: string;
  category: Category;
  rank: number | null;
  title: string;
  stateLabel: string;
  findings: readonly Finding[];
}

/** One row per finding, errors first within a nomination, nominations in unit and 排序 order. */
export function findingsTable(items: readonly OpenFindings[], rules: CampaignRules): OfficialTable {
  return {
    title: `${rules.year}年推介待处理问题清单`,
    sheetName: '待处理问题',
    columns: [
      { header: '报送单位', field: 'unit', width: 24, wrap: true },
      { header: '类别', field: 'category', width: 16 },
      { header: '排序', field: 'rank', width: 6 },
      { header: '姓名／项目名称', field: 'title', width: 24, wrap: true },
      { header: '状态', field: 'state', width: 12 },
      { header: '级别', field: 'severity', width: 8 },
      { header: '问题及处理办法', field: 'message', width: 60, wrap: true },
    ],
    rows: items.flatMap((item) =>
      [...item.findings]
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
        .map((f) => ({
          unit: item.unitName,
          category: rules.categories[item.category].label,
          rank: item.rank ?? '',
          title: item.title,
          state: item.stateLabel,
          severity: f.severity === 'error' ? '错误' : '提示',
          message: f.message,
        })),
    ),
    notes: ['不含与往届入选名单及其他推介的重复比对结果，请在推介详情页查看。'],
  };
}

export interface ResultEntry {
  category: Category;
  title: string;
  entity: string;
  unitName: string;
  remark: string;
}

/** 入选名单: stars then projects, each numbered from 1, in the order given (unit, 排序). */
export function resultTable(entries: readonly ResultEntry[], rules: CampaignRules): OfficialTable {
  const rows: TableRow[] = [];
  for (const category of ['star', 'project'] as const) {
    entries
      .filter((e) => e.category === category)
      .forEach((e, i) => {
        rows.push({
          number: i + 1,
          category: rules.categories[category].label,
          title: e.title,
          entity: e.entity,
          unit: e.unitName,
          remark: e.remark,
        });
      });
  }
  return {
    title: `${rules.title}入选名单`,
    sheetName: '入选名单',
    columns: [
      { header: '序号', field: 'number', width: 6 },
      { header: '类别', field: 'category', width: 16 },
      { header: '姓名／项目名称', field: 'title', width: 28, wrap: true },
      { header: '工作单位／实施主体', field: 'entity', width: 32, wrap: true },
      { header: '报送单位', field: 'unit', width: 24, wrap: true },
      { header: '备注', field: 'remark', width: 20, wrap: true },
    ],
    rows,
  };
}
