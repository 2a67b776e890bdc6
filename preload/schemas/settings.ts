import { z } from 'zod';
import { isTimeZone } from './dates';

export const IDLE_LOCK_DEFAULT_MINUTES = 10;
export const AUTO_BACKUPS_KEPT = 14;

/** How printed documents are named when saved: no patient data unless the pharmacy chooses it. */
export const FILE_NAME_STYLES = ['reference', 'initials', 'fullName'] as const;
export const FILE_NAME_LABELS: Record<(typeof FILE_NAME_STYLES)[number], string> = {
  reference: 'Document, date and review number only (no patient data)',
  initials: 'Add the patient’s initials',
  fullName: 'Add the patient’s full name',
};

/** At most this many take-back sites print in the CMR summary's safe-disposal section. */
export const TAKE_BACK_SITES_MAX = 4;

/** A place near the pharmacy where patients can drop off unused medicines (a kiosk, a police station). */
export const takeBackSiteSchema = z
  .object({
    name: z
      .string({ error: 'Name the take-back site' })
      .trim()
      .min(1, 'Name the take-back site')
      .max(80, 'Use at most 80 characters'),
    address: z
      .string({ error: 'Enter the site’s address' })
      .trim()
      .min(1, 'Enter the site’s address')
      .max(120, 'Use at most 120 characters'),
    hours: z
      .string({ error: 'Enter the site’s hours, or leave them blank' })
      .trim()
      .max(80, 'Use at most 80 characters'),
  })
  .strict();
export type TakeBackSite = z.output<typeof takeBackSiteSchema>;

/**
 * What the printed documents say about the pharmacy beyond its name, address and phone. Hours, TTY and fax may be
 * saved blank, but the CMR summary does not print until they are filled in (the Standardized Format's contact
 * sentence). The take-back sites are optional in a request: left out, the saved ones are kept.
 */
export const documentSettingsSchema = z
  .object({
    hours: z.string().trim().max(120, 'Use at most 120 characters'),
    tty: z.string().trim().max(40, 'Use at most 40 characters'),
    fax: z
      .string()
      .trim()
      .refine(
        (v) => v === '' || v.replace(/\D/g, '').length === 10,
        'Enter the fax number with its area code (10 digits)',
      )
      .transform((v) => v.replace(/\D/g, '')),
    fileNames: z.enum(FILE_NAME_STYLES, { error: 'Choose how saved documents are named' }),
    takeBackSites: z
      .array(takeBackSiteSchema, { error: 'List the take-back sites' })
      .max(TAKE_BACK_SITES_MAX, `List at most ${TAKE_BACK_SITES_MAX} take-back sites`)
      .optional(),
  })
  .strict();
export type DocumentSettings = Required<z.output<typeof documentSettingsSchema>>;
export const DOCUMENT_SETTINGS_DEFAULT: DocumentSettings = {
  hours: '',
  tty: '',
  fax: '',
  fileNames: 'reference',
  takeBackSites: [],
};
/** What the CMR summary needs before it prints, in the words of the settings panel. */
export const SUMMARY_REQUIRED_SETTINGS = {
  hours: 'days and hours',
  tty: 'TTY number',
  fax: 'fax number',
} as const satisfies Partial<Record<keyof DocumentSettings, string>>;

/** Points (1/72 inch) the red CMS-1500 form's data moves right (x) and down (y) for this pharmacy's printer. */
const offsetPoints = (axis: string) =>
  z
    .number({ error: `Enter the ${axis} nudge in points` })
    .min(-36, `The ${axis} nudge is at most 36 points (half an inch) either way`)
    .max(36, `The ${axis} nudge is at most 36 points (half an inch) either way`);
export const cms1500OffsetSchema = z.object({ x: offsetPoints('horizontal'), y: offsetPoints('vertical') }).strict();
export type Cms1500Offset = z.output<typeof cms1500OffsetSchema>;

/** How the pharmacy's own Rx labels carry their barcode, and what its scanners send for the GS1 separator. */
export const LABEL_SYMBOLOGIES = ['code128', 'code39', 'qr', 'datamatrix'] as const;
export const scannerSettingsSchema = z
  .object({
    labelSymbology: z.enum(LABEL_SYMBOLOGIES, { error: 'Choose the barcode type printed on your labels' }),
    /** {rx} the Rx number, {fill} the fill number, {store} a store code; {rx:7} a fixed width; other text as printed. */
    labelPattern: z
      .string({ error: 'Enter what the label barcode holds, e.g. {rx}' })
      .trim()
      .min(1, 'Enter what the label barcode holds, e.g. {rx}')
      .max(100, 'At most 100 characters'),
    /** '' for the standard group separator (ASCII 29); else the one character the scanners are set to send. */
    groupSeparator: z.string().max(1, 'One character, or empty for the standard separator'),
  })
  .strict();
export type ScannerSettings = z.output<typeof scannerSettingsSchema>;
export const SCANNER_SETTINGS_DEFAULT: ScannerSettings = {
  labelSymbology: 'code128',
  labelPattern: '{rx}',
  groupSeparator: '',
};

export const settingsUpdateRequest = z
  .object({
    idleLockMinutes: z
      .number({ error: 'Enter a number of minutes' })
      .int('Use whole minutes')
      .min(1, 'At least 1 minute')
      .max(60, 'At most 60 minutes')
      .optional(),
    autoBackup: z
      .object({
        enabled: z.boolean(),
        folder: z.string().trim().max(500),
      })
      .strict()
      .refine((v) => !v.enabled || v.folder.length > 0, {
        path: ['folder'],
        message: 'Choose the folder for automatic backups',
      })
      .optional(),
    documents: documentSettingsSchema.optional(),
    cms1500Offset: cms1500OffsetSchema.optional(),
    scanner: scannerSettingsSchema.optional(),
    timeZone: z
      .string()
      .trim()
      .max(64)
      .refine((v) => v === '' || isTimeZone(v), 'Choose a time zone from the list')
      .optional(),
  })
  .strict();

export interface BackupStatus {
  at: string;
  ok: boolean;
  /** File name on success, or what went wrong. */
  message: string;
}

export interface PharmacySettings {
  idleLockMinutes: number;
  autoBackup: { enabled: boolean; folder: string };
  lastAutoBackup: BackupStatus | null;
  documents: DocumentSettings;
  /** The nudge for data printed on the red CMS-1500 form. */
  cms1500Offset: Cms1500Offset;
  /** The pharmacy's IANA time zone, '' for the computer's own: it decides what "today" is. */
  timeZone: string;
  scanner: ScannerSettings;
}

export const backupCreateRequest = z
  .object({ folder: z.string().trim().min(1, 'Enter the folder to save the backup in').max(500) })
  .strict();
export const backupListRequest = backupCreateRequest;

export interface RecordCounts {
  users: number;
  patients: number;
  allergies: number;
  auditEntries: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  createdAt: string;
  counts: RecordCounts;
}

export interface BackupFileInfo {
  file: string;
  name: string;
  bytes: number;
  createdAt: string;
}

export const restoreRequest = z
  .object({
    file: z.string().trim().min(1, 'Enter the backup file to restore').max(500),
    username: z.string().trim().toLowerCase().max(64).optional(),
    password: z.string().max(256).optional(),
    recoveryCode: z.string().trim().max(64).optional(),
  })
  .strict()
  .refine((v) => Boolean(v.recoveryCode) || (Boolean(v.username) && Boolean(v.password)), {
    path: ['password'],
    message: 'Enter a username and password from the backup, or the recovery code',
  });

export interface RestoreReport {
  integrity: 'ok';
  counts: RecordCounts;
  createdAt: string;
}
