/**
 * The 推介登记表 (attachments 2 and 4) as data: one unit's nominees of one category, in the unit's
 * 排序, with the special pick noted in 排序备注. Columns are data too, like the form layouts, and read
 * the same display values (form-values.ts), so a form and its registration line never disagree.
 */
import type { CampaignRules, Category } from '../campaign/rules.ts';
import { type RegistrationItem, registrationRows } from '../nomination/registration-table.ts';
import { formHeading } from './default-layouts.ts';
import type { FormValues } from './form-values.ts';

export interface SheetColumn {
  header: string;
  /** Key in the row's values; `rank` and `remark` come from the table itself. */
  field: string;
  /** In Excel character widths, as an official would set them for the longest usual value. */
  width: number;
  /** Long text wraps in its cell instead of running over the next one. */
  wrap?: boolean;
  /** Typed digits stay text: in a number cell Excel keeps only 15 digits of an 18-digit 身份证号. */
  text?: boolean;
}

export interface RegistrationSheet {
  /** 百姓学习之星推介登记表 */
  title: string;
  attachmentLabel: string;
  unitName: string;
  columns: SheetColumn[];
  /** In 排序 order. */
  rows: FormValues[];
}

const STAR_COLUMNS: SheetColumn[] = [
  { header: '排序', field: 'rank', width: 6 },
  { header: '姓名', field: 'name', width: 12 },
  { header: '性别', field: 'sex', width: 6 },
  { header: '出生年月', field: 'birthMonth', width: 12 },
  { header: '民族', field: 'ethnicity', width: 8 },
  { header: '政治面貌', field: 'politicalStatus', width: 12 },
  { header: '文化程度', field: 'education', width: 10 },
  { header: '工作单位及职务', field: 'workUnitAndPost', width: 32, wrap: true },
  { header: '所属群体', field: 'focusGroups', width: 14, wrap: true },
  { header: '联系电话', field: 'phone', width: 16 },
  { header: '排序备注', field: 'remark', width: 16, wrap: true },
];

const PROJECT_COLUMNS: SheetColumn[] = [
  { header: '排序', field: 'rank', width: 6 },
  { header: '项目名称', field: 'name', width: 30, wrap: true },
  { header: '实施主体', field: 'entityName', width: 28, wrap: true },
  { header: '统一社会信用代码', field: 'creditCode', width: 22 },
  { header: '项目启动或创建时间', field: 'startDate', width: 16 },
  { header: '年参与学习人次', field: 'participations', width: 22, wrap: true },
  { header: '联系人', field: 'contactName', width: 10 },
  { header: '联系电话', field: 'contactPhone', width: 16 },
  { header: '排序备注', field: 'remark', width: 16, wrap: true },
];

export function registrationColumns(category: Category): SheetColumn[] {
  return category === 'star' ? STAR_COLUMNS : PROJECT_COLUMNS;
}

export interface RegistrationEntry extends RegistrationItem {
  values: FormValues;
}

/** One unit's table: ranks closed up to 1..n, the special pick's remark from the campaign's rules. */
export function registrationSheet(
  entries: readonly RegistrationEntry[],
  context: { category: Category; rules: CampaignRules; unitName: string },
): RegistrationSheet {
  const { category, rules, unitName } = context;
  const byId = new Map(entries.map((e) => [e.id, e.values]));
  const rows = registrationRows(entries, category, rules).map((row) => ({
    ...byId.get(row.id),
    rank: String(row.rank),
    remark: row.remark,
  }));
  return {
    ...formHeading(
      rules,
      `${category}.registration`,
      category === 'star' ? '百姓学习之星推介登记表' : '终身学习品牌项目推介登记表',
    ),
    unitName,
    columns: registrationColumns(category),
    rows,
  };
}
