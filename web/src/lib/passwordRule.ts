/**
 * The password rule as shown to users. The rule itself lives in core (the server enforces the same
 * function and answers PASSWORD_TOO_WEAK); checking here first only saves a round trip.
 */
import { PASSWORD_MIN_LENGTH, passwordFindings } from '#core/accounts/password-policy.ts';

export const PASSWORD_RULE_TEXT = `至少 ${PASSWORD_MIN_LENGTH} 个字符，须同时包含字母和数字，不能包含用户名，不能是常见或容易猜到的密码。`;

/** The first problem with the password, or null when it meets the rule. */
export function passwordProblem(password: string, username?: string): string | null {
  return passwordFindings(password, username).find((f) => f.severity === 'error')?.message ?? null;
}
