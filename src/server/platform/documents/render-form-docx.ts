/**
 * A 推介表 as DOCX: title, then one bordered table on A4 laid out by a FormLayout (core/documents),
 * filled with display values. Long texts never get cut: paragraph rows may break across pages and the
 * table grows onto the next page, as a form typed in Word would.
 *
 * Fonts: runs name 宋体 / 仿宋 / 黑体 as their East Asian font (what an official's Word has) and Times
 * New Roman for Latin text. A server without those fonts maps the names to Noto CJK SC through
 * fontconfig (see .ci/run), so the PDF shows Chinese, not empty boxes.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { FormLayout, FormValues, LayoutCell, LayoutRow } from '#core/documents/index.ts';

/** Twips per millimetre (1 inch = 1440 twips = 25.4 mm). */
const MM = 1440 / 25.4;
const A4 = { width: 11906, height: 16838 };
/** Margins close to the attachments': the table keeps about 160 mm of width. */
const MARGIN = {
  top: Math.round(25 * MM),
  bottom: Math.round(22 * MM),
  left: Math.round(25 * MM),
  right: Math.round(25 * MM),
};
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;

/** Sizes in half-points: 小四 12 pt for the table, 小二 18 pt for the title, 三号 16 pt for 附件N. */
const SIZE = { body: 24, title: 36, attachment: 32, footer: 18 };
const font = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: 'Times New Roman',
});
const SONG = font('宋体');
const FANG = font('仿宋');
const HEI = font('黑体');

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const BORDERS = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

/** Marking the text as zh-CN makes LibreOffice pick the SC face of Noto CJK, not the Japanese one. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const run = (text: string, f = FANG, bold = false) =>
  new TextRun({ text, font: f, size: SIZE.body, bold, language: LANGUAGE });

/** A text on one line or a few (a label may hold "\n"), centred. */
function centred(text: string, f = SONG): Paragraph[] {
  return text
    .split('\n')
    .map((line) => new Paragraph({ alignment: AlignmentType.CENTER, children: [run(line, f)] }));
}

/** Running text: one paragraph per line typed, indented two characters as Chinese prose is. */
function prose(text: string, lead?: string): Paragraph[] {
  const lines = text === '' ? [''] : text.split('\n');
  return lines.map(
    (line, i) =>
      new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: SIZE.body * 20 },
        spacing: { line: 360 },
        children: [...(i === 0 && lead ? [run(lead, SONG, true)] : []), run(line)],
      }),
  );
}

function signatureBlock(opinion: string, signature: FormLayout['signature']): Paragraph[] {
  const right = (text: string) =>
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 240 }, children: [run(text, SONG)] });
  return [
    ...prose(opinion),
    new Paragraph({ spacing: { before: 480 }, children: [] }),
    right(`${signature.signer}                  ${signature.seal}`),
    right(signature.date),
  ];
}

function cellContent(cell: LayoutCell, values: FormValues, layout: FormLayout): Paragraph[] {
  const value = cell.field ? (values[cell.field] ?? '') : '';
  switch (cell.kind) {
    case 'paragraph':
      return cell.parts
        ? cell.parts.flatMap((part) => prose(values[part.field] ?? '', `${part.label}：`))
        : prose(value);
    case 'signature':
      return signatureBlock(value, layout.signature);
    default:
      return cell.field ? centred(value, FANG) : centred(cell.label ?? '', SONG);
  }
}

function renderRow(
  row: LayoutRow,
  layout: FormLayout,
  widths: number[],
  values: FormValues,
  covered: Set<number>,
) {
  let column = 0;
  const cells = row.cells.map((cell) => {
    while (covered.has(column)) column++;
    const width = widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0);
    column += cell.span;
    const flowing = cell.kind === 'paragraph' || cell.kind === 'signature';
    return new TableCell({
      columnSpan: cell.span,
      rowSpan: cell.rowSpan,
      width: { size: width, type: WidthType.DXA },
      verticalAlign: flowing ? VerticalAlign.TOP : VerticalAlign.CENTER,
      margins: { top: 80, bottom: 80, left: 100, right: 100 },
      children: cellContent(cell, values, layout),
    });
  });
  const flowing = row.cells.some((c) => c.kind === 'paragraph' || c.kind === 'signature');
  return new TableRow({
    children: cells,
    // Short rows stay whole; a row of running text may break across pages so nothing is cut off.
    cantSplit: !flowing,
    height: row.minHeightMm
      ? { value: Math.round(row.minHeightMm * MM), rule: HeightRule.ATLEAST }
      : undefined,
  });
}

/** Columns each row leaves to a rowSpan cell above it, so widths line up with the grid. */
function coveredColumns(layout: FormLayout): Set<number>[] {
  const result: Set<number>[] = [];
  let pending = new Map<number, number>();
  for (const row of layout.rows) {
    result.push(new Set(pending.keys()));
    const next = new Map<number, number>();
    for (const [c, left] of pending) if (left > 1) next.set(c, left - 1);
    let column = 0;
    for (const cell of row.cells) {
      while (pending.has(column)) column++;
      if ((cell.rowSpan ?? 1) > 1)
        for (let c = column; c < column + cell.span; c++) next.set(c, cell.rowSpan! - 1);
      column += cell.span;
    }
    pending = next;
  }
  return result;
}

/**
 * The version of how a form is drawn. Cached PDFs of submitted forms are keyed by it with the form's
 * content: change it with any change to this file's output, and every form is drawn again.
 */
export const FORM_RENDERER_VERSION = 1;

export interface FormDocxOptions {
  /** Printed in the footer next to the page number, e.g. the content hash of the submitted form. */
  footerNote?: string;
}

export async function renderFormDocx(
  layout: FormLayout,
  values: FormValues,
  options: FormDocxOptions = {},
): Promise<Buffer> {
  const total = layout.columnWidths.reduce((a, b) => a + b, 0);
  const widths = layout.columnWidths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const covered = coveredColumns(layout);
  const table = new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: BORDERS,
    rows: layout.rows.map((row, i) => renderRow(row, layout, widths, values, covered[i]!)),
  });
  const heading = [
    ...(layout.attachmentLabel
      ? [
          new Paragraph({
            children: [new TextRun({ text: layout.attachmentLabel, font: HEI, size: SIZE.attachment })],
          }),
        ]
      : []),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 360 },
      children: [new TextRun({ text: layout.title, font: HEI, size: SIZE.title, language: LANGUAGE })],
    }),
  ];
  const notes = (layout.notes ?? []).map(
    (note) =>
      new Paragraph({
        spacing: { before: 120 },
        children: [new TextRun({ text: note, font: SONG, size: 21 })],
      }),
  );
  const footerRun = (text: string | (typeof PageNumber)[keyof typeof PageNumber]) =>
    new TextRun({ children: [text], font: SONG, size: SIZE.footer });
  const footer = new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          footerRun('第 '),
          footerRun(PageNumber.CURRENT),
          footerRun(' 页 共 '),
          footerRun(PageNumber.TOTAL_PAGES),
          footerRun(options.footerNote ? ` 页　${options.footerNote}` : ' 页'),
        ],
      }),
    ],
  });
  const document = new Document({
    creator: '推介平台',
    title: layout.title,
    styles: { default: { document: { run: { font: SONG, size: SIZE.body, language: LANGUAGE } } } },
    sections: [
      {
        properties: { page: { size: A4, margin: MARGIN } },
        footers: { default: footer },
        children: [...heading, table, ...notes],
      },
    ],
  });
  return Packer.toBuffer(document);
}
