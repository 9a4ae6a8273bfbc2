import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import {
  findNominationSlot,
  isMaterialSetKey,
  setsForNomination,
  slotDisplayName,
} from './nomination-slots.ts';

const national = getTemplate('national-2024')!.materials;
const jilin = getTemplate('jilin-2023')!.materials;

describe('setsForNomination', () => {
  it('gives a regular star its category set only', () => {
    expect(setsForNomination(national, { category: 'star', special: false }).map((s) => s.setKey)).toEqual([
      'star',
    ]);
  });

  it('adds the special set for a special pick, per category', () => {
    expect(setsForNomination(national, { category: 'star', special: true }).map((s) => s.setKey)).toEqual([
      'star',
      'specialStar',
    ]);
    expect(setsForNomination(jilin, { category: 'project', special: true }).map((s) => s.setKey)).toEqual([
      'project',
      'specialProject',
    ]);
  });
});

describe('findNominationSlot', () => {
  it('finds a slot of an applying set', () => {
    expect(
      findNominationSlot(national, { category: 'star', special: false }, 'star', 'idPhoto'),
    ).toMatchObject({
      kind: 'photo',
      minDpi: 300,
    });
  });

  it('finds nothing for a set that does not apply, another category or an unknown id', () => {
    const star = { category: 'star', special: false } as const;
    expect(findNominationSlot(national, star, 'specialStar', 'photos')).toBeUndefined();
    expect(findNominationSlot(national, star, 'project', 'photos')).toBeUndefined();
    expect(findNominationSlot(national, star, 'star', 'nope')).toBeUndefined();
    expect(findNominationSlot(national, { ...star, special: true }, 'specialStar', 'photos')).toBeDefined();
  });
});

describe('names', () => {
  it('knows the set keys', () => {
    expect(isMaterialSetKey('specialProject')).toBe(true);
    expect(isMaterialSetKey('__proto__')).toBe(false);
  });

  it('names a special slot with its set', () => {
    expect(slotDisplayName('star', { id: 'idPhoto', label: '证件照' })).toBe('「证件照」');
    expect(slotDisplayName('specialStar', { id: 'photos', label: '照片' })).toBe('「特别推介材料·照片」');
    expect(slotDisplayName('star', { id: 'x', label: '' })).toBe('「x」');
  });
});
