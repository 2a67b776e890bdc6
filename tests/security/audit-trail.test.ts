import { describe, expect, it } from 'vitest';
import { FILE_ONLY } from '../helpers/backend';
import { dispatch } from '../../main/bridge/dispatch';
import { run, sql } from '../../main/db/sql';
import { verifyAuditChain } from '../../main/security/audit/audit-log';
import { exportAuditCsv, searchAudit } from '../../main/security/audit/audit-query';
import { Session } from '../../main/security/session';
import { auditRowsFilter } from '../helpers/audit-filter';
import { rawOpen } from '../helpers/raw-database';
import { auditRows, newPharmacy, PASSWORD } from '../helpers/temp-pharmacy';

const patient = { firstName: 'Leopold', lastName: '=HYPERLINK("http://x")', dateOfBirth: '1950-04-04', sex: 'male' };

describe('the audit trail', () => {
  it('records reads, changes, sign-ins (also failed ones) with time, user, action, patient, category and outcome', async () => {
    const { session, dataDir } = await newPharmacy();
    const created = await dispatch(session, 'patients:create', { patient });
    const id = created.ok ? (created.data as { id: string }).id : '';
    await dispatch(session, 'patients:get', { id });
    await dispatch(session, 'patients:search', { query: 'Leo' });
    await session.signOut();

    const again = new Session(dataDir);
    await expect(again.signIn({ username: 'pharmacist1', password: 'not the right one!' })).rejects.toMatchObject({
      code: 'badCredentials',
    });
    await expect(again.signIn({ username: 'ghost', password: 'not the right one!' })).rejects.toMatchObject({
      code: 'badCredentials',
    });
    await again.signIn({ username: 'pharmacist1', password: PASSWORD });

    const rows = await auditRows(again);
    expect(rows.map((r) => `${r.action}:${r.outcome}:${r.username}`)).toEqual([
      'security.setup:success:pharmacist1',
      'patient.create:success:pharmacist1',
      'patient.read:success:pharmacist1',
      'patient.search:success:pharmacist1',
      'security.signOut:success:pharmacist1',
      'security.signIn:failure:pharmacist1',
      'security.signIn:failure:ghost',
      'security.signIn:success:pharmacist1',
    ]);
    const read = rows.find((r) => r.action === 'patient.read')!;
    expect(read).toMatchObject({ patient_id: id, category: 'patient record' });
    for (const r of rows) expect(r.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await verifyAuditChain(again.current().db)).toEqual({ ok: true, rows: rows.length });
    await again.signOut();
  });

  it('is append-only: the database itself refuses UPDATE and DELETE', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    await expect(run(db, sql`UPDATE audit_log SET detail = 'x'`)).rejects.toThrow(/append-only/);
    await expect(run(db, sql`DELETE FROM audit_log`)).rejects.toThrow(/append-only/);
    await session.signOut();
  });

  it('names the first broken link when a row is altered, or removed, by hand in the file', FILE_ONLY, async () => {
    const { session, dataDir } = await newPharmacy();
    for (const q of ['a', 'b', 'c', 'd']) await dispatch(session, 'patients:search', { query: q });
    await session.signOut();

    const raw = await rawOpen(session);
    raw.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete');
    raw.prepare(`UPDATE audit_log SET username = 'someone-else' WHERE id = 3`).run();
    raw.close();

    const check = new Session(dataDir);
    await check.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(await verifyAuditChain(check.current().db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: 'its content was changed after it was written',
    });
    await check.signOut();

    const raw2 = await rawOpen(session);
    raw2.prepare(`UPDATE audit_log SET username = 'pharmacist1' WHERE id = 3`).run();
    raw2.prepare('DELETE FROM audit_log WHERE id = 4').run();
    raw2.close();
    await check.signIn({ username: 'pharmacist1', password: PASSWORD });
    expect(await verifyAuditChain(check.current().db)).toMatchObject({
      ok: false,
      brokenAt: 5,
      reason: 'row 4 is missing',
    });
    await check.signOut();
  });

  it('filters, sorts and exports CSV with every cell quoted and formulas defused', async () => {
    const { session } = await newPharmacy();
    const created = await dispatch(session, 'patients:create', { patient });
    const id = created.ok ? (created.data as { id: string }).id : '';
    await dispatch(session, 'patients:get', { id });
    const { db } = session.current();

    const byPatient = await searchAudit(db, auditRowsFilter({ patient: '=HYP' }), 50, 0);
    expect(byPatient.rows.map((r) => r.action).sort()).toEqual(['patient.create', 'patient.read']);
    expect(byPatient.rows[0]!.patientName).toBe('=HYPERLINK("HTTP://X"), Leopold');
    const sorted = await searchAudit(db, auditRowsFilter({ sort: 'action', direction: 'asc' }), 50, 0);
    expect(sorted.rows.map((r) => r.action)).toEqual([...sorted.rows.map((r) => r.action)].sort());
    expect(sorted.actions).toEqual(expect.arrayContaining(['patient.create', 'patient.read', 'security.setup']));
    const future = await searchAudit(db, auditRowsFilter({ from: '2999-01-01' }), 50, 0);
    expect(future.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await searchAudit(db, auditRowsFilter({ from: today, to: today, action: 'patient.read' }), 50, 0)).total,
    ).toBe(1);

    const csv = await exportAuditCsv(db, auditRowsFilter({ action: 'patient.read' }));
    expect(csv.filename).toMatch(/^mtm-audit-\d{8}-\d{4}\.csv$/);
    const lines = csv.csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"Entry","Time (UTC)","User","Action","Data category","Patient","Patient id","Object id","Outcome","Detail"',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""HTTP://X""), Leopold"`);
    await session.signOut();
  });
});
