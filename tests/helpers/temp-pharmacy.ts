import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { patientInputSchema, type PatientInput } from '../../preload/schemas/patients';
import type { Row } from '../../main/db/rows';
import { all, sql } from '../../main/db/sql';
import { Session } from '../../main/security/session';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import { dropSharedDatabases, newSharedDatabase, onPostgres } from './backend';
import { SETUP } from './setup-data';

export { PASSWORD, SETUP } from './setup-data';
export { call } from './call';

const dirs: string[] = [];
const sessions: Session[] = [];
afterEach(async () => {
  // Signed out first, so no session's audit anchor is written into a folder that is gone.
  while (sessions.length)
    await sessions
      .pop()!
      .signOut()
      .catch(() => undefined);
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
  if (onPostgres) await dropSharedDatabases();
});

/** A new empty folder that is removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mtm-test-'));
  dirs.push(dir);
  return dir;
}

/**
 * A pharmacy set up in a temp folder, signed in as its first pharmacist: in an encrypted file, or with
 * MTM_TEST_BACKEND=postgres in a new shared database the folder is connected to (./backend).
 */
export async function newPharmacy(): Promise<{ session: Session; dataDir: string; recoveryCode: string }> {
  const dataDir = tempDir();
  const session = new Session(dataDir);
  sessions.push(session);
  if (onPostgres) await session.connectShared(await newSharedDatabase());
  const { recoveryCode } = await session.setup(SETUP);
  return { session, dataDir, recoveryCode };
}

export function patient(overrides: Partial<PatientInput> = {}) {
  return patientInputSchema.parse({
    firstName: 'Winifred',
    lastName: 'Quenneville',
    dateOfBirth: '1944-08-21',
    sex: 'female',
    phone: '(330) 555-0187',
    mbi: '1EG4-TE5-MK73',
    allergies: [{ substance: 'Sulfamethoxazole', reaction: 'rash', severity: 'moderate' }],
    ...overrides,
  });
}

/** sha256 of each existing file, to prove an operation changed nothing on disk. */
export function fingerprint(...files: string[]): Record<string, string> {
  return Object.fromEntries(
    files.filter(existsSync).map((f) => [f, createHash('sha256').update(readFileSync(f)).digest('hex')]),
  );
}

export const TECH_PASSWORD = 'technician temporary pass';

/** Adds a technician (their temporary password set) through the admin path. */
export async function addTechnician(session: Session, username = 'tech1'): Promise<void> {
  const { addUser } = await import('../../main/security/user-admin');
  await addUser(session, {
    username,
    fullName: 'Terry Tech',
    role: 'technician',
    isAdmin: false,
    temporaryPassword: TECH_PASSWORD,
  });
}

export const TECH_OWN_PASSWORD = 'technician chosen phrase';

/** Signs the technician in and has them choose their own password (a temporary one opens nothing else). */
export async function signInAsTechnician(session: Session, username = 'tech1'): Promise<void> {
  if (session.status().user) await session.signOut();
  await session.signIn({ username, password: TECH_PASSWORD });
  const { dispatch } = await import('../../main/bridge/dispatch');
  const changed = await dispatch(session, 'security:changeOwnPassword', {
    currentPassword: TECH_PASSWORD,
    newPassword: TECH_OWN_PASSWORD,
  });
  if (!changed.ok) throw new Error(changed.error.message);
}

/** The audit rows, oldest first, as stored. */
export async function auditRows(session: Session): Promise<Row<'audit_log'>[]> {
  return all<Row<'audit_log'>>(session.current().db, sql`SELECT * FROM audit_log ORDER BY id`);
}

/** The ISO date n days before today. */
export const daysAgo = (n: number) => isoDaysBefore(todayIso(), n);
