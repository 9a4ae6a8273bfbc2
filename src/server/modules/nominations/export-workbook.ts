import ExcelJS from 'exceljs';
import { formatBeijingDateTime } from '#core/calendar/beijing-time.ts';
import type { CampaignRules, Category } from '#core/campaign/rules.ts';
import { maskIdNumber } from '#core/identity/index.ts';
import { remarkFor } from '#core/nomination/registration-table.ts';
import { NOMINATION_STATES, type NominationState } from '#core/nomination/states.ts';
import type { NominationRow } from './queries.ts';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * A list of nominations as an official would lay it out: one row each, in unit and 排序 order, with the
 * header frozen. ID numbers are masked: a list travels further than the screen it came from.
 */
export async function nominationsWorkbook(
  title: string,
  rows: NominationRow[],
  rules: CampaignRules,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('推介列表');
  sheet.columns = [
    { header: '报送单位', key: 'unit', width: 24 },
    { header: '类别', key: 'category', width: 16 },
    { header: '排序', key: 'rank', width: 6 },
    { header: '姓名／项目名称', key: 'title', width: 28 },
    { header: '工作单位／实施主体', key: 'entity', width: 30 },
    { header: '身份证号／统一社会信用代码', key: 'identifier', width: 24 },
    { header: '排序备注', key: 'remark', width: 16 },
    { header: '状态', key: 'state', width: 12 },
    { header: '提交时间', key: 'submittedAt', width: 18 },
  ];
  sheet.insertRow(1, [title]);
  sheet.mergeCells(1, 1, 1, sheet.columns.length);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.getRow(2).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 2 }];
  for (const n of rows) {
    const category = n.category as Category;
    const star = category === 'star';
    sheet.addRow({
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
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
