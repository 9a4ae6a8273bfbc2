import { describe, expect, it } from 'vitest';
import { MAX_BYTES } from '../materials/limits.ts';
import { type MaterialSetSpec, MEBIBYTE } from '../materials/spec.ts';
import { labelFor } from './diff-labels.ts';
import { getTemplate } from './templates/index.ts';
import { validateMaterials } from './validate-materials.ts';

const national = getTemplate('national-2024')!;

describe('per-file caps (maxBytes) in campaign materials', () => {
  it('the built-in templates cap every slot: video 500 MiB, photos 100 MiB, documents 50 MiB', () => {
    for (const id of ['national-2024', 'jilin-2023']) {
      for (const set of Object.values(getTemplate(id)!.materials) as MaterialSetSpec[]) {
        for (const slot of set.slots) expect(slot.maxBytes, `${id} ${slot.id}`).toBe(MAX_BYTES[slot.kind]);
      }
    }
    expect(MAX_BYTES).toEqual({ video: 500 * MEBIBYTE, photo: 100 * MEBIBYTE, document: 50 * MEBIBYTE });
  });

  it('refuses a cap that is not a positive whole number or below the minimum', () => {
    const materials = structuredClone(national.materials);
    materials.star.slots[0]!.maxBytes = 0;
    materials.project.slots[1]!.maxBytes = 512 * 1024; // below its 1 MiB minimum
    const findings = validateMaterials(materials);
    expect(findings.map((f) => [f.code, f.field])).toEqual([
      ['RULES_NUMBER_INVALID', 'materials.star.slots.0.maxBytes'],
      ['MATERIAL_BYTES_RANGE', 'materials.project.slots.1.maxBytes'],
    ]);
    expect(findings[1]!.message).toContain('单个文件上限小于最小文件大小');
  });

  it('names the cap in a rules diff', () => {
    expect(labelFor(national, ['materials', 'star', 'slots', 'idPhoto', 'maxBytes'])).toBe(
      '百姓学习之星材料·2寸免冠彩色证件照·单个文件上限',
    );
  });
});
