import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { builtinSpec } from './builtin-specs.ts';
import { campaignSpec, campaignSpecNames } from './campaign-specs.ts';

const national = getTemplate('national-2024')!.materials;
const jilin = getTemplate('jilin-2023')!.materials;
const slotOf = (result: ReturnType<typeof campaignSpec>) => {
  if (!('slot' in result)) throw new Error(result.problem);
  return result.slot;
};

describe('campaignSpec', () => {
  it.each(['star-photo', 'project-photo', 'video'])(
    'gives the built-in %s for the national 2024 rules',
    (name) => {
      expect(slotOf(campaignSpec(national, name))).toEqual(builtinSpec(name));
    },
  );

  it('reads the short names from the campaign: Jilin photos have no size or dpi rule', () => {
    const star = slotOf(campaignSpec(jilin, 'star-photo'));
    expect(star).toMatchObject({ kind: 'photo', label: '2寸免冠彩色证件照或精彩学习活动照片' });
    expect(star.minBytes).toBeUndefined();
    expect(star.attestations.at(-1)).toContain('若为证件照');
  });

  it('names every slot as <set>.<slotId>', () => {
    expect(slotOf(campaignSpec(jilin, 'star.activityPhoto')).label).toBe('精彩学习活动照片');
    expect(slotOf(campaignSpec(national, 'project.workSummary')).kind).toBe('document');
    expect(slotOf(campaignSpec(national, 'specialStar.video')).required).toBe(true);
    expect(campaignSpecNames(jilin)).toContain('specialProject.photos');
  });

  it('lists the valid names when a name is unknown', () => {
    for (const name of ['poster', 'star.poster', 'star.idPhoto.x', '__proto__.x', 'constructor.slots']) {
      const result = campaignSpec(national, name);
      expect(result).toHaveProperty('problem');
      expect((result as { problem: string }).problem).toContain(
        '本活动可用：star-photo、project-photo、video、star.idPhoto',
      );
    }
  });

  it('asks which photo is meant when a campaign gives a star’s photos different rules', () => {
    const edited = structuredClone(national);
    edited.star.slots[1]!.minBytes = 1024;
    const result = campaignSpec(edited, 'star-photo');
    expect(result).toEqual({
      problem: expect.stringContaining('请指明是哪一张：star.idPhoto（2寸免冠彩色证件照）'),
    });
  });
});
