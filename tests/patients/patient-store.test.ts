import { describe, expect, it } from 'vitest';
import { patientInputSchema } from '../../preload/schemas/patients';
import { AppError } from '../../main/common/errors';
import type { Row } from '../../main/db/rows';
import { one, run, sql } from '../../main/db/sql';
import {
  createPatient,
  deletePatient,
  findDuplicates,
  getPatient,
  updatePatient,
} from '../../main/patients/patient-store';
import { searchPatients } from '../../main/patients/patient-search';
import { newPharmacy, patient } from '../helpers/temp-pharmacy';

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as AppError,
  );

async function signedIn() {
  const { session } = await newPharmacy();
  return { session, ...session.current() };
}

describe('patient records', () => {
  it('create → get returns what was entered, normalised (MBI bare and upper-case, phone digits)', async () => {
    const { db, user, session } = await signedIn();
    const created = await createPatient(
      db,
      user,
      patient({ middleName: 'Ann', address: { line1: '4 Elm St', city: 'Akron', state: 'oh', zip: '44308' } }),
      false,
    );
    const read = await getPatient(db, created.id);
    expect(read).toMatchObject({
      firstName: 'Winifred',
      middleName: 'Ann',
      lastName: 'Quenneville',
      dateOfBirth: '1944-08-21',
      mbi: '1EG4TE5MK73',
      phone: '3305550187',
      address: { line1: '4 Elm St', line2: null, city: 'Akron', state: 'OH', zip: '44308' },
      preferredLanguage: 'en',
      version: 1,
    });
    expect(read.allergies).toEqual([
      expect.objectContaining({
        substance: 'Sulfamethoxazole',
        reaction: 'rash',
        severity: 'moderate',
        kind: 'allergy',
      }),
    ]);
    await session.signOut();
  });

  it('refuses a second record with the same name and date of birth unless the user confirms', async () => {
    const { db, user, session } = await signedIn();
    await createPatient(db, user, patient(), false);
    const err = await rejection(
      createPatient(
        db,
        user,
        patient({ firstName: 'WINIFRED', lastName: 'quenneville', mbi: undefined, allergies: [] }),
        false,
      ),
    );
    expect(err).toMatchObject({ code: 'duplicate' });
    expect(err?.message).toContain('born 08/21/1944');
    expect((await searchPatients(db, 'Quenneville', 50)).patients).toHaveLength(1);

    await createPatient(db, user, patient({ mbi: undefined }), true);
    expect(
      await findDuplicates(db.manager, { firstName: 'winifred', lastName: 'QUENNEVILLE', dateOfBirth: '1944-08-21' }),
    ).toHaveLength(2);
    await session.signOut();
  });

  it('keeps one living patient per MBI: a second is refused, naming the first, whatever the dashes or case', async () => {
    const { db, user, session } = await signedIn();
    const first = await createPatient(
      db,
      user,
      patient({ firstName: 'ROSALIND', lastName: 'brambleton', dateOfBirth: '1946-03-04' }),
      false,
    );
    const taken =
      'MBI 1EG4-TE5-MK73 already belongs to Brambleton, Rosalind (DOB 03/04/1946). Open that record, or check the number on the Medicare card.';
    // A different person, even with the duplicate-name warning confirmed, may not share the number.
    const err = await rejection(createPatient(db, user, patient({ mbi: '1eg4 te5 mk73' }), true));
    expect(err).toMatchObject({
      code: 'validation',
      message: taken,
      issues: [{ field: 'patient.mbi', message: taken }],
    });
    expect((await searchPatients(db, '', 50)).patients).toHaveLength(1);

    // Nor may another patient be edited to it; the holder keeps it through its own edits.
    const other = await createPatient(db, user, patient({ mbi: '2A00A00AA00' }), false);
    expect(
      await rejection(updatePatient(db, user, other.id, other.version, patient({ mbi: '1EG4-TE5-MK73' }))),
    ).toMatchObject({ message: taken });
    expect((await getPatient(db, other.id)).mbi).toBe('2A00A00AA00');
    await updatePatient(
      db,
      user,
      first.id,
      first.version,
      patient({ firstName: 'Rosalind', lastName: 'Brambleton', dateOfBirth: '1946-03-04', phone: '330-555-0111' }),
    );

    // Once the first is removed, the number is free.
    await deletePatient(db, user, first.id, 'Registered in error');
    const moved = await updatePatient(db, user, other.id, other.version, patient({ mbi: '1EG4TE5MK73' }));
    expect(moved.mbi).toBe('1EG4TE5MK73');
    await session.signOut();
  });

  it('lets a record that already shared its MBI (from before the rule) be edited while its MBI is unchanged', async () => {
    const { db, user, session } = await signedIn();
    const a = await createPatient(db, user, patient({ mbi: undefined }), false);
    const b = await createPatient(db, user, patient({ firstName: 'Winnie', mbi: undefined }), true);
    // As a file from before one patient per MBI may hold them (without the unique index, which could not be built).
    await run(db, sql`DROP INDEX idx_patients_live_mbi`);
    await run(db, sql`UPDATE patients SET mbi = ${'1EG4TE5MK73'} WHERE id IN (${a.id}, ${b.id})`);
    const edited = await updatePatient(db, user, a.id, a.version, patient({ phone: '330-555-0111' }));
    expect(edited).toMatchObject({ mbi: '1EG4TE5MK73', phone: '3305550111' });
    await session.signOut();
  });

  it('shows and compares names in proper case where they were typed all lower or upper case', async () => {
    const { db, user, session } = await signedIn();
    const hazel = await createPatient(
      db,
      user,
      patient({ firstName: 'hazel', lastName: 'MCDONALD', mbi: undefined }),
      false,
    );
    // Stored as typed.
    expect(hazel).toMatchObject({ firstName: 'hazel', lastName: 'MCDONALD' });
    const err = await rejection(
      createPatient(db, user, patient({ firstName: 'Hazel', lastName: 'McDonald', mbi: undefined }), false),
    );
    expect(err?.message).toBe(
      'A patient named Hazel McDonald, born 08/21/1944, is already registered. Open that record, or confirm this is a different person.',
    );
    await session.signOut();
  });

  it('updates with the version it was loaded at, replacing allergies; a stale version is a conflict and changes nothing', async () => {
    const { db, user, session } = await signedIn();
    const created = await createPatient(db, user, patient(), false);
    const updated = await updatePatient(
      db,
      user,
      created.id,
      1,
      patient({ phone: '330-555-0111', allergies: [], noKnownAllergies: true }),
    );
    expect(updated).toMatchObject({ version: 2, phone: '3305550111', noKnownAllergies: true, allergies: [] });

    const err = await rejection(updatePatient(db, user, created.id, 1, patient({ phone: '330-555-0999' })));
    expect(err).toMatchObject({ code: 'conflict' });
    expect(err?.message).toMatch(/Someone else changed this patient/);
    expect((await getPatient(db, created.id)).phone).toBe('3305550111');
    await session.signOut();
  });

  it('soft-deletes: the row stays with who, when and why, but leaves get and search', async () => {
    const { db, user, session } = await signedIn();
    const created = await createPatient(db, user, patient(), false);
    await deletePatient(db, user, created.id, 'Registered twice');
    expect(await rejection(getPatient(db, created.id))).toMatchObject({ code: 'notFound' });
    expect((await searchPatients(db, '', 50)).patients).toHaveLength(0);
    const row = await one<Pick<Row<'patients'>, 'deleted_by' | 'deleted_reason' | 'deleted_at'>>(
      db,
      sql`SELECT deleted_by, deleted_reason, deleted_at FROM patients WHERE id = ${created.id}`,
    );
    expect(row).toMatchObject({ deleted_by: 'pharmacist1', deleted_reason: 'Registered twice' });
    expect(row?.deleted_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    await session.signOut();
  });

  it('will not accept "no known allergies" together with listed allergies', () => {
    const r = patientInputSchema.safeParse({
      firstName: 'A',
      lastName: 'B',
      dateOfBirth: '1950-01-01',
      sex: 'male',
      noKnownAllergies: true,
      allergies: [{ substance: 'Latex' }],
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ path: ['noKnownAllergies'] });
  });
});

describe('patient search', () => {
  async function seeded() {
    const ctx = await signedIn();
    const people = [
      {
        firstName: 'Cornelius',
        lastName: 'Abernathy',
        dateOfBirth: '1940-01-02',
        phone: '6145550101',
        mbi: '1EG4TE5MK73',
      },
      {
        firstName: 'Beatrix',
        lastName: 'Abernathy',
        dateOfBirth: '1952-06-30',
        phone: '6145550202',
        mbi: '2A00A00AA00',
      },
      { firstName: 'Odessa', lastName: 'Lindqvist', dateOfBirth: '1952-06-30', phone: '3305550303', mbi: undefined },
      { firstName: 'Percival', lastName: 'O_Malley%', dateOfBirth: '1961-11-11', phone: undefined, mbi: undefined },
    ];
    for (const p of people) await createPatient(ctx.db, ctx.user, patient({ ...p, allergies: [] }), false);
    return ctx;
  }
  const names = (r: { patients: { firstName: string }[] }) => r.patients.map((p) => p.firstName);

  it('finds by name prefix, in any case, any word order, or "last, first"', async () => {
    const { db, session } = await seeded();
    expect(names(await searchPatients(db, 'aber', 50))).toEqual(['Beatrix', 'Cornelius']);
    expect(names(await searchPatients(db, 'corn aber', 50))).toEqual(['Cornelius']);
    expect(names(await searchPatients(db, 'Abernathy, Be', 50))).toEqual(['Beatrix']);
    expect((await searchPatients(db, 'lind', 50)).matchedBy).toBe('name');
    await session.signOut();
  });

  it('finds by date of birth as typed, by part of a phone number, and by MBI prefix', async () => {
    const { db, session } = await seeded();
    const byDob = await searchPatients(db, '6/30/1952', 50);
    expect(byDob.matchedBy).toBe('dateOfBirth');
    expect(names(byDob)).toEqual(['Beatrix', 'Odessa']);
    const byPhone = await searchPatients(db, '555-0303', 50);
    expect([byPhone.matchedBy, names(byPhone)]).toEqual(['phone', ['Odessa']]);
    const byMbi = await searchPatients(db, '1eg4-te5', 50);
    expect([byMbi.matchedBy, names(byMbi)]).toEqual(['mbi', ['Cornelius']]);
    await session.signOut();
  });

  it('treats % and _ as letters, not wildcards, and reports when the list was cut short', async () => {
    const { db, session } = await seeded();
    expect(names(await searchPatients(db, '%', 50))).toEqual([]);
    expect(names(await searchPatients(db, 'O_M', 50))).toEqual(['Percival']);
    const firstTwo = await searchPatients(db, '', 2);
    expect(firstTwo.patients).toHaveLength(2);
    expect(firstTwo.truncated).toBe(true);
    await session.signOut();
  });
});
