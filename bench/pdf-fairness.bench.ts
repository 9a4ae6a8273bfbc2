/**
 * One user's 推介表 PDF alone, then while another account asks for 16 at once (issue #15: that took the
 * single PDF from about 1 s to 15 s). Printed for the converter as the server runs it (two slots, two
 * conversions per account) and, as the baseline in the same run, without the per-account limit. Needs
 * LibreOffice. Each conversion is a real LibreOffice run: expect a minute or two.
 *
 *   npm run bench -- pdf-fairness
 */
import { getTemplate } from '#core/campaign/templates/index.ts';
import { defaultStarLayout, starFormValues } from '#core/documents/index.ts';
import { starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import {
  createPdfConverter,
  findSoffice,
  type PdfConverter,
} from '#server/platform/documents/convert-to-pdf.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';

if (!findSoffice()) {
  console.error('未找到 LibreOffice（soffice）：请先安装 libreoffice-writer-nogui');
  process.exit(2);
}

const docx = await renderFormDocx(
  defaultStarLayout(getTemplate('national-2024')!),
  starFormValues(starForm({ name: '张三' }), { maskPersonalData: false }),
);

async function timed(work: Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work;
  return performance.now() - start;
}

async function underLoad(converter: PdfConverter): Promise<number> {
  const flood = Array.from({ length: 16 }, () =>
    converter.convert(docx, 'form.docx', { owner: 'busy-unit' }).catch(() => undefined),
  );
  const single = await timed(converter.convert(docx, 'form.docx', { owner: 'other-user' }));
  await Promise.all(flood);
  return single;
}

const alone = await timed(createPdfConverter().convert(docx, 'form.docx', { owner: 'other-user' }));
const limited = await underLoad(createPdfConverter());
const unlimited = await underLoad(createPdfConverter({ perOwner: Number.POSITIVE_INFINITY }));
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
console.log(`一份 PDF 单独生成：${s(alone)}`);
console.log(
  `另一账号同时请求 16 份时（每账号限 2 份）：${s(limited)}，为单独时的 ${(limited / alone).toFixed(1)} 倍`,
);
console.log(
  `同样情况但不限每账号份数（对照）：${s(unlimited)}，为单独时的 ${(unlimited / alone).toFixed(1)} 倍`,
);
