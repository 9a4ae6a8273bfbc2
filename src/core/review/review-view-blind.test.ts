import { describe, expect, it } from 'vitest';
import { ID, projectForm, starForm } from '../nomination/forms/fixtures.test-support.ts';
import { blindForm } from './review-view-blind.ts';

describe('blindForm', () => {
  it('removes the unit, contacts and ID number of a star when the round hides them', () => {
    const form = { ...starForm(), materials: [{ fileName: 'a.jpg' }] };
    const shown = blindForm('star', form, ['unit', 'contacts', 'idNumbers']);
    for (const key of ['unitOpinion', 'phone', 'address', 'idNumber', 'materials'])
      expect(shown).not.toHaveProperty(key);
    expect(shown.name).toBe('张三');
    expect(shown.story).toBe(form.story);
    expect(JSON.stringify(shown)).not.toContain('13812345678');
    expect(JSON.stringify(shown)).not.toContain(ID.slice(6, 14));
  });

  it('removes a project contact person and phone', () => {
    const shown = blindForm('project', projectForm(), ['contacts']);
    expect(shown).not.toHaveProperty('contactName');
    expect(shown).not.toHaveProperty('contactPhone');
    expect(shown.unitOpinion).toBe('同意推介。');
  });

  it('masks what a round shows of ID numbers and phones', () => {
    const shown = blindForm('star', starForm(), []);
    expect(shown.idNumber).toBe(`22************${ID.slice(14)}`);
    expect(shown.phone).toBe('138****5678');
    expect(shown.unitOpinion).toBe('同意推介。');
  });
});
