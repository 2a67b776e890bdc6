import { join } from 'node:path';

/** Where one pharmacy's files live inside its data folder. */
export function dataPaths(dataDir: string) {
  return {
    dataDir,
    database: join(dataDir, 'mtm-desk.db'),
    keyring: join(dataDir, 'keyring.json'),
    /** The keyring being put in place by a re-key, until the database is re-encrypted under its key. */
    keyringNext: join(dataDir, 'keyring.next.json'),
    pendingAudit: join(dataDir, 'audit-pending.jsonl'),
    signInThrottle: join(dataDir, 'sign-in-throttle.json'),
  };
}
export type DataPaths = ReturnType<typeof dataPaths>;
