import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { error } from '../findings.ts';
import { materialSubmitFindings, type NominationMaterialFile } from './submit-rule.ts';

const national = getTemplate('national-2024')!.materials;
const jilin = getTemplate('jilin-2023')!.materials;
const star = { category: 'star', special: false } as const;

const file = (setKey: string, slotId: string, patch: Partial<NominationMaterialFile> = {}) =>
  ({
    setKey,
    slotId,
    fileName: `${slotId}.jpg`,
    state: 'passed',
    chosen: true,
    findings: [],
    waivers: [],
    ...patch,
  }) as NominationMaterialFile;
const codes = (findings: { code: string; severity: string }[]) =>
  findings.map((f) => `${f.severity}:${f.code}`);

describe('materialSubmitFindings', () => {
  it('asks for every required slot, naming it', () => {
    const findings = materialSubmitFindings(national, star, []);
    expect(codes(findings)).toEqual(['error:MATERIAL_MISSING', 'error:MATERIAL_MISSING']);
    expect(findings[0]).toMatchObject({ field: 'materials.star.idPhoto' });
    expect(findings[0]!.message).toBe('请上传「2寸免冠彩色证件照」（需 1 个文件）后再提交。');
  });

  it('has nothing to say about a complete star with passed files (the video is optional)', () => {
    expect(materialSubmitFindings(national, star, [file('star', 'idPhoto'), file('star', 'photo')])).toEqual(
      [],
    );
  });

  it('refuses a pending or failed required file, and accepts it once waived', () => {
    const dpi = error('PHOTO_DPI_LOW', 'dpi', '照片分辨率为 72 dpi，要求不低于 300 dpi。');
    const pending = materialSubmitFindings(national, star, [
      file('star', 'idPhoto', { state: 'pending', fileName: '证件照.jpg' }),
      file('star', 'photo'),
    ]);
    expect(codes(pending)).toEqual(['error:MATERIAL_PENDING']);
    expect(pending[0]!.message).toContain('“证件照.jpg”正在检查');
    const failed = [file('star', 'idPhoto', { state: 'failed', findings: [dpi] }), file('star', 'photo')];
    const refused = materialSubmitFindings(national, star, failed);
    expect(codes(refused)).toEqual(['error:MATERIAL_FAILED']);
    expect(refused[0]!.message).toContain('72 dpi');
    expect(refused[0]!.message).toContain('豁免');
    expect(refused[0]!.message).toContain('要求不低于 300 dpi），请按要求');
    // One sentence: a refusal joining it with others must not read 。；
    expect(refused[0]!.message.match(/。/gu)).toHaveLength(1);
    const waived = [{ ...failed[0]!, waivers: [{ code: 'PHOTO_DPI_LOW' }] }, failed[1]!];
    expect(materialSubmitFindings(national, star, waived)).toEqual([]);
  });

  it('counts only chosen files and checks the range', () => {
    const project = { category: 'project', special: false } as const;
    const two = [file('project', 'workSummary'), file('project', 'photos'), file('project', 'photos')];
    const below = materialSubmitFindings(national, project, two);
    expect(codes(below)).toEqual(['error:MATERIAL_COUNT_BELOW_MIN']);
    expect(below[0]!.message).toContain('需 3–5 个文件，目前只有 2 个，请再上传 1 个');
    const six = [
      file('project', 'workSummary'),
      ...Array.from({ length: 6 }, () => file('project', 'photos')),
    ];
    expect(codes(materialSubmitFindings(national, project, six))).toEqual(['error:MATERIAL_COUNT_ABOVE_MAX']);
    const unchosen = [...two, file('project', 'photos', { chosen: false })];
    expect(codes(materialSubmitFindings(national, project, unchosen))).toEqual([
      'error:MATERIAL_COUNT_BELOW_MIN',
    ]);
  });

  it('only warns about a failed file in an optional slot', () => {
    const findings = materialSubmitFindings(national, star, [
      file('star', 'idPhoto'),
      file('star', 'photo'),
      file('star', 'video', { state: 'failed', findings: [error('VIDEO_FPS', 'fps', '帧率不符')] }),
    ]);
    expect(codes(findings)).toEqual(['warning:MATERIAL_FAILED']);
  });

  it('asks a special pick for its extra material too', () => {
    const special = { category: 'star', special: true } as const;
    const regular = [file('star', 'idPhoto'), file('star', 'photo')];
    const findings = materialSubmitFindings(national, special, regular);
    expect(findings.map((f) => f.field)).toEqual([
      'materials.specialStar.photos',
      'materials.specialStar.video',
    ]);
    expect(findings[0]!.message).toContain('「特别推介材料·照片」');
  });

  it('requires one of Jilin’s special photos or video', () => {
    const special = { category: 'project', special: true } as const;
    const regular = [
      file('project', 'workSummary'),
      ...Array.from({ length: 3 }, () => file('project', 'photos')),
    ];
    const none = materialSubmitFindings(jilin, special, regular);
    expect(codes(none)).toEqual(['error:MATERIAL_ONE_OF_MISSING']);
    expect(none[0]!.message).toBe(
      '请至少上传以下材料之一：「特别推介材料·相关照片」或「特别推介材料·音像视频资料」。',
    );
    expect(materialSubmitFindings(jilin, special, [...regular, file('specialProject', 'video')])).toEqual([]);
    // Photos supplied, but fewer than the 4 the notice asks for: a warning, the video would do instead.
    expect(
      codes(materialSubmitFindings(jilin, special, [...regular, file('specialProject', 'photos')])),
    ).toEqual(['warning:MATERIAL_COUNT_BELOW_MIN']);
  });
});
