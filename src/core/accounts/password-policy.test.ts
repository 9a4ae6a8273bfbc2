import { describe, expect, it } from 'vitest';
import { passwordFindings } from './password-policy.ts';

describe('passwordFindings', () => {
  it('accepts a long password mixing letters and digits', () => {
    expect(passwordFindings('learning2024star')).toEqual([]);
  });

  it.each([
    ['short1', 'PASSWORD_TOO_SHORT'],
    ['onlyletterslong', 'PASSWORD_NEEDS_MIX'],
    ['12345678901', 'PASSWORD_NEEDS_MIX'],
    [`a1${'x'.repeat(130)}`, 'PASSWORD_TOO_LONG'],
  ])('refuses %s with %s', (password, code) => {
    expect(passwordFindings(password).map((f) => f.code)).toContain(code);
  });

  it('refuses a password that contains the user name, whatever its case', () => {
    expect(passwordFindings('Jilin-Admin-2024', 'jilin-admin').map((f) => f.code)).toEqual([
      'PASSWORD_CONTAINS_USERNAME',
    ]);
  });
});
