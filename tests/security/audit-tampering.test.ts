// The attacks of the outside audit, each tried on a real encrypted pharmacy by someone who holds the
// data key and a SQLite tool (or only the files): every one must be named at the next sign-in.
import { spawn } from 'node:child_process';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { dispatch } from '../../main/bridge/dispatch';
import type { Row as TableRow } from '../../main/db/rows';
import { all, one, sql } from '../../main/db/sql';
import { chainHash, verifyAuditChain } from '../../main/security/audit/audit-log';
import { createBackup, restoreBackup } from '../../main/security/backup/backups';
import { Session } from '../../main/security/session';
import { mtm } from '../helpers/mtm-cli';
import { rawOpen } from '../helpers/raw-database';
import { newPharmacy, PASSWORD, tempDir } from '../helpers/temp-pharmacy';

type Row = {
  id: number;
  at: string;
  username: string;
  action: string;
  category: string;
  patient_id: string | null;
  object_id: string | null;
  outcome: string;
  detail: string | null;
};
const content = (r: Row) =>
  JSON.stringify([r.at, r.username, r.action, r.category, r.patient_id, r.object_id, r.outcome, r.detail]);

/** The database opened underneath the app with the data key, its append-only triggers dropped. */
async function rawUnguarded(session: Session) {
  const db = await rawOpen(session);
  db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete');
  return db;
}

/** A pharmacy with a few audited events, signed out (so its keyring anchors the last row). */
async function usedPharmacy() {
  const p = await newPharmacy();
  for (const q of ['a', 'b', 'c', 'd', 'e']) await dispatch(p.session, 'patients:search', { query: q });
  await p.session.signOut();
  return p;
}

/** Signs in afresh and returns what the app found, then signs out. */
async function findings(dataDir: string) {
  const s = new Session(dataDir);
  await s.signIn({ username: 'pharmacist1', password: PASSWORD });
  const chain = await verifyAuditChain(s.current().db);
  const integrity = s.auditIntegrity();
  const status = s.status();
  const rows = await all<Pick<TableRow<'audit_log'>, 'action' | 'detail'>>(
    s.current().db,
    sql`SELECT action, detail FROM audit_log ORDER BY id`,
  );
  await s.signOut();
  return { chain, integrity, status, rows };
}

