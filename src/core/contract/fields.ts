/**
 * Field schemas that several request bodies share. Pure zod, so the browser can import them with the
 * response shapes; the server's route schemas are built from the same ones.
 */
import { z } from 'zod';
import { SEVERITIES } from '../findings.ts';

/**
 * A display name of a person or an organisation: trimmed, no control characters and no angle brackets,
 * which no real name has and which would only ever carry markup.
 */
export const nameText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`)
    .refine((s) => !/[\p{Cc}<>]/u.test(s), `${label}不能包含控制字符或尖括号 < >`);

export const username = z
  .string()
  .trim()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_.-]{2,63}$/,
    '用户名应为 3–64 位字母、数字、下划线、点或连字符，并以字母或数字开头',
  );

export const version = z.number().int().min(1, '版本号不正确');

/** A finding as responses carry it (core/findings.ts). */
export const Finding = z.object({
  code: z.string(),
  severity: z.enum(SEVERITIES),
  field: z.string(),
  message: z.string(),
});
