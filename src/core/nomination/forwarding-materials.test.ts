import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import type { MaterialSets } from '../materials/nomination-slots.ts';
import { planForwardedMaterials } from './forwarding-materials.ts';

const jilin = { title: '2023年吉林省推介', materials: getTemplate('jilin-2023')!.materials as MaterialSets };
const nation = {
  level: 'national' as const,
  materials: getTemplate('national-2024')!.materials as MaterialSets,
};
const file = (setKey: string, slotId: string, name = `${slotId}.jpg`) => ({ setKey, slotId, name });
const codes = (findings: { code: string; field: string }[]) => findings.map((f) => `${f.code}:${f.field}`);

describe('planForwardedMaterials', () => {
  it('keeps the slots whose ids match and reports a slot the national round lacks, and the one it adds', () => {
    const files = [file('star', 'idPhoto'), file('star', 'activityPhoto'), file('star', 'video', 'v.mp4')];
    const plan = planForwardedMaterials(files, { category: 'star', special: false }, jilin, nation);
    expect(plan.files.map((p) => [p.file.slotId, p.placed])).toEqual([
      ['idPhoto', true],
      ['activityPhoto', false],
      ['video', true],
    ]);
    const unplaced = plan.files[1]!;
    expect(unplaced.placed === false && unplaced.finding).toEqual({
      code: 'FORWARDED_NO_SLOT',
      severity: 'error',
      field: 'slot',
      message:
        '此文件是「2023年吉林省推介」中的「精彩学习活动照片」，随推介转来；本活动的材料要求中没有对应的材料项，不计入提交的材料，仅供查看。',
    });
    expect(plan.findings).toEqual([
      {
        code: 'FORWARD_MATERIAL_NO_SLOT',
        severity: 'warning',
        field: 'materials.star.activityPhoto',
        message:
          '「精彩学习活动照片」的 1 个文件在全国活动的材料要求中没有对应的材料项：已随推介转去供查看，但不计入提交的材料。',
      },
      {
        code: 'FORWARD_MATERIAL_MISSING',
        severity: 'warning',
        field: 'materials.star.photo',
        message:
          '全国活动要求「个人照片」（1 个文件），本活动没有对应的文件，转去后此项为“未上传”，需由报送单位补交。',
      },
    ]);
  });

  it('reports files above the national count without dropping any, and what the special set lacks', () => {
    const photos = Array.from({ length: 7 }, (_, i) => file('specialProject', 'photos', `${i}.jpg`));
    const files = [
      file('project', 'workSummary', 's.pdf'),
      ...[1, 2, 3].map(() => file('project', 'photos')),
    ];
    const plan = planForwardedMaterials(
      [...files, ...photos],
      { category: 'project', special: true },
      jilin,
      nation,
    );
    expect(plan.files.every((p) => p.placed)).toBe(true);
    expect(codes(plan.findings)).toEqual([
      'FORWARD_MATERIAL_ABOVE_MAX:materials.specialProject.photos',
      'FORWARD_MATERIAL_MISSING:materials.specialProject.video',
    ]);
    expect(plan.findings[0]!.message).toBe(
      '「特别推介材料·照片」转去 7 个文件，全国活动该项最多 5 个，多出 2 个：文件已全部转去，需由报送单位删减。',
    );
  });

  it('says how many a required slot still lacks, and names an either-or group none of whose slots came', () => {
    const plan = planForwardedMaterials(
      [file('project', 'workSummary', 's.pdf'), file('project', 'photos')],
      { category: 'project', special: false },
      jilin,
      nation,
    );
    expect(plan.findings.map((f) => f.message)).toEqual([
      '全国活动要求「反映活动品牌项目的照片」3–5 个文件，转去 1 个，还需由报送单位补交 2 个。',
    ]);
    // Upwards the other way round (a round that asks for photos or a film), to reach the either-or rule.
    const either = planForwardedMaterials(
      [],
      { category: 'star', special: true },
      { title: '全国', materials: nation.materials },
      { level: 'provincial', materials: jilin.materials },
    );
    expect(codes(either.findings)).toContain('FORWARD_MATERIAL_ONE_OF_MISSING:materials.specialStar');
    expect(either.findings.at(-1)!.message).toBe(
      '省级活动要求「特别推介材料·相关照片」或「特别推介材料·音像视频资料」至少提交一项，转去的材料中没有，需由报送单位补交。',
    );
  });
});
