import { join } from 'node:path';

/** Where one pharmacy's files live inside its data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'mtm-desk.db'),
    keyring: join(dataDir, 'keyring.json'),
    pendingAudit: join(dataDir, 'audit-pending.jsonl'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