describe('audit trail tampering', FILE_ONLY, () => {
  it('1. an edited row with the whole chain re-hashed after it is named by the keyring anchor', async () => {
    const { session, dataDir } = await usedPharmacy();
    const raw = await rawUnguarded(session);
    raw.prepare(`UPDATE audit_log SET username = 'someone-else' WHERE id = 3`).run();
    let prev: string | null = null;
    for (const r of raw.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[]) {
      const hash = chainHash(prev, content(r));
      raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    raw.close();

    const f = await findings(dataDir);
    expect(f.chain.ok).toBe(true); // the chain alone is fooled …
    // … the anchor is not
    expect(f.integrity).toMatch(/is not the one the keyring's anchor recorded: the trail was rewritten/);
    expect(f.status.auditIntegrity).toBe(f.integrity); // shown to the administrator
    expect(f.rows.some((r) => r.action === 'audit.anchorMismatch')).toBe(true);
    const cli = mtm(['audit', 'verify', '--data', dataDir, '--user', 'pharmacist1'], { stdin: `${PASSWORD}\n` });
    expect(cli.code).not.toBe(0);
    expect(cli.stderr).toMatch(/trail was rewritten/); // still raised at the next sign-in, the trail now re-anchored

    // Raised until an administrator says what they found; that word is itself in the trail.
    const admin = new Session(dataDir);
    await admin.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(admin.status().auditIntegrity).toMatch(/trail was rewritten/);
    const tooShort = await dispatch(admin, 'audit:acknowledgeAlarms', { note: 'ok' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'validation' } });
    const ack = await dispatch(admin, 'audit:acknowledgeAlarms', {
      note: 'Entry 3 edited during a vendor test; reported to the owner.',
    });
    expect(ack).toMatchObject({ ok: true, data: { auditIntegrity: null } });
    const row = await one<Pick<TableRow<'audit_log'>, 'username' | 'detail'>>(
      admin.current().db,
      sql`SELECT username, detail FROM audit_log WHERE action = 'audit.alarmsAcknowledged'`,
    );
    expect(row).toMatchObject({
      username: 'pharmacist1',
      detail: expect.stringMatching(/^Entry 3 edited during a vendor test.*acknowledged: Entry \d+/),
    });
    await admin.signOut();
    expect((await findings(dataDir)).integrity).toBeNull();
    expect(mtm(['audit', 'verify', '--data', dataDir, '--user', 'pharmacist1'], { stdin: `${PASSWORD}\n` }).code).toBe(
      0,
    );
  });

  it('2. the newest rows deleted and the counter reset are named with how far the trail had reached', async () => {
    const { session, dataDir } = await usedPharmacy();
    const raw = await rawUnguarded(session);
    const { n } = raw.prepare('SELECT max(id) AS n FROM audit_log').get() as { n: number };
    raw.prepare('DELETE FROM audit_log WHERE id > ?').run(n - 3);
    raw.prepare(`UPDATE sqlite_sequence SET seq = ? WHERE name = 'audit_log'`).run(n - 3);
    raw.close();

    const f = await findings(dataDir);
    expect(f.integrity).toContain(
      `The audit trail ends at entry ${n - 3} but had reached entry ${n}: entries were removed from its end.`,
    );
  });

  it('3. a forged line in audit-pending.jsonl is refused and recorded as refused, never copied in', async () => {
    const { session, dataDir } = await usedPharmacy();
    // A real failed sign-in first, so the file has this run's header and one authentic line.
    await expect(
      new Session(dataDir).signIn({ username: 'pharmacist1', password: 'wrong password here' }),
    ).rejects.toMatchObject({ code: 'badCredentials' });
    const authentic = JSON.parse(readFileSync(session.paths.pendingAudit, 'utf8').trim().split('\n').at(-1)!) as Record<
      string,
      string
    >;
    appendFileSync(
      session.paths.pendingAudit,
      `${JSON.stringify({ ...authentic, username: 'tech9', detail: 'forged' })}\n`,
    );

    const f = await findings(dataDir);
    expect(f.integrity).toMatch(/line 3 refused: not authenticated \(changed or forged\)/);
    const refused = f.rows.filter((r) => r.action === 'audit.pendingRejected');
    expect(refused.map((r) => r.detail)).toEqual([
      expect.stringMatching(/line 3 refused: not authenticated \(changed or forged\)/),
    ]);
    expect(f.rows.filter((r) => r.action === 'security.signIn' && r.detail?.includes('forged'))).toEqual([]);
    expect(f.rows.filter((r) => r.action === 'security.signIn' && r.detail?.includes('closed'))).toHaveLength(1);
  });

  it('4. a pending line outside the policy (another action, a patient, a success) is refused', async () => {
    const { session, dataDir } = await usedPharmacy();
    writeFileSync(
      session.paths.pendingAudit,
      `${JSON.stringify({ at: new Date().toISOString(), username: 'pharmacist1', action: 'patient.delete', outcome: 'success', patient_id: 'p1', detail: 'x', mac: '00' })}\n`,
    );
    const f = await findings(dataDir);
    expect(f.rows.filter((r) => r.action === 'audit.pendingRejected').map((r) => r.detail)).toEqual([
      expect.stringMatching(/not an event that may be recorded while the database is closed/),
    ]);
    expect(f.rows.some((r) => r.action === 'patient.delete')).toBe(false);
    expect(f.integrity).not.toBeNull();
  });

  it(
    '5. an import killed at any moment is never left without its audit row, and raises no false alarm',
    { timeout: 120_000 },
    async () => {
      const { session, dataDir } = await newPharmacy();
      await session.signOut();
      for (let kill = 0; kill < 20; kill++) {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', 'tests/helpers/import-writer.ts', dataDir, PASSWORD],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
        await new Promise((r) => setTimeout(r, 150 + ((kill * 37) % 400)));
        child.kill('SIGKILL');
        await new Promise((r) => child.once('exit', r));
      }
      const s = new Session(dataDir);
      await s.signIn({ username: 'pharmacist1', password: PASSWORD });
      const { db } = s.current();
      const imports = await all<Pick<TableRow<'fill_imports'>, 'id'>>(db, sql`SELECT id FROM fill_imports`);
      const importAudits = await all<Pick<TableRow<'audit_log'>, 'object_id'>>(
        db,
        sql`SELECT object_id FROM audit_log WHERE action = 'fills.import'`,
      );
      const audited = new Set(importAudits.map((r) => r.object_id));
      expect(imports.length).toBeGreaterThan(20);
      expect(imports.filter((i) => !audited.has(i.id))).toEqual([]);
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      expect(s.auditIntegrity()).toBeNull();
      await s.signOut();
    },
  );

  it('an anchor edited in, or removed from, the keyring file is named', async () => {
    const { session, dataDir } = await usedPharmacy();
    const keyring = JSON.parse(readFileSync(session.paths.keyring, 'utf8')) as { auditAnchor: { lastId: number } };
    writeFileSync(
      session.paths.keyring,
      JSON.stringify({ ...keyring, auditAnchor: { ...keyring.auditAnchor, lastId: 2 } }),
    );
    expect((await findings(dataDir)).integrity).toMatch(/not written by MTM Desk \(its authentication failed\)/);
    const { auditAnchor: _removed, ...without } = keyring;
    writeFileSync(session.paths.keyring, JSON.stringify(without));
    expect((await findings(dataDir)).integrity).toMatch(/holds no audit anchor/);
  });

  it('a pharmacy restored from its backup opens without an integrity alarm, and the verify command passes', async () => {
    const { session } = await newPharmacy();
    await dispatch(session, 'patients:search', { query: 'a' });
    const folder = tempDir();
    const backup = await createBackup(session, folder);
    await dispatch(session, 'patients:search', { query: 'b' }); // the live trail moves on past the backup
    await session.signOut();
    const target = tempDir();
    await restoreBackup({ file: backup.file, username: 'pharmacist1', password: PASSWORD }, target);
    const f = await findings(target);
    expect(f.integrity).toBeNull();
    expect(f.chain.ok).toBe(true);
    const cli = mtm(['audit', 'verify', '--data', target, '--user', 'pharmacist1'], { stdin: `${PASSWORD}\n` });
    expect(cli.stderr).toBe('');
    expect(cli.stdout).toMatch(/Audit trail intact: \d+ entries/);
  });
});
