/**
 * The PDF converter's fairness (issue #15), with real LibreOffice runs: an account's conversions are
 * limited, and a person waiting goes ahead of package builds, which never take every slot. Orders and
 * counts are asserted, never durations.
 */
import { execFileSync } from 'node:child_process';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import { defaultStarLayout, starFormValues } from '#core/documents/index.ts';
import { starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { createPdfConverter, findSoffice } from '#server/platform/documents/convert-to-pdf.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';

const form = (name = '张三') =>
  renderFormDocx(
    defaultStarLayout(getTemplate('national-2024')!),
    starFormValues(starForm({ name }), { maskPersonalData: false }),
  );

/** The PDF's text without the spaces pdftotext puts between Chinese characters and digits. */
const textOf = (pdf: Buffer) =>
  execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString().replace(/\s/g, '');

const outcome = (work: Promise<Buffer | Buffer[]>) =>
  work.then(
    () => 'converted',
    (error: { code: string; message: string }) => `${error.code} ${error.message}`,
  );

describe.skipIf(!findSoffice() && !process.env.CI)('the PDF converter', () => {
  it('refuses a third conversion asked by the same account while two are under way, not another account’s', async () => {
    const converter = createPdfConverter();
    const docx = await form();
    const asked = [
      outcome(converter.convert(docx, 'form.docx', { owner: 'unit' })),
      outcome(converter.convert(docx, 'form.docx', { owner: 'unit' })),
      outcome(converter.convert(docx, 'form.docx', { owner: 'unit' })),
      outcome(converter.convert(docx, 'form.docx', { owner: 'someone-else' })),
    ];
    expect(await Promise.all(asked)).toEqual([
      'converted',
      'converted',
      'PDF_BUSY 正在生成您之前请求的文件，请稍候再试',
      'converted',
    ]);
    expect(converter.stats.documents).toBe(3);
  }, 120_000);

  it("starts a person's conversion before the package conversions still waiting", async () => {
    const converter = createPdfConverter({ maxParallel: 1 });
    const docx = await form();
    const work = [1, 2].map(() => converter.convertMany([docx, docx], '.docx', { lane: 'package' }));
    work.push(converter.convertMany([docx], '.docx', { lane: 'interactive', owner: 'unit' }));
    await Promise.all(work);
    expect(converter.stats.started).toEqual(['package', 'interactive', 'package']);
    expect(converter.stats.documents).toBe(5);
  }, 180_000);

  it('keeps one of two slots free of package builds', async () => {
    const converter = createPdfConverter({ maxParallel: 2 });
    const docx = await form();
    const work = [1, 2].map(() => converter.convertMany([docx], '.docx', { lane: 'package' }));
    work.push(converter.convertMany([docx], '.docx', { lane: 'interactive', owner: 'unit' }));
    await Promise.all(work);
    expect(converter.stats.started).toEqual(['package', 'interactive', 'package']);
  }, 180_000);

  it('converts every document of a list longer than LibreOffice takes in one run, each to its own PDF', async () => {
    // LibreOffice 7.4 converts only the first 245 or so files it is given and still exits with 0.
    const converter = createPdfConverter();
    const names = Array.from({ length: 260 }, (_, i) => `学员${i + 1}号`);
    const pdfs = await converter.convertMany(await Promise.all(names.map(form)), '.docx', {
      lane: 'package',
    });
    expect(pdfs).toHaveLength(260);
    expect(converter.stats.runs).toBeGreaterThanOrEqual(2);
    for (const i of [0, 199, 200, 259]) expect(textOf(pdfs[i]!), names[i]).toContain(names[i]);
  }, 300_000);

  it('fails in Chinese, naming how many, when LibreOffice cannot read a document', async () => {
    const converter = createPdfConverter();
    const broken = new JSZip();
    broken.file('word/document.xml', '<不是 XML');
    const docs = [await form(), await broken.generateAsync({ type: 'nodebuffer' }), await form()];
    await expect(converter.convertMany(docs, '.docx')).rejects.toThrow(
      '生成 PDF 失败：1 份文档未能转换为 PDF。请下载 Word 版（DOCX）查看；如需 PDF，请联系平台管理员。',
    );
  }, 120_000);
});
