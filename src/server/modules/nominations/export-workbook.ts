import { formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import type { CampaignRules, Category } from '#core/campaign/rules.ts';
import type { OfficialTable } from '#core/documents/organiser-tables.ts';
import { maskIdNumber } from '#core/identity/index.ts';
import { remarkFor } from '#core/nomination/registration-table.ts';
import { NOMINATION_STATES, type NominationState } from '#core/nomination/states.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import type { NominationRow } from './queries.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A list of nominations as an official would lay it out: one row each, in unit and 排序 order, with the
 * header frozen. ID numbers are masked: a list travels further than the screen it came from.
 */
export function nominationsTable(title: string, rows: NominationRow[], rules: CampaignRules): OfficialTable {
  return {
    title,
    sheetName: '推介列表',
    columns: [
      { header: '报送单位', field: 'unit', width: 24, wrap: true },
      { header: '类别', field: 'category', width: 16 },
      { header: '排序', field: 'rank', width: 6 },
      { header: '姓名／项目名称', field: 'title', width: 28, wrap: true },
      { header: '工作单位／实施主体', field: 'entity', width: 30, wrap: true },
      { header: '身份证号／统一社会信用代码', field: 'identifier', width: 24, text: true },
      { header: '排序备注', field: 'remark', width: 16 },
      { header: '状态', field: 'state', width: 12 },
      { header: '提交时间', field: 'submittedAt', width: 20 },
    ],
    rows: rows.map((n) => {
      const category = n.category as Category;
      const star = category === 'star';
      return {
        unit: n.unitName,
        category: rules.categories[category].label,
        rank: n.rank ?? '',
        title: n.title,
        entity: text(star ? n.form.workUnit : n.form.entityName),
        identifier: star
          ? text(n.form.idNumber)
            ? maskIdNumber(text(n.form.idNumber))
            : ''
          : text(n.form.creditCode),
        remark: remarkFor(n, category, rules),
        state: NOMINATION_STATES[n.state as NominationState],
        submittedAt: n.submittedAt ? formatBeijingDateTime(n.submittedAt) : '',
      };
    }),
  };
}

export function nominationsWorkbook(
  title: string,
  rows: NominationRow[],
  rules: CampaignRules,
): Promise<Buffer> {
  return renderTablesXlsx([nominationsTable(title, rows, rules)]);
}
