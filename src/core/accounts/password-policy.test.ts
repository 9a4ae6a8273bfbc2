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

  it.each([
    'password123',
    'Password2026',
    'qwerty123456',
    '1qaz2wsx3edc',
    'woaini1314abc',
    'a1b2c3d4e5',
    `${' '.repeat(9)}a1`,
  ])('refuses the easily guessed %j, though it is long and mixed', (password) => {
    expect(passwordFindings(password).map((f) => f.code)).toEqual(['PASSWORD_GUESSABLE']);
  });

  it('refuses zero-width and other invisible characters', () => {
    expect(passwordFindings('Learning\u200b2024star').map((f) => f.code)).toEqual(['PASSWORD_INVISIBLE']);
    expect(passwordFindings('Learning\t2024star').map((f) => f.code)).toEqual(['PASSWORD_INVISIBLE']);
  });
});
