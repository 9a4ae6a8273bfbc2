/**
 * One 推介表 as the paper form: 附件N, the title, and the layout's bordered table, cell for cell from
 * the same layout data the DOCX is built from (core/documents), so screen, paper and Word agree.
 * HTML tables place colspan/rowspan cells on the grid themselves; a row's least height (minHeightMm)
 * is a CSS row height, which a table treats as a minimum, so long text grows the row instead of
 * being cut, and a row of running text may break across pages.
 */
import type { FormLayout, FormValues, LayoutCell } from '#core/documents/index.ts';

const FLOWING = new Set(['paragraph', 'signature']);

/** Running text: one paragraph per line typed, indented two characters as Chinese prose is. */
function Prose({ text, lead }: { text: string; lead?: string }) {
  const lines = text === '' ? [''] : text.split('\n');
  return (
    <>
      {lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a fixed text, never reordered
        <p className="print-prose" key={i}>
          {i === 0 && lead && <span className="lead">{lead}</span>}
          {line}
        </p>
      ))}
    </>
  );
}

function Signature({ opinion, signature }: { opinion: string; signature: FormLayout['signature'] }) {
  return (
    <>
      <Prose text={opinion} />
      <div className="print-signature">
        <div>
          {signature.signer}
          <span className="gap" />
          {signature.seal}
        </div>
        <div>{signature.date}</div>
      </div>
    </>
  );
}

/**
 * Which cells end on the table's right edge ('e-r'; they draw the right line), placing cells on the
 * grid as HTML does: a cell starts at the first column not covered by a rowSpan cell from above.
 */
export function edgeClasses(layout: FormLayout): string[][] {
  const columns = layout.columnWidths.length;
  let covered = new Map<number, number>();
  return layout.rows.map((row) => {
    const next = new Map<number, number>();
    for (const [c, left] of covered) if (left > 1) next.set(c, left - 1);
    let column = 0;
    const classes = row.cells.map((cell) => {
      while (covered.has(column)) column++;
      const rowSpan = cell.rowSpan ?? 1;
      if (rowSpan > 1) for (let c = column; c < column + cell.span; c++) next.set(c, rowSpan - 1);
      column += cell.span;
      return column >= columns ? 'e-r' : '';
    });
    covered = next;
    return classes;
  });
}

function Cell({
  cell,
  values,
  layout,
  edges,
}: {
  cell: LayoutCell;
  values: FormValues;
  layout: FormLayout;
  edges: string;
}) {
  const span = { colSpan: cell.span, rowSpan: cell.rowSpan };
  const className = (kind?: string) => [kind, edges].filter(Boolean).join(' ') || undefined;
  const value = cell.field ? (values[cell.field] ?? '') : '';
  switch (cell.kind) {
    case 'photo':
      return (
        <td {...span} className={className('print-photo')}>
          {cell.label ?? '照片'}
        </td>
      );
    case 'paragraph':
      return (
        <td {...span} className={className('flowing')}>
          {cell.parts ? (
            cell.parts.map((part) => (
              <Prose key={part.field} text={values[part.field] ?? ''} lead={`${part.label}：`} />
            ))
          ) : (
            <Prose text={value} />
          )}
        </td>
      );
    case 'signature':
      return (
        <td {...span} className={className('flowing')}>
          <Signature opinion={value} signature={layout.signature} />
        </td>
      );
    default:
      return cell.field ? (
        <td {...span} className={className()}>
          {value}
        </td>
      ) : (
        <th {...span} scope="row" className={className()}>
          {cell.label ?? ''}
        </th>
      );
  }
}

export function PrintedForm({
  layout,
  values,
  footnote,
}: {
  layout: FormLayout;
  values: FormValues;
  /** Printed under the table, e.g. the content hash of the submitted form. */
  footnote?: string;
}) {
  const total = layout.columnWidths.reduce((a, b) => a + b, 0);
  const edges = edgeClasses(layout);
  return (
    <>
      {layout.attachmentLabel && <div className="print-attachment">{layout.attachmentLabel}</div>}
      <h1 className="print-title">{layout.title}</h1>
      <table className="print-table">
        <colgroup>
          {layout.columnWidths.map((width, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the grid's columns, fixed by the layout
            <col key={i} style={{ width: `${(width / total) * 100}%` }} />
          ))}
        </colgroup>
        <tbody>
          {layout.rows.map((row, r) => (
            <tr
              // biome-ignore lint/suspicious/noArrayIndexKey: rows of a fixed layout, never reordered
              key={r}
              className={row.cells.some((c) => FLOWING.has(c.kind)) ? 'flows' : 'keep'}
              style={row.minHeightMm ? { height: `${row.minHeightMm}mm` } : undefined}
            >
              {row.cells.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells of a fixed layout row
                <Cell key={c} cell={cell} values={values} layout={layout} edges={edges[r]![c]!} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {footnote && <p className="print-footnote">{footnote}</p>}
      {(layout.notes ?? []).map((note) => (
        <p className="print-notes" key={note}>
          {note}
        </p>
      ))}
    </>
  );
}
