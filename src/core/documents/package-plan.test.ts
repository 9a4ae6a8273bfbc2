import { describe, expect, it } from 'vitest';
import { parseCampaignRules } from '../campaign/rules-schema.ts';
import { getTemplate } from '../campaign/templates/index.ts';
import { campaignFormLayout, documentFindings } from './campaign-layouts.ts';
import { defaultStarLayout } from './default-layouts.ts';
import { manifestCsv, parseManifestCsv } from './manifest.ts';
import { materialEntryName, materialExtension, nominationFolder } from './package-names.ts';
import { type PackageMaterial, type PackageNomination, planPackage } from './package-plan.ts';

const rules = getTemplate('national-2024')!;

const file = (slotId: string, patch: Partial<PackageMaterial> = {}): PackageMaterial => ({
  id: `${slotId}-${Math.random()}`,
  setKey: 'star',
  slotId,
  fileName: `${slotId}.jpg`,
  storageKey: `materials/${slotId}`,
  sha256: 'a'.repeat(64),
  state: 'passed',
  chosen: true,
  findings: [],
  waivers: [],
  probed: { kind: 'image', format: 'jpeg' },
  stored: true,
  ...patch,
});

const star = (name: string, rank: number, materials: PackageMaterial[], unit = 'u1'): PackageNomination => ({
  id: `${unit}-${name}`,
  unitId: unit,
  unitName: unit === 'u1' ? '长春市教育局' : '吉林市教育局',
  category: 'star',
  rank,
  special: false,
  state: 'submitted',
  name,
  materials,
});

describe('package names', () => {
  it('number folders in 排序 order and keep names a file system accepts', () => {
    expect(nominationFolder(1, '张三', 9)).toBe('01_张三');
    expect(nominationFolder(7, '阿依古丽·买买提', 120)).toBe('007_阿依古丽·买买提');
    expect(nominationFolder(2, 'a/b:c', 2)).toBe('02_a_b_c');
    expect(nominationFolder(3, '', 3)).toBe('03_未填写名称');
  });

  it('name material by slot, numbered where a slot holds several, with the extension of the bytes', () => {
    const photos = { setKey: 'project', slot: { id: 'photos', label: '照片', count: { max: 5 } } };
    const idPhoto = {
      setKey: 'star',
      slot: { id: 'idPhoto', label: '2寸免冠彩色证件照', count: { max: 1 } },
    };
    const custom = { setKey: 'star', slot: { id: 'x', label: '获奖证书（扫描件）', count: { max: 1 } } };
    const special = { setKey: 'specialStar', slot: { id: 'video', label: '视频资料', count: { max: 1 } } };
    expect(materialEntryName(photos, 1, 'jpg')).toBe('照片2.jpg');
    expect(materialEntryName(idPhoto, 0, 'png')).toBe('证件照.png');
    expect(materialEntryName(custom, 0, 'pdf')).toBe('获奖证书.pdf');
    expect(materialEntryName(special, 0, 'mp4')).toBe('特别推介_视频.mp4');
    expect(materialExtension({ kind: 'image', format: 'png' }, '照片.JPG')).toBe('png');
    expect(materialExtension({ kind: 'video', container: 'mov' }, 'a.mp4')).toBe('mov');
    expect(materialExtension(null, '总结.DOCX')).toBe('docx');
    expect(materialExtension(undefined, '无扩展名')).toBe('bin');
  });
});

