// Pharmacy-wide settings kept in the encrypted database (they apply to every user and computer).
import { z } from 'zod';
import { isTimeZone } from '../../preload/schemas/dates';
import { AppError } from '../common/errors';
import type { Row } from '../db/rows';
import { compileLabelLayout } from '../scanning/label-code';
import { labelLayoutOf } from '../scanning/scanner-settings';
import { all, run, sql, type Q } from '../db/sql';
import {
  DOCUMENT_SETTINGS_DEFAULT,
  FILE_NAME_STYLES,
  IDLE_LOCK_DEFAULT_MINUTES,
  cms1500OffsetSchema,
  SCANNER_SETTINGS_DEFAULT,
  scannerSettingsSchema,
  takeBackSiteSchema,
  type BackupStatus,
  type ScannerSettings,
  type PharmacySettings,
  type settingsUpdateRequest,
} from '../../preload/schemas/settings';

const stored = z.object({
  idleLockMinutes: z.coerce.number().int().min(1).max(60).catch(IDLE_LOCK_DEFAULT_MINUTES),
  autoBackup: z.object({ enabled: z.boolean(), folder: z.string() }).catch({ enabled: false, folder: '' }),
  lastAutoBackup: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable().catch(null),
  documents: z
    .object({
      hours: z.string(),
      tty: z.string(),
      fax: z.string(),
      fileNames: z.enum(FILE_NAME_STYLES),
      // Saved before the sites could be listed: none.
      takeBackSites: z.array(takeBackSiteSchema).catch([]).default([]),
    })
    .catch(DOCUMENT_SETTINGS_DEFAULT),
  timeZone: z
    .string()
    .refine((v) => v === '' || isTimeZone(v))
    .catch(''),
  cms1500Offset: cms1500OffsetSchema.catch({ x: 0, y: 0 }),
  scanner: scannerSettingsSchema.catch(SCANNER_SETTINGS_DEFAULT),
});

type Key = keyof PharmacySettings;

/** A label layout the scanner code can read, or the field's error saying why not (nothing is saved then). */
function checkLabelLayout(scanner: ScannerSettings): void {
  const compiled = compileLabelLayout(labelLayoutOf(scanner));
  if (!compiled.ok) {
    const field = 'scanner.labelPattern';
    throw new AppError('validation', compiled.problem, field, [{ field, message: compiled.problem }]);
  }
}

export async function getSettings(q: Q): Promise<PharmacySettings> {
  const rows = await all<Pick<Row<'app_settings'>, 'key' | 'value'>>(q, sql`SELECT key, value FROM app_settings`);
  const raw: Record<string, unknown> = {
    idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES,
    autoBackup: undefined,
    lastAutoBackup: null,
    documents: DOCUMENT_SETTINGS_DEFAULT,
    timeZone: '',
    cms1500Offset: { x: 0, y: 0 },
    scanner: SCANNER_SETTINGS_DEFAULT,
  };
  for (const r of rows) raw[r.key] = JSON.parse(r.value);
  return stored.parse(raw);
}

async function put(q: Q, key: Key, value: unknown, by: string): Promise<void> {
  await run(
    q,
    sql`INSERT INTO app_settings (key, value, updated_at, updated_by)
        VALUES (${key}, ${JSON.stringify(value)}, ${new Date().toISOString()}, ${by})
        ON CONFLICT (key) DO UPDATE
        SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
}

export async function updateSettings(q: Q, patch: z.output<typeof settingsUpdateRequest>, by: string): Promise<void> {
  if (patch.scanner) checkLabelLayout(patch.scanner);
  for (const key of ['idleLockMinutes', 'autoBackup', 'documents', 'timeZone', 'cms1500Offset', 'scanner'] as const) {
    if (patch[key] === undefined) continue;
    // Document settings without the take-back sites keep the saved sites.
    const value =
      key === 'documents' && patch.documents && !patch.documents.takeBackSites
        ? { ...patch.documents, takeBackSites: (await getSettings(q)).documents.takeBackSites }
        : patch[key];
    await put(q, key, value, by);
  }
}

export const recordAutoBackup = (q: Q, status: BackupStatus, by: string) => put(q, 'lastAutoBackup', status, by);
