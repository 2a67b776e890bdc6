import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../helpers/zip-file';
import { ICD_CODES } from '../../preload/schemas/clinical';
import { dispatch } from '../../main/bridge/dispatch';
import { loadIcd10cm } from '../../main/conditions/icd10cm-load';
import type { Row } from '../../main/db/rows';
import { all, sql } from '../../main/db/sql';
import { auditRows, call, fingerprint, newPharmacy, tempDir } from '../helpers/temp-pharmacy';

// A release in the CMS layouts, made of the bundled codes plus codes the bundled list lacks (real
// FY2026 codes and titles): the codes file (code padded to 8, title) and the order file
// (order number, code padded to 7, billable flag, 60-character short title, long title).
const EXTRA = [
  ['I50.21', 'Acute systolic (congestive) heart failure'],
  ['I50.812', 'Chronic right heart failure'],
];
const filler = Array.from({ length: 1100 }, (_, i) => [
  `Q${10 + Math.floor(i / 100)}.${String(i % 100).padStart(2, '0')}`,
  `Synthetic test entry ${i}`,
]);
const rows = [...ICD_CODES.map((c) => [c.code, c.title]), ...EXTRA, ...filler];
const codesFile = () => rows.map(([code, title]) => `${code!.replace('.', '').padEnd(8)}${title}`).join('\n');
const orderFile = () =>
  [['I50', 'Heart failure', '0'], ...rows.map(([c, t]) => [c!, t!, '1'])]
    .map(
      ([code, title, flag], i) =>
        `${String(i + 1).padStart(5, '0')} ${code!.replace('.', '').padEnd(7)} ${flag} ${title!.slice(0, 60).padEnd(60)} ${title}`,
    )
    .join('\n');

const zipped = (name: string, file: string, text: string) =>
  writeZip(name, [{ path: `Code Descriptions/${file}`, text }]);

describe('the ICD-10-CM release loader', () => {
  it('loads the codes file from the CMS zip in one transaction, after which any billable code can be recorded and is checked', async () => {
    const { session } = await newPharmacy();
    const p = await call(session, 'patients:create', {
      patient: { firstName: 'Lorna', lastName: 'Vidal', dateOfBirth: '1945-05-05', sex: 'female' },
    });
    expect(await dispatch(session, 'conditions:add', { patientId: p.id, code: 'I50.21' })).toMatchObject({
      ok: false,
      error: { code: 'validation', field: 'code' },
    });

    const report = await loadIcd10cm(
      session.current().db,
      session.current().user,
      await zipped('icd10cm-Code-Descriptions-2026.zip', 'icd10cm-codes-2026.txt', codesFile()),
    );
    expect(report).toEqual({ release: 'icd10cm-Code-Descriptions-2026', codes: rows.length });
    expect(await call(session, 'conditions:search', { query: 'acute systolic' })).toContainEqual(
      expect.objectContaining({ code: 'I50.21', origin: 'release', plain: null }),
    );
    // Bundled entries still come first, with their plain names.
    expect((await call(session, 'conditions:search', { query: 'I50' }))[0]).toMatchObject({ origin: 'bundled' });

    expect(await call(session, 'conditions:add', { patientId: p.id, code: 'I50.21' })).toMatchObject({
      code: 'I50.21',
      title: EXTRA[0]![1],
      plain: null,
    });
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: { product: 'naproxen 500 mg', kind: 'rx', source: 'patientReported' },
    });
    // The code falls in the heart-failure condition group by its prefix: the disease–drug rules see it.
    const checks = await call(session, 'checks:patient', { patientId: p.id });
    expect(checks.findings.some((f) => f.family === 'diseaseDrug' && f.title === 'naproxen with heart failure')).toBe(
      true,
    );
    expect((await auditRows(session)).map((r) => r.action)).toContain('conditions.loadIcd10cm');
    await session.signOut();
  });

  it('reads the order file (billable rows only), replaces the previous release, and refuses what is not a release, changing nothing', async () => {
    const { session, dataDir } = await newPharmacy();
    const db = session.current().db;
    const user = session.current().user;
    const orderPath = join(tempDir(), 'icd10cm-order-2026.txt');
    writeFileSync(orderPath, orderFile());
    expect(await loadIcd10cm(db, user, orderPath)).toEqual({ release: 'icd10cm-order-2026', codes: rows.length });
    const headers = sql`SELECT count(*) AS n FROM icd10cm_codes WHERE code = 'I50'`;
    expect(await all<{ n: number }>(db, headers)).toEqual([{ n: 0 }]); // a header row

    const notRelease = join(tempDir(), 'notes.txt');
    writeFileSync(notRelease, 'Dear pharmacist,\nthis is a letter.\n');
    const tooShort = join(tempDir(), 'icd10cm-codes-tiny.txt');
    writeFileSync(tooShort, 'I10     Essential (primary) hypertension\n');
    const before = fingerprint(join(dataDir, 'mtm.db'));
    await expect(loadIcd10cm(db, user, notRelease)).rejects.toThrow(/line 1 is not an ICD-10-CM code line/);
    await expect(loadIcd10cm(db, user, tooShort)).rejects.toThrow(/only 1 codes.*Nothing was loaded/);
    await expect(loadIcd10cm(db, user, join(tempDir(), 'missing.zip'))).rejects.toThrow(/does not exist/);
    expect(fingerprint(join(dataDir, 'mtm.db'))).toEqual(before);
    const release = await all<Pick<Row<'icd10cm_release'>, 'release' | 'codes'>>(
      db,
      sql`SELECT release, codes FROM icd10cm_release`,
    );
    expect(release).toEqual([{ release: 'icd10cm-order-2026', codes: rows.length }]);
    await session.signOut();
  });
});
