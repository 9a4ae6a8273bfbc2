import { error, type Finding } from '../findings.ts';

export const PASSWORD_MIN_LENGTH = 10;

/** The rule the browser shows while typing and the server enforces on change. */
export function passwordFindings(password: string, username?: string): Finding[] {
  const findings: Finding[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) {
    findings.push(error('PASSWORD_TOO_SHORT', 'newPassword', `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`));
  }
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) {
    findings.push(error('PASSWORD_NEEDS_MIX', 'newPassword', '密码需同时包含字母和数字'));
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) {
    findings.push(error('PASSWORD_CONTAINS_USERNAME', 'newPassword', '密码不能包含用户名'));
  }
  if (password.length > 128) {
    findings.push(error('PASSWORD_TOO_LONG', 'newPassword', '密码不能超过 128 个字符'));
  }
  return findings;
}