describe('package plan', () => {
  const plan = (nominations: PackageNomination[], byUnit = false) =>
    planPackage(nominations, { rules, byUnit, pdfUnavailable: null });

  it('lays out the registration table, then each nomination in 排序 order with forms and material', () => {
    const items = plan([
      star('李四', 2, [file('idPhoto'), file('photo')]),
      star('张三', 1, [
        file('idPhoto'),
        file('photo'),
        file('video', { probed: { kind: 'video', container: 'mp4' } }),
      ]),
    ]);
    expect(items.filter((i) => i.source).map((i) => i.path)).toEqual([
      '百姓学习之星推介登记表.xlsx',
      '百姓学习之星/01_张三/推介表.docx',
      '百姓学习之星/01_张三/推介表.pdf',
      '百姓学习之星/01_张三/证件照.jpg',
      '百姓学习之星/01_张三/个人照片.jpg',
      '百姓学习之星/01_张三/视频.mp4',
      '百姓学习之星/02_李四/推介表.docx',
      '百姓学习之星/02_李四/推介表.pdf',
      '百姓学习之星/02_李四/证件照.jpg',
      '百姓学习之星/02_李四/个人照片.jpg',
    ]);
    expect(
      items.find((i) => i.path === '百姓学习之星/02_李四/视频资料' || i.path.endsWith('02_李四/视频')),
    ).toMatchObject({
      result: expect.stringContaining('未提交（选交材料'),
    });
  });

  it('lists a missing photo, a failed, a pending and a vanished file instead of dropping them', () => {
    const items = plan([
      star('王五', 1, [
        file('photo', {
          state: 'failed',
          findings: [{ code: 'PHOTO_DPI_LOW', severity: 'error', field: '', message: '分辨率只有72dpi' }],
        }),
      ]),
      star('赵六', 2, [file('idPhoto', { state: 'pending' }), file('photo', { stored: false })]),
    ]);
    const result = (path: string) => items.find((i) => i.path === path);
    expect(result('百姓学习之星/01_王五/证件照')).toMatchObject({ result: expect.stringMatching(/^缺失：/) });
    expect(result('百姓学习之星/01_王五/个人照片.jpg')).toMatchObject({
      source: expect.anything(),
      result: '未通过：分辨率只有72dpi',
    });
    expect(result('百姓学习之星/02_赵六/证件照.jpg')?.result).toMatch(/^未检查/);
    expect(result('百姓学习之星/02_赵六/个人照片.jpg')).toEqual({
      path: '百姓学习之星/02_赵六/个人照片.jpg',
      result: expect.stringMatching(/^缺失：.*找不到/),
    });
  });

  it('puts each unit in its own folder for a whole campaign, and says when there is no PDF', () => {
    const items = planPackage([star('甲', 1, [], 'u2'), star('乙', 1, [], 'u1')], {
      rules,
      byUnit: true,
      pdfUnavailable: '服务器未安装 LibreOffice',
    });
    expect(items[0]).toEqual({ path: '推介表.pdf', result: '未生成：服务器未安装 LibreOffice' });
    const files = items.filter((i) => i.source).map((i) => i.path);
    expect(files).toContain('长春市教育局/百姓学习之星/01_乙/推介表.docx');
    expect(files).toContain('吉林市教育局/百姓学习之星推介登记表.xlsx');
    expect(files.some((p) => p.endsWith('.pdf'))).toBe(false);
    // Each unit's files together, units in name order.
    const units = files.map((p) => p.split('/')[0]);
    expect(units.filter((u, i) => u !== units[i - 1])).toHaveLength(2);
  });
});

describe('清单.csv', () => {
  it('opens in Excel as UTF-8 (BOM, CRLF) and reads back, quotes and formulas made harmless', () => {
    const rows = [
      { path: '01_张三/证件照.jpg', size: 5, sha256: 'ab', result: '通过' },
      { path: '01_张三/视频', size: null, sha256: null, result: '缺失：请上传“视频”, 4–5 分钟' },
      { path: '=cmd', size: 1, sha256: 'cd', result: '由平台生成' },
    ];
    const csv = manifestCsv(rows);
    expect(csv.startsWith('\uFEFF路径,大小（字节）,SHA-256,检查结果\r\n')).toBe(true);
    expect(parseManifestCsv(csv)).toEqual([rows[0], rows[1], { ...rows[2], path: "'=cmd" }]);
  });
});

describe('campaign form layouts', () => {
  it('use the campaign’s own layout, with a renamed label and an extra row', () => {
    const own = defaultStarLayout(rules);
    own.rows[0]!.cells[0] = { label: '姓名（本人签字）', span: 1, kind: 'text' };
    own.rows.push({
      cells: [
        { label: '备注', span: 1, kind: 'text' },
        { field: 'awards', span: 6, kind: 'text' },
      ],
    });
    const withOwn = { ...rules, documents: { starForm: own } };
    expect(campaignFormLayout('star', withOwn)).toBe(own);
    expect(documentFindings(withOwn)).toEqual([]);
    expect(parseCampaignRules(withOwn)).toMatchObject({ ok: true });
  });

  it('report an unknown field and a broken grid in Chinese, and fall back to the built-in layout', () => {
    const own = defaultStarLayout(rules);
    own.rows.push({
      cells: [
        { label: '爱好', span: 1, kind: 'text' },
        { field: 'hobby', span: 5, kind: 'text' },
      ],
    });
    const parsed = parseCampaignRules({ ...rules, documents: { starForm: own } });
    expect(parsed.ok).toBe(true);
    const codes = parsed.findings.map((f) => [f.code, f.field]);
    expect(codes).toContainEqual(['FORM_LAYOUT_UNKNOWN_FIELD', 'documents.starForm']);
    expect(codes).toContainEqual(['FORM_LAYOUT_GRID', 'documents.starForm']);
    expect(parsed.findings.find((f) => f.code === 'FORM_LAYOUT_UNKNOWN_FIELD')?.message).toContain(
      '“hobby”不存在',
    );
    expect(campaignFormLayout('star', { ...rules, documents: { starForm: own } })).toEqual(
      defaultStarLayout(rules),
    );
  });

  it('refuse a layout of the wrong shape', () => {
    const parsed = parseCampaignRules({ ...rules, documents: { starForm: { title: 1 } } });
    expect(parsed.ok).toBe(false);
  });
});
