import { z } from 'zod';
import { documentSettingsSchema } from './settings';
import { addressSchema, ncpdpSchema, npiSchema, phoneSchema, requiredText } from './identifiers';

export const PASSWORD_MIN_LENGTH = 12;
// A few passwords that pass the length rule yet are among the first any attacker tries.
const COMMON_PASSWORDS = [
  'password1234',
  'pharmacy1234',
  'qwertyuiop12',
  '123456789012',
  'passwordpassword',
  'letmein12345',
];

/**
 * Returns why a password is too weak, or null. Length over composition rules, after
 * NIST SP 800-63B §3.1.1.2: long, not the username, not a known-common or repetitive string.
 */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH)
    return `Use at least ${PASSWORD_MIN_LENGTH} characters (a short sentence works well)`;
  if (password.length > 256) return 'Use at most 256 characters';
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) return 'The password must not contain the username';
  if (new Set(lower).size < 5) return 'Use more different characters: this password is too repetitive';
  if (COMMON_PASSWORDS.includes(lower)) return 'This password is too common: choose another';
  return null;
}

export const usernameSchema = z
  .string({ error: 'Enter a username' })
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, 'Use 3 to 32 letters, digits, dots, dashes or underscores');

export const pharmacySchema = z.object({
  name: requiredText('pharmacy name', 120),
  ncpdpId: ncpdpSchema,
  npi: npiSchema,
  phone: phoneSchema.refine((v) => v !== undefined, 'Enter the pharmacy phone number'),
  address: addressSchema.extend({
    line1: requiredText('street address', 120),
    city: requiredText('city', 80),
    state: addressSchema.shape.state.refine((v) => v !== undefined, 'Enter the state'),
    zip: addressSchema.shape.zip.refine((v) => v !== undefined, 'Enter the ZIP code'),
  }),
});

/** What `mtm init` may start with: a name, and any details given are checked; the rest is completed later. */
export const pharmacyDraftSchema = z.object({
  name: requiredText('pharmacy name', 120),
  ncpdpId: ncpdpSchema.optional(),
  npi: npiSchema.optional(),
  phone: phoneSchema,
  address: addressSchema.prefault({}),
});
export type PharmacyDraft = z.output<typeof pharmacyDraftSchema>;

export const newAccountSchema = z
  .object({
    username: usernameSchema,
    fullName: requiredText('full name', 120),
    password: z.string({ error: 'Enter a password' }),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, v.username);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
  });

/** The patient letter's contact details, asked at setup (the CMR summary waits for them; they can be left for later). */
export const setupContactSchema = documentSettingsSchema.pick({ hours: true, tty: true, fax: true }).partial();
export const setupRequest = z
  .object({ pharmacy: pharmacySchema, account: newAccountSchema, contact: setupContactSchema.optional() })
  .strict();
/** First run only: a pharmacy of clearly fictional patients to try the app on. */
export const setupDemoRequest = z.object({ account: newAccountSchema }).strict();
export type SetupData = {
  pharmacy: PharmacyDraft;
  account: z.output<typeof newAccountSchema>;
  contact?: z.output<typeof setupContactSchema>;
};

export const signInRequest = z
  .object({
    username: z.string({ error: 'Enter your username' }).trim().toLowerCase().min(1, 'Enter your username').max(64),
    password: z.string({ error: 'Enter your password' }).min(1, 'Enter your password').max(256),
  })
  .strict();

export const emptyRequest = z.object({}).strict();

/** A workstation joining a shared pharmacy database (issue 21): checked again in main before anything is kept. */
export const connectSharedRequest = z
  .object({
    url: z
      .string({ error: 'Enter the connection URL your IT person gave you.' })
      .trim()
      .min(1, 'Enter the connection URL your IT person gave you.')
      .max(500),
    ca: z
      .string({ error: "Give the server's CA certificate (a .pem or .crt file from your IT person)." })
      .trim()
      .min(1, "Give the server's CA certificate (a .pem or .crt file from your IT person).")
      .max(20_000, 'That file is too large to be a CA certificate.'),
    password: z.string({ error: 'Enter the database password.' }).min(1, 'Enter the database password.').max(200),
  })
  .strict();

export type Role = 'pharmacist' | 'technician';

export interface SignedInUser {
  username: string;
  fullName: string;
  role: Role;
  isAdmin: boolean;
  /** Set after an administrator's reset: the app asks for a new password before anything else. */
  mustChangePassword: boolean;
}

/**
 * What main tells the screen at once (Electron IPC or the bridge's event stream): the session
 * locked (idle or by hand), ended or began, or the idle time changed. Carries no patient data.
 */
export const sessionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('locked'), reason: z.enum(['idle', 'user']), username: z.string(), fullName: z.string() }),
  z.object({ type: z.literal('signedOut') }),
  z.object({ type: z.literal('signedIn'), username: z.string() }),
  z.object({ type: z.literal('settingsChanged') }),
]);
export type SessionEvent = z.infer<typeof sessionEventSchema>;

export interface AppStatus {
  /** False until the first-run setup has created the pharmacy. */
  initialized: boolean;
  user: SignedInUser | null;
  pharmacyName: string | null;
  /** The screen is locked (idle or by hand): only this user's password resumes. */
  locked: { username: string; fullName: string } | null;
  /** Minutes of inactivity before the screen locks (pharmacy setting). */
  idleLockMinutes: number;
  /**
   * For administrators: what the last unlock found wrong with the audit trail's anchor (tampering); null when sound.
   */
  auditIntegrity: string | null;
  /** The pharmacy's time zone (its settings, else the computer's): what "today" means on every screen. */
  timeZone: string;
  /** The shared pharmacy database this workstation uses, or null for the encrypted file on this computer. */
  shared: { server: string; database: string; user: string } | null;
}

export interface SetupResult {
  /** Shown once; it unlocks the database if every password is lost. */
  recoveryCode: string;
  user: SignedInUser;
}
