/**
 * The renderers on their own (no database): bad input still builds a document that holds the text,
 * and a registration table survives a round trip through exceljs in its 排序 order.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { getTemplate } from '#core/campaign/templates/index.ts';
import {
  defaultProjectLayout,
  defaultStarLayout,
  projectFormValues,
  registrationSheet,
  starFormValues,
} from '#core/documents/index.ts';
import { projectForm, starForm } from '#core/nomination/forms/fixtures.test-support.ts';
import { renderFormDocx } from '#server/platform/documents/render-form-docx.ts';
import { renderRegistrationXlsx } from '#server/platform/documents/render-registration-xlsx.ts';

const rules = getTemplate('national-2024')!;
const full = { maskPersonalData: false };

/** The document's text, runs joined: Word may split a sentence into several runs. */
async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

const star = (patch: Record<string, unknown>) =>
  renderFormDocx(defaultStarLayout(rules), starFormValues({ ...starForm(), ...patch }, full));

describe('推介表 DOCX with difficult input', () => {
  it('keeps a 10,000-character story whole, in rows that may break across pages', async () => {
    const story = `${'长期坚持读书学习，带动社区居民共同参与。'.repeat(500)}结尾`;
    expect([...story].length).toBeGreaterThanOrEqual(10_000);
    const buffer = await star({ story });
    const text = (await docxText(buffer)).replace(/\n/g, '');
    expect(text).toContain(story);
    const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('w:w="11906"'); // A4
  });

  it('keeps rare characters, ethnic-name middle dots and markup as typed', async () => {
    const text = await docxText(
      await star({
        name: '阿依古丽·买买提',
        workUnit: '𠀀𪚥学习社',
        awards: '<script>alert(1)</script> & “奖”',
      }),
    );
    expect(text).toContain('阿依古丽·买买提');
    expect(text).toContain('𠀀𪚥学习社');
    expect(text).toContain('<script>alert(1)</script> & “奖”');
  });

  it('builds with empty optional fields, a missing field and odd stored values', async () => {
    const { post, awards, story, ...rest } = starForm();
    const text = await docxText(
      await renderFormDocx(
        defaultStarLayout(rules),
        starFormValues({ ...rest, post: '', focusGroups: null, phone: 138, address: '甲\u0000乙' }, full),
      ),
    );
    expect(text).toContain('主要事迹');
    expect(text).toContain('甲乙');
    expect(text).toContain('（推荐单位盖章）');
    expect(text).toContain('年    月    日');
  });

  it('builds a project form from an empty draft, every section labelled', async () => {
    const text = await docxText(
      await renderFormDocx(defaultProjectLayout(rules), projectFormValues({}, full)),
    );
    for (const label of [
      '终身学习品牌项目推介表',
      '附件3',
      '学习场所：',
      '取得的成效与影响',
      '推荐单位意见',
    ]) {
      expect(text).toContain(label);
    }
  });

  it('prints the project’s sections under their labels', async () => {
    const text = await docxText(
      await renderFormDocx(defaultProjectLayout(rules), projectFormValues(projectForm(), full)),
    );
    expect(text).toContain('学习场所：社区学习中心');
    expect(text).toContain('2019年9月1日');
  });
});

describe('推介登记表 XLSX', () => {
  it('round-trips with its rows in 排序 order, the special marked, the header frozen', async () => {
    const entries = ['丙', '甲', '乙'].map((name, i) => ({
      id: name,
      rank: [3, 1, 2][i]!,
      special: name === '乙',
      values: starFormValues(starForm({ name }), full),
    }));
    const sheet = registrationSheet(entries, { category: 'star', rules, unitName: '吉林省教育厅' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderRegistrationXlsx([sheet])) as never);
    const ws = workbook.worksheets[0]!;
    expect(ws.name).toBe('吉林省教育厅');
    expect(ws.getCell('A2').value).toBe('百姓学习之星推介登记表');
    expect(ws.getCell('A3').value).toBe('报送单位（盖章）：吉林省教育厅');
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(sheet.columns.map((c) => c.header));
    const body = [5, 6, 7].map((r) => {
      const row = ws.getRow(r);
      return [row.getCell(1).value, row.getCell(2).value, row.getCell(11).value];
    });
    expect(body).toEqual([
      [1, '甲', ''],
      [2, '乙', '事迹特别感人'],
      [3, '丙', ''],
    ]);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(ws.getColumn(8).width).toBe(32);
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
  });
});
