import { error, type Finding } from '../findings.ts';
import { passwordScore, REQUIRED_SCORE } from './password-strength.ts';

export const PASSWORD_MIN_LENGTH = 10;

/** Zero-width and other invisible characters: typed by nobody, pasted by mistake, never typed again. */
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** The rule the browser shows while typing and the server enforces on change. */
export function passwordFindings(password: string, username?: string): Finding[] {
  const findings: Finding[] = [];
  if (INVISIBLE.test(password)) {
    findings.push(
      error('PASSWORD_INVISIBLE', 'newPassword', '密码不能包含不可见字符（如零宽字符、制表符），请重新输入'),
    );
  }
  if (password.length < PASSWORD_MIN_LENGTH) {
    findings.push(error('PASSWORD_TOO_SHORT', 'newPassword', `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`));
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    findings.push(error('PASSWORD_NEEDS_MIX', 'newPassword', '密码需同时包含字母和数字'));
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    findings.push(error('PASSWORD_CONTAINS_USERNAME', 'newPassword', '密码不能包含用户名'));
  }
  // Only once the plain rules hold: a short password needs no second reason.
  if (
    findings.length === 0 &&
    password.length <= 128 &&
    passwordScore(password, username ? [username] : []) < REQUIRED_SCORE
  ) {
    findings.push(
      error(
        'PASSWORD_GUESSABLE',
        'newPassword',
        '密码太容易被猜到（常见密码、姓名拼音、连续或重复的字母数字），请换一个更长、更不规则的密码',
      ),
    );
  }
  if (password.length > 128) {
    findings.push(error('PASSWORD_TOO_LONG', 'newPassword', '密码不能超过 128 个字符'));
  }
  return findings;
}
