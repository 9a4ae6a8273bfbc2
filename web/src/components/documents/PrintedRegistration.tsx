/**
 * A unit's 推介登记表 on paper, as the XLSX lays it out: 附件N, the title, the reporting unit (to be
 * stamped) and the date line, then the table in 排序 order with its header repeated on every page.
 * Columns and their relative widths are the sheet's own data (core registrationSheet).
 */
import type { RegistrationSheet } from '#core/documents/index.ts';

export function PrintedRegistration({ sheet }: { sheet: RegistrationSheet }) {
  const total = sheet.columns.reduce((a, c) => a + c.width, 0);
  return (
    <>
      {sheet.attachmentLabel && <div className="print-attachment">{sheet.attachmentLabel}</div>}
      <h1 className="print-title">{sheet.title}</h1>
      <div className="print-unit-line">
        <span>报送单位（盖章）：{sheet.unitName}</span>
        <span>填表日期：　　年　　月　　日</span>
      </div>
      <table className="print-table registration">
        <colgroup>
          {sheet.columns.map((c) => (
            <col key={c.field} style={{ width: `${(c.width / total) * 100}%` }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {sheet.columns.map((c) => (
              <th key={c.field} scope="col">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sheet.rows.map((row) => (
            <tr key={`${row.rank}:${row.name}`}>
              {sheet.columns.map((c) => (
                <td key={c.field} className={c.wrap ? 'wrap' : undefined}>
                  {row[c.field] ?? ''}
                </td>
              ))}
            </tr>
          ))}
          {sheet.rows.length === 0 && (
            <tr>
              <td colSpan={sheet.columns.length} className="print-empty">
                暂无占用名额的推介（已提交、审查通过等）。请先提交推介，再打印登记表。
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </>
  );
}
