import { z } from 'zod';
import { requiredText } from './identifiers';
import { passwordProblem, usernameSchema, type Role } from './security';

export const ROLES = ['pharmacist', 'technician'] as const satisfies readonly Role[];

/** Adds a `password`-field issue when the password is too weak for that username. */
function checkPassword(field: string) {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const problem = passwordProblem(String(v[field] ?? ''), String(v.username ?? ''));
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
  };
}

const roleFields = {
  username: usernameSchema,
  fullName: requiredText('full name', 120),
  role: z.enum(ROLES, { error: 'Choose pharmacist or technician' }),
  isAdmin: z.boolean().default(false),
};

export const userAddRequest = z
  .object({ ...roleFields, temporaryPassword: z.string({ error: 'Enter a temporary password' }) })
  .strict()
  .superRefine(checkPassword('temporaryPassword'))
  .refine((v) => !v.isAdmin || v.role === 'pharmacist', {
    path: ['isAdmin'],
    message: 'Only a pharmacist can be an administrator',
  });

export const userUpdateRequest = z
  .object(roleFields)
  .strict()
  .refine((v) => !v.isAdmin || v.role === 'pharmacist', {
    path: ['isAdmin'],
    message: 'Only a pharmacist can be an administrator',
  });

export const usernameRequest = z.object({ username: usernameSchema }).strict();

export const userResetPasswordRequest = z
  .object({ username: usernameSchema, temporaryPassword: z.string({ error: 'Enter a temporary password' }) })
  .strict()
  .superRefine(checkPassword('temporaryPassword'));

export const changeOwnPasswordRequest = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password').max(256),
    newPassword: z.string({ error: 'Enter a new password' }).max(256),
  })
  .strict()
  .refine((v) => v.newPassword !== v.currentPassword, {
    path: ['newPassword'],
    message: 'Choose a password different from the current one',
  });

export const breakGlassRequest = z
  .object({
    username: usernameSchema,
    recoveryCode: z.string().trim().min(20, 'Enter the whole recovery code').max(64),
    reason: z
      .string()
      .trim()
      .min(10, 'Say in a sentence why the recovery code is needed (at least 10 characters)')
      .max(500),
    newPassword: z.string({ error: 'Choose a new password' }).max(256),
  })
  .strict()
  .superRefine(checkPassword('newPassword'));

export const unlockRequest = z.object({ password: z.string().min(1, 'Enter your password').max(256) }).strict();

export interface UserSummary {
  username: string;
  fullName: string;
  role: Role;
  isAdmin: boolean;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** What a re-key gives back: the new recovery code (shown once) and users who need a new temporary password. */
export interface RekeyReport {
  recoveryCode: string;
  dropped: string[];
}
export const rekeyRequest = z
  .object({ reason: z.string().trim().min(3, 'Say why the data key is being replaced').max(200) })
  .strict();
