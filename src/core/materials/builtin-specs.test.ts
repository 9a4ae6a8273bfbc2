import { describe, expect, it } from 'vitest';
import { getTemplate } from '../campaign/templates/index.ts';
import { BUILTIN_SPEC_NAMES, builtinSpec } from './builtin-specs.ts';

describe('built-in specs', () => {
  const national = getTemplate('national-2024')!.materials;

  it('are the national 2024 slots, numbers and all', () => {
    const idPhoto = national.star.slots.find((slot) => slot.id === 'idPhoto')!;
    expect(builtinSpec('star-photo')).toMatchObject({
      formats: ['jpeg'],
      minBytes: idPhoto.minBytes,
      minDpi: 300,
    });
    expect(builtinSpec('project-photo')).toEqual(national.project.slots.find((slot) => slot.id === 'photos'));
    expect(builtinSpec('video')).toEqual(national.star.slots.find((slot) => slot.id === 'video'));
  });

  it('know every listed name and nothing else', () => {
    for (const name of BUILTIN_SPEC_NAMES) expect(builtinSpec(name)).toBeDefined();
    expect(builtinSpec('toString')).toBeUndefined();
  });
});
