/** Login, the current account and password change. */
import { z } from 'zod';
import { ROLES } from '../accounts/roles.ts';

export const LoginBody = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64, '用户名不能超过 64 个字符'),
  password: z.string().min(1, '请输入密码').max(256, '密码过长'),
});

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1, '请输入当前密码').max(256),
  newPassword: z.string().min(1, '请输入新密码').max(256),
});

const role = z.enum(Object.keys(ROLES) as [keyof typeof ROLES]);

export const Me = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    /** `type` is the stored type, which an old or hand-made row may have outside the known list. */
    organisation: z.object({ id: z.string(), name: z.string(), type: z.string(), typeLabel: z.string() }),
    roles: z.array(role),
    /** Roles this account may give others, so the account form offers only those. */
    grantableRoles: z.array(role),
    mustChangePassword: z.boolean(),
    permissions: z.array(z.string()),
  })
  .meta({ id: 'Me' });

export const MeResponse = z.object({ me: Me, csrfToken: z.string() });
/** Who is signed in in this browser, if anyone: nobody is an answer (both null), not an error. */
export const SessionResponse = z.object({ me: Me.nullable(), csrfToken: z.string().nullable() });

export type Me = z.infer<typeof Me>;
export type MeResponse = z.infer<typeof MeResponse>;
export type SessionResponse = z.infer<typeof SessionResponse>;

/** One of the caller's own live sessions: where and when it signed in, so an unknown one can be ended. */
export const MySession = z
  .object({
    id: z.string(),
    current: z.boolean(),
    signedInAt: z.string(),
    lastSeenAt: z.string(),
    /** When it ends at the latest, however busy it is kept. */
    endsAt: z.string(),
    ip: z.string().nullable(),
    /** The browser and system in words (e.g. 「Chrome 浏览器，Windows」), not the raw header. */
    device: z.string(),
  })
  .meta({ id: 'MySession' });

export const MySessionsResponse = z.object({ sessions: z.array(MySession) });
export const SignedOutResponse = z.object({ signedOut: z.number().int() });

export type MySession = z.infer<typeof MySession>;
export type MySessionsResponse = z.infer<typeof MySessionsResponse>;
