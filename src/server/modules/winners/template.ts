import { helpSheet } from '#core/documents/help-sheet.ts';
import type { SheetTable } from '#core/documents/organiser-tables.ts';
import { WINNER_COLUMNS } from '#core/nomination/winner-import.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';

const EXAMPLES = [
  [2023, '全国', '百姓学习之星', '王秀兰', '吉林省', '长春市朝阳区某社区', '', ''],
  [2023, '全国', '终身学习品牌项目', '“银龄学堂”老年教育项目', '吉林省', '长春市某社区教育学院', '', ''],
];

const HELP = [
  '级别填写：全国、省级或市级；类别填写：百姓学习之星或终身学习品牌项目。',
  '身份证号、统一社会信用代码可不填；填写后将用于精确查重。这两列须为“文本”格式，否则号码后几位会丢失。',
  '整份名单是同一年度的，可以不填“年度”列，导入时选择名单年度即可。',
  '同一人员或项目在同一级别、同一年度只登记一条：重复导入同一名单不会重复添加，修改后重新导入会更新已有记录。',
  '任何一行有错误时，整个文件都不会导入；请按错误提示修改后重新上传。也可上传 CSV 文件（UTF-8 或 Excel 默认编码）。',
];

/** The import template: the columns the parser reads (header in the first row), examples, how to fill it in. */
export function winnersTemplate(): Promise<Buffer> {
  const fields = Object.keys(WINNER_COLUMNS) as (keyof typeof WINNER_COLUMNS)[];
  const list: SheetTable = {
    sheetName: '往届入选名单',
    columns: fields.map((field) => ({
      header: WINNER_COLUMNS[field],
      field,
      width: WINNER_COLUMNS[field].length > 6 ? 26 : 12,
      // Long numbers stay text: in a number cell an 18-digit 身份证号 keeps only 15 digits.
      text: field === 'idNumber' || field === 'creditCode',
    })),
    rows: EXAMPLES.map((values) => Object.fromEntries(fields.map((field, i) => [field, values[i] ?? '']))),
  };
  return renderTablesXlsx([list, helpSheet(HELP)]);
}
