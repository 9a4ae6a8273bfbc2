/**
 * The result notice as an official types it: title in 小标宋 (黑体 here), the 文号 under it, the body in
 * 仿宋 三号, the issuers and the date at the right, then the 附件 with one table per heading (the specials
 * under their own headings). Also the list alone as XLSX, for units that re-use it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { OfficialTable, TableRow as SheetRow } from '#core/documents/organiser-tables.ts';
import type { ResultSection } from '#core/results/result-list.ts';
import { renderTablesXlsx } from '#server/platform/documents/render-table-xlsx.ts';
import { OFFICIAL_PAGE } from '#server/platform/documents/render-text-docx.ts';

const SIZE = { title: 44, body: 32, table: 24 };
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: 'Times New Roman',
});
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const TEXT_WIDTH = OFFICIAL_PAGE.size.width - OFFICIAL_PAGE.margin.left - OFFICIAL_PAGE.margin.right;
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NUMERALS = ['一', '二', '三', '四', '五', '六'];

export interface NoticeDocument {
  title: string;
  docNumber: string;
  body: string;
  signature: string[];
  attachmentTitle: string;
  sections: readonly ResultSection[];
}

const run = (text: string, face = '仿宋', size = SIZE.body, bold = false) =>
  new TextRun({ text, font: font(face), size, bold, language: LANGUAGE });

const prose = (text: string, indent: boolean) =>
  new Paragraph({
    alignment: indent ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
    indent: indent ? { firstLine: SIZE.body * 20 } : undefined,
    spacing: { line: 560, lineRule: 'exact' },
    children: [run(text)],
  });

function cell(text: string, width: number, header: boolean) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE },
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [run(text, header ? '黑体' : '仿宋', SIZE.table)],
      }),
    ],
  });
}

function sectionTable(section: ResultSection): Table {
  const star = section.entries[0]?.category === 'star';
  const headers = ['序号', star ? '姓名' : '项目名称', star ? '工作单位' : '实施主体', '推荐单位'];
  const widths = [900, 2600, 3300, TEXT_WIDTH - 900 - 2600 - 3300];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) => cell(h, widths[i]!, true)),
      }),
      ...section.entries.map(
        (e) =>
          new TableRow({
            cantSplit: true,
            children: [String(e.number), e.name, e.entity, e.unit].map((v, i) => cell(v, widths[i]!, false)),
          }),
      ),
    ],
  });
}

export async function renderNoticeDocx(n: NoticeDocument): Promise<Buffer> {
  const [addressee, ...paragraphs] = n.body.split('\n');
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 240 },
      children: [run(n.title, '黑体', SIZE.title)],
    }),
  ];
  if (n.docNumber.trim())
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 360 },
        children: [run(n.docNumber)],
      }),
    );
  children.push(prose(addressee ?? '', false), ...paragraphs.map((p) => prose(p, true)));
  children.push(prose(`附件：${n.attachmentTitle}`, true));
  for (const line of n.signature)
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { line: 560, lineRule: 'exact' },
        children: [run(line)],
      }),
    );
  children.push(
    new Paragraph({ pageBreakBefore: true, children: [run('附件', '黑体')] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 240 },
      children: [run(n.attachmentTitle, '黑体', SIZE.body)],
    }),
  );
  n.sections.forEach((section, i) => {
    children.push(
      new Paragraph({
        spacing: { before: 240, after: 120 },
        children: [
          run(`${NUMERALS[i]}、${section.title}（${section.entries.length}${section.measure}）`, '黑体'),
        ],
      }),
      sectionTable(section),
    );
  });
  const document = new Document({
    sections: [
      {
        properties: { page: OFFICIAL_PAGE },
        children,
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** The list as one sheet: every heading's winners, numbered as in the notice, specials named as such. */
export function resultListTable(title: string, sections: readonly ResultSection[]): OfficialTable {
  const rows: SheetRow[] = sections.flatMap((s) =>
    s.entries.map((e) => ({
      section: s.title.replace(/[“”]/g, ''),
      number: e.number,
      name: e.name,
      entity: e.entity,
      unit: e.unit,
      special: e.special ? '特别推介' : '',
    })),
  );
  return {
    title,
    sheetName: '推介结果名单',
    columns: [
      { header: '类别', field: 'section', width: 30, wrap: true },
      { header: '序号', field: 'number', width: 6 },
      { header: '姓名／项目名称', field: 'name', width: 28, wrap: true },
      { header: '工作单位／实施主体', field: 'entity', width: 32, wrap: true },
      { header: '推荐单位', field: 'unit', width: 24, wrap: true },
      { header: '备注', field: 'special', width: 12 },
    ],
    rows,
  };
}

export function renderResultXlsx(title: string, sections: readonly ResultSection[]): Promise<Buffer> {
  return renderTablesXlsx([resultListTable(title, sections)]);
}
