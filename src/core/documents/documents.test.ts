import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { projectForm, starForm } from '../nomination/forms/fixtures.test-support.ts';
import { defaultProjectLayout, defaultStarLayout } from './default-layouts.ts';
import { attachmentDisposition, formFileName } from './file-names.ts';
import { type FormLayout, layoutProblems } from './form-layout.ts';
import { printable, projectFormValues, starFormValues } from './form-values.ts';
import { registrationSheet } from './registration-sheet.ts';

const rules = getTemplate('national-2024')!;
const full = { maskPersonalData: false };

describe('form layouts', () => {
  it('fill their grid on every row, for both categories and both templates', () => {
    for (const id of ['national-2024', 'jilin-2023']) {
      const r = getTemplate(id)!;
      expect(layoutProblems(defaultStarLayout(r))).toEqual([]);
      expect(layoutProblems(defaultProjectLayout(r))).toEqual([]);
    }
  });

  it('take title and 附件 number from the campaign', () => {
    expect(defaultStarLayout(rules)).toMatchObject({ title: '百姓学习之星推介表', attachmentLabel: '附件1' });
    expect(defaultProjectLayout(rules)).toMatchObject({
      title: '终身学习品牌项目推介表',
      attachmentLabel: '附件3',
    });
  });

  it('leave the 工作总结 out of the project’s 推介表: it is a document of its own', () => {
    const fields = defaultProjectLayout(rules).rows.flatMap((row) =>
      row.cells.flatMap((cell) => [cell.field, ...(cell.parts ?? []).map((p) => p.field)]),
    );
    expect(fields).toContain('results');
    expect(fields).not.toContain('workSummary');
  });

  it('report a row that overflows, falls short or runs into a photo box', () => {
    const bad: FormLayout = {
      title: '表',
      attachmentLabel: '',
      columnWidths: [1, 1, 1],
      signature: { signer: '', seal: '', date: '' },
      rows: [
        {
          cells: [
            { label: 'a', span: 2, kind: 'text' },
            { label: 'p', span: 1, rowSpan: 2, kind: 'photo' },
          ],
        },
        { cells: [{ label: 'b', span: 3, kind: 'text' }] },
        { cells: [{ label: 'c', span: 2, kind: 'text' }] },
      ],
    };
    expect(layoutProblems(bad)).toEqual(['第2行有一格压在上方跨行的格子上。', '第3行共占2列，应为3列。']);
  });
});

describe('form values', () => {
  it('print 性别 and 出生年月 from the 身份证号, and mask it for those who may not see it', () => {
    const values = starFormValues(starForm(), full);
    expect(values).toMatchObject({ sex: '男', birthMonth: '1980年1月', isCountyLevelOfficialOrAbove: '否' });
    const masked = starFormValues(starForm(), { maskPersonalData: true });
    expect(masked.idNumber).not.toBe(values.idNumber);
    expect(masked.phone).toBe('138****5678');
  });

  it('leave a missing or odd field empty instead of failing', () => {
    const values = starFormValues({ name: 42, story: null, focusGroups: 'x', idNumber: '123' }, full);
    expect(values).toMatchObject({ name: '42', story: '', focusGroups: '', sex: '', birthMonth: '' });
    expect(printable('甲\u0000乙\uD800丙\t')).toBe('甲乙\uFFFD丙');
  });

  it('write dates and counts the Chinese way', () => {
    const values = projectFormValues(projectForm({ startDate: '2019-09' }), full);
    expect(values).toMatchObject({
      startDate: '2019年9月',
      participations: '线下3200人次；线上1.2万',
      creditRecord: '无不良记录（2024年3月1日查询）',
    });
  });
});

describe('registration sheet', () => {
  it('lists by 排序 with the special pick’s remark', () => {
    const entry = (id: string, rank: number, special = false) => ({
      id,
      rank,
      special,
      values: starFormValues(starForm({ name: id }), full),
    });
    const sheet = registrationSheet([entry('乙', 2, true), entry('甲', 1), entry('丙', 5)], {
      category: 'star',
      rules,
      unitName: '吉林省教育厅',
    });
    expect(sheet.title).toBe('百姓学习之星推介登记表');
    expect(sheet.rows.map((r) => [r.rank, r.name, r.remark])).toEqual([
      ['1', '甲', ''],
      ['2', '乙', '事迹特别感人'],
      ['3', '丙', ''],
    ]);
  });
});

describe('file names', () => {
  it('keep Chinese, drop what file systems refuse', () => {
    const name = formFileName('百姓学习之星推介表', '阿依古丽·买买提/“x”', 'docx');
    expect(name).toBe('百姓学习之星推介表-阿依古丽·买买提_“x”.docx');
    expect(attachmentDisposition(name)).toContain(`filename*=UTF-8''${encodeURIComponent(name)}`);
  });
});
