import type { Selectable } from 'kysely';
import type { ResultNoticesTable } from '#server/platform/db/schema-decision.ts';

export const PDF_NOTE =
  '公布时平台未安装 PDF 生成组件（LibreOffice），未生成 PDF 版通知；请下载 Word 版（DOCX）打印。';

export function presentNotice(n: Selectable<ResultNoticesTable>) {
  return {
    title: n.title,
    docNumber: n.docNumber,
    issuers: n.issuers,
    publishedAt: n.publishedAt.toISOString(),
    files: { docx: n.docxKey !== null, pdf: n.pdfKey !== null, xlsx: n.xlsxKey !== null },
    pdfNote: n.pdfKey === null ? PDF_NOTE : null,
  };
}
