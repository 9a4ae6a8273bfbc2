/**
 * A 推介表 layout as plain data: a bordered table on a grid of columns, row by row, cell by cell.
 * The layout belongs to the campaign (a province may add a row or rename a label in its attachments),
 * so renderers take it as a parameter and never know which form they print. Values are looked up by
 * `field` in a flat record of display strings (form-values.ts); a missing value prints as an empty box,
 * as on paper.
 */

export type CellKind =
  /** A short value on one line (姓名, 民族). */
  | 'text'
  /** Running text in paragraphs that may fill pages (主要事迹); its row may break across pages. */
  | 'paragraph'
  /** The recommending unit's opinion, then room to sign, date and stamp (盖章). */
  | 'signature'
  /** The box where the paper copy's ID photo is glued. */
  | 'photo';

export interface LayoutCell {
  /** A label printed in the cell (a label cell has no field). */
  label?: string;
  /** Key of the value printed in the cell. */
  field?: string;
  /** Sub-headed parts of a paragraph cell (具体措施与保障: 学习场所、经费保障、队伍建设). */
  parts?: { label: string; field: string }[];
  /** Grid columns the cell covers. */
  span: number;
  /** Rows the cell covers, from this one down (the photo box); 1 when absent. */
  rowSpan?: number;
  kind: 'text' | CellKind;
}

export interface LayoutRow {
  cells: LayoutCell[];
  /** The least height of the row in millimetres, so a short text still leaves the box a form has. */
  minHeightMm?: number;
}

export interface FormLayout {
  /** 百姓学习之星推介表 */
  title: string;
  /** 附件1; '' when the form is not an attachment of a notice. */
  attachmentLabel: string;
  /** Relative widths of the grid's columns; the renderer scales them to the page. */
  columnWidths: number[];
  rows: LayoutRow[];
  /** Printed under the table (填表说明); optional. */
  notes?: string[];
  /** What the signature cell prints under the opinion. */
  signature: { signer: string; seal: string; date: string };
}

/**
 * What is wrong with a layout, in Chinese: each row must fill the grid exactly, counting the columns
 * covered from above by a cell with rowSpan. A layout edited by an organiser is checked with this
 * before it is used, so a renderer never meets a broken grid.
 */
export function layoutProblems(layout: FormLayout): string[] {
  const problems: string[] = [];
  const columns = layout.columnWidths.length;
  if (columns === 0) problems.push('表格至少需要一列。');
  if (layout.columnWidths.some((w) => !(w > 0))) problems.push('每列的宽度应大于0。');
  // Columns still covered by a rowSpan cell from a row above: column index → rows left.
  let covered = new Map<number, number>();
  layout.rows.forEach((row, index) => {
    let column = 0;
    const next = new Map<number, number>();
    const skipCovered = () => {
      while (covered.has(column)) {
        const left = covered.get(column)!;
        if (left > 1) next.set(column, left - 1);
        column++;
      }
    };
    const broken = (problem: string) => {
      problems.push(`第${index + 1}行${problem}`);
      covered = new Map();
    };
    for (const cell of row.cells) {
      skipCovered();
      if (!Number.isInteger(cell.span) || cell.span < 1) {
        broken('有一格的跨列数不是正整数。');
        return;
      }
      for (let c = column; c < column + cell.span; c++) {
        if (covered.has(c)) {
          broken('有一格压在上方跨行的格子上。');
          return;
        }
      }
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) {
        for (let c = column; c < column + cell.span; c++) next.set(c, rowSpan - 1);
      }
      column += cell.span;
    }
    skipCovered();
    if (column !== columns) problems.push(`第${index + 1}行共占${column}列，应为${columns}列。`);
    covered = next;
  });
  if (covered.size > 0) problems.push('最后一行之下仍有跨行的格子，请减少其跨行数。');
  return problems;
}
