import ExcelJS from 'exceljs';
import { WINNER_COLUMNS } from '#core/nomination/winner-import.ts';

/** The import template: the columns the parser reads, one example row, and how to fill them in. */
export async function winnersTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('往届入选名单');
  sheet.columns = Object.values(WINNER_COLUMNS).map((header) => ({
    header,
    width: header.length > 6 ? 26 : 12,
  }));
  sheet.getRow(1).font = { bold: true };
  // Long numbers stay text: in a number cell an 18-digit 身份证号 keeps only 15 digits.
  for (const key of ['idNumber', 'creditCode'] as const) {
    sheet.getColumn(Object.keys(WINNER_COLUMNS).indexOf(key) + 1).numFmt = '@';
  }
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.addRow([2023, '全国', '百姓学习之星', '王秀兰', '吉林省', '长春市朝阳区某社区', '', '']);
  sheet.addRow([
    2023,
    '全国',
    '终身学习品牌项目',
    '“银龄学堂”老年教育项目',
    '吉林省',
    '长春市某社区教育学院',
    '',
    '',
  ]);
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ header: '说明', width: 100 }];
  help.addRow(['级别填写：全国、省级或市级；类别填写：百姓学习之星或终身学习品牌项目。']);
  help.addRow([
    '身份证号、统一社会信用代码可不填；填写后将用于精确查重。这两列须为“文本”格式，否则号码后几位会丢失。',
  ]);
  help.addRow(['整份名单是同一年度的，可以不填“年度”列，导入时选择名单年度即可。']);
  help.addRow([
    '同一人员或项目在同一级别、同一年度只登记一条：重复导入同一名单不会重复添加，修改后重新导入会更新已有记录。',
  ]);
  help.addRow([
    '任何一行有错误时，整个文件都不会导入；请按错误提示修改后重新上传。也可上传 CSV 文件（UTF-8 或 Excel 默认编码）。',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
