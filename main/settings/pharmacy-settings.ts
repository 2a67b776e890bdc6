// Pharmacy-wide settings kept in the encrypted database (they apply to every user and computer).
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { DOCUMENT_SETTINGS_DEFAULT, FILE_NAME_STYLES, IDLE_LOCK_DEFAULT_MINUTES, type BackupStatus, type PharmacySettings, type settingsUpdateRequest } from '../../preload/schemas/settings';

const stored = z.object({
  idleLockMinutes: z.coerce.number().int().min(1).max(60).catch(IDLE_LOCK_DEFAULT_MINUTES),
  autoBackup: z.object({ enabled: z.boolean(), folder: z.string() }).catch({ enabled: false, folder: '' }),
  lastAutoBackup: z.object({ at: z.string(), ok: z.boolean(), message: z.string() }).nullable().catch(null),
  documents: z.object({ hours: z.string(), tty: z.string(), fax: z.string(), fileNames: z.enum(FILE_NAME_STYLES) }).catch(DOCUMENT_SETTINGS_DEFAULT),
});

type Key = keyof PharmacySettings;

export async function getSettings(em: Pick<EntityManager, 'query'>): Promise<PharmacySettings> {
  const rows = (await em.query('SELECT key, value FROM app_settings')) as { key: Key; value: string }[];
  const raw: Record<string, unknown> = { idleLockMinutes: IDLE_LOCK_DEFAULT_MINUTES, autoBackup: undefined, lastAutoBackup: null, documents: DOCUMENT_SETTINGS_DEFAULT };
  for (const r of rows) raw[r.key] = JSON.parse(r.value);
  return stored.parse(raw);
}

async function put(em: Pick<EntityManager, 'query'>, key: Key, value: unknown, by: string): Promise<void> {
  await em.query(
    `INSERT INTO app_settings (key, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [key, JSON.stringify(value), new Date().toISOString(), by],
  );
}

export async function updateSettings(em: EntityManager, patch: z.output<typeof settingsUpdateRequest>, by: string): Promise<void> {
  if (patch.idleLockMinutes !== undefined) await put(em, 'idleLockMinutes', patch.idleLockMinutes, by);
  if (patch.autoBackup !== undefined) await put(em, 'autoBackup', patch.autoBackup, by);
  if (patch.documents !== undefined) await put(em, 'documents', patch.documents, by);
}

export const recordAutoBackup = (em: Pick<EntityManager, 'query'>, status: BackupStatus, by: string) => put(em, 'lastAutoBackup', status, by);
