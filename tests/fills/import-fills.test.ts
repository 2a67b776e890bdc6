import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import type { Row } from '../../main/db/rows';
import { all, one, sql } from '../../main/db/sql';
import { autoMap } from '../../main/fills/fill-rows';
import { importFills, type ImportOptions } from '../../main/fills/import-fills';
import { pharmacyFillEntries } from '../../main/reviews/reconciliation';
import type { Session } from '../../main/security/session';
import { newPharmacy } from '../helpers/temp-pharmacy';

const HEADER =
  'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Qty,Days Supply,Prescriber NPI';
const row = (
  over: Partial<
    Record<'last' | 'first' | 'dob' | 'rx' | 'refill' | 'date' | 'ndc' | 'drug' | 'qty' | 'ds' | 'npi', string>
  > = {},
) => {
  const r = {
    last: 'Abernathy',
    first: 'Cornelius',
    dob: '01/02/1940',
    rx: '700001',
    refill: '0',
    date: '20260105',
    ndc: '0071-0155-23',
    drug: 'Atorvastatin 10 mg tab',
    qty: '30',
    ds: '30',
    npi: '1245319599',
    ...over,
  };
  return [r.last, r.first, r.dob, r.rx, r.refill, r.date, r.ndc, r.drug, r.qty, r.ds, r.npi].join(',');
};
const csv = (...rows: string[]) => Buffer.from([HEADER, ...rows].join('\r\n'));
/** The same export with the label's columns: strength, dose form and directions. */
const labelled = (...rows: [string, string, string, string][]) =>
  Buffer.from([`${HEADER},Drug Strength,Dosage Form,SIG`, ...rows.map((cells) => cells.join(','))].join('\r\n'));

async function pharmacy() {
  const { session } = await newPharmacy();
  await dispatch(session, 'patients:create', {
    patient: { firstName: 'Cornelius', lastName: 'Abernathy', dateOfBirth: '1940-01-02', sex: 'male' },
  });
  return session;
}
const run = (session: Session, bytes: Buffer, opts: Partial<ImportOptions> = {}) =>
  importFills(session.current().db, session.current().user, {
    fileName: 'export.csv',
    bytes,
    validOnly: false,
    createPatients: false,
    preview: false,
    ...opts,
  });
const fillCount = async (session: Session) =>
  (await one<{ n: number }>(session.current().db, sql`SELECT count(*) AS n FROM fills`))!.n;

describe('fill history import', () => {
  it('maps common headers by itself, imports in one go, and adds nothing on re-import', async () => {
    const session = await pharmacy();
    const file = csv(
      row(),
      row({ refill: '1', date: '2026-02-04' }),
      row({ rx: '700002', ndc: '', drug: 'Metformin 500 mg', date: '1/10/2026' }),
    );
    const first = await run(session, file);
    expect(first).toMatchObject({
      refused: false,
      rows: 3,
      validRows: 3,
      imported: 3,
      duplicates: 0,
      encoding: 'UTF-8',
    });
    expect(first.mapping).toMatchObject({
      lastName: 'Patient Last Name',
      rxNumber: 'Rx #',
      fillNumber: 'Refill #',
      fillDate: 'Date Filled',
      quantity: 'Qty',
      daysSupply: 'Days Supply',
    });
    const again = await run(session, file);
    expect(again).toMatchObject({ imported: 0, duplicates: 3, refused: false });
    expect(await fillCount(session)).toBe(3);
    const fill = await one<Pick<Row<'fills'>, 'ndc' | 'fill_date' | 'quantity'>>(
      session.current().db,
      sql`SELECT ndc, fill_date, quantity FROM fills WHERE rx_number = '700001' AND fill_number = 0`,
    );
    expect(fill).toEqual({ ndc: '00071015523', fill_date: '2026-01-05', quantity: 30 });
    await session.signOut();
  });

  it('checks the whole file first and reports every bad row by line, field and reason; nothing is imported', async () => {
    const session = await pharmacy();
    const report = await run(
      session,
      csv(
        row(),
        row({ rx: '700010', date: '02/30/2026' }),
        row({ rx: '700011', qty: '-30' }),
        row({ rx: '700012', ndc: '0071015523' }),
        row({ rx: '700013', ds: '0' }),
        row({ rx: '700014', date: '2999-01-01' }),
        row({ rx: '700015', npi: '1245319598' }),
        row({ rx: '700016', last: 'Nobody', first: 'Known' }),
        row(),
      ),
    );
    expect(report.refused).toBe(true);
    expect(report.issues.map((i) => `${i.line} ${i.field}`)).toEqual([
      '3 Fill date',
      '4 Quantity',
      '5 NDC',
      "6 Days' supply",
      '7 Fill date',
      '8 Prescriber NPI',
      '9 Patient',
    ]);
    expect(report.issues[1]!.reason).toMatch(/-30 must be more than 0/);
    expect(report.duplicates).toBe(1); // line 10 repeats line 2
    expect(await fillCount(session)).toBe(0);
    const audit = await one<Pick<Row<'audit_log'>, 'outcome' | 'detail'>>(
      session.current().db,
      sql`SELECT outcome, detail FROM audit_log WHERE action = 'fills.import'`,
    );
    expect(audit).toEqual({
      outcome: 'failure',
      detail: 'export.csv: refused, 7 problems in 7 rows; nothing imported',
    });

    const validOnly = await run(session, csv(row(), row({ rx: '700011', qty: '-30' })), { validOnly: true });
    expect(validOnly).toMatchObject({ refused: false, imported: 1, invalidRows: 1 });
    await session.signOut();
  });

  it('creates unknown patients only when asked, once per patient', async () => {
    const session = await pharmacy();
    const file = csv(
      row({ last: 'Quill', first: 'Ottilie', dob: '1951-05-05', rx: '800001' }),
      row({ last: 'Quill', first: 'Ottilie', dob: '1951-05-05', rx: '800001', refill: '1', date: '20260204' }),
    );
    expect(await run(session, file)).toMatchObject({
      refused: true,
      issues: [{ field: 'Patient' }, { field: 'Patient' }],
    });
    expect(await run(session, file, { preview: true, createPatients: false })).toMatchObject({
      refused: false,
      unknownPatients: 1,
      imported: 0,
    });
    expect(await run(session, file, { createPatients: true })).toMatchObject({ imported: 2, newPatients: 1 });
    expect(await dispatch(session, 'patients:search', { query: 'Quill' })).toMatchObject({
      ok: true,
      data: { patients: [{ firstName: 'Ottilie', sex: 'unknown' }] },
    });
    await session.signOut();
  });

  it('reads Windows-1252 and tab-separated exports, quoted commas, and remembers a custom mapping', async () => {
    const session = await pharmacy();
    const header = 'Surname\tGiven\tBorn\tScript\tFill\tWhen\tProduct\tCount\tSupply';
    const latin1 = Buffer.from(
      `${header}\nAbernathy\tCornelius\t01/02/1940\t900001\t0\t2026-03-01\t"Crème, barrier 50 g"\t1\t30\n`,
      'latin1',
    );
    const auto = await run(session, latin1);
    expect(auto.refused).toBe(true);
    expect(auto.issues.map((i) => i.field)).toEqual(expect.arrayContaining(['Rx number', 'Fill date']));
    const mapping = {
      lastName: 'Surname',
      firstName: 'Given',
      dateOfBirth: 'Born',
      rxNumber: 'Script',
      fillNumber: 'Fill',
      fillDate: 'When',
      drugName: 'Product',
      quantity: 'Count',
      daysSupply: 'Supply',
    };
    expect(await run(session, latin1, { mapping })).toMatchObject({ encoding: 'Windows-1252', imported: 1 });
    const fill = await one<Pick<Row<'fills'>, 'drug_name'>>(
      session.current().db,
      sql`SELECT drug_name FROM fills WHERE rx_number = '900001'`,
    );
    expect(fill?.drug_name).toBe('Crème, barrier 50 g');
    // The same export next time: the mapping is remembered.
    expect((await run(session, latin1, { preview: true })).mapping).toEqual(mapping);
    await session.signOut();
  });

  it('refuses an empty file, a header without rows, a binary file, and a mapping to a missing column', async () => {
    const session = await pharmacy();
    await expect(run(session, Buffer.alloc(0))).rejects.toThrow('The file is empty.');
    await expect(run(session, Buffer.from(HEADER))).rejects.toThrow('The file has a header row but no fills.');
    await expect(run(session, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08]))).rejects.toThrow(
      /not a text \(CSV\) file/,
    );
    const r = await run(session, csv(row()), {
      mapping: {
        lastName: 'Patient Last Name',
        firstName: 'Patient First Name',
        dateOfBirth: 'DOB',
        rxNumber: 'Rx Number',
        fillDate: 'Date Filled',
        ndc: 'NDC',
        quantity: 'Qty',
        daysSupply: 'Days Supply',
      },
    });
    expect(r.issues).toEqual([{ line: 1, field: 'Rx number', reason: 'The file has no column named "Rx Number"' }]);
    await session.signOut();
  });

  it("recognises the label's columns under the names dispensing systems export them", () => {
    const mapped = (...headers: string[]) => {
      const m = autoMap(['Rx #', 'Drug Name', ...headers]);
      return [m.strength, m.dosageForm, m.sig];
    };
    expect(mapped('Strength', 'Dosage Form', 'SIG')).toEqual(['Strength', 'Dosage Form', 'SIG']);
    expect(mapped('DRUG_STRENGTH', 'Form', 'Directions')).toEqual(['DRUG_STRENGTH', 'Form', 'Directions']);
    expect(mapped('Drug Strength', 'Dose Form', 'Sig Text')).toEqual(['Drug Strength', 'Dose Form', 'Sig Text']);
    expect(mapped('Instructions')).toEqual([undefined, undefined, 'Instructions']);
    expect(mapped()).toEqual([undefined, undefined, undefined]);
  });

  it("stores each fill's strength, form and directions; the reconciliation shows the latest fill's", async () => {
    const session = await pharmacy();
    const { db } = session.current();
    const first = row({ date: '20261101', drug: 'Atorvastatin 20 mg tab' });
    const file = labelled(
      [first, '20 mg', 'tablet', '1 PO QHS'],
      [row({ rx: '700002', drug: 'Lisinopril' }), '', '', ''],
    );
    const report = await run(session, file);
    expect(report).toMatchObject({ refused: false, imported: 2 });
    expect(report.mapping).toMatchObject({ strength: 'Drug Strength', dosageForm: 'Dosage Form', sig: 'SIG' });
    // The mapping screen shows what each column holds.
    expect(report.samples).toMatchObject({ 'Drug Strength': '20 mg', 'Dosage Form': 'tablet', SIG: '1 PO QHS' });
    type Label = Pick<Row<'fills'>, 'rx_number' | 'strength' | 'dose_form' | 'sig'>;
    const labels = sql`SELECT rx_number, strength, dose_form, sig FROM fills ORDER BY rx_number`;
    const stored = [
      { rx_number: '700001', strength: '20 mg', dose_form: 'tablet', sig: '1 PO QHS' },
      { rx_number: '700002', strength: null, dose_form: null, sig: null },
    ];
    expect(await all<Label>(db, labels)).toEqual(stored);

    // The same fill again with other directions is already there and stays as first imported; the refill
    // brings the new label, and the reconciliation carries the latest fill's strength and directions.
    const refill = row({ refill: '1', date: '20261125', drug: 'Atorvastatin 40 mg tab' });
    const again = await run(
      session,
      labelled([first, '20 mg', 'tablet', '2 PO QHS'], [refill, '40 mg', 'tablet', '1 PO QD']),
    );
    expect(again).toMatchObject({ imported: 1, duplicates: 1 });
    expect((await all<Label>(db, labels))[0]).toEqual(stored[0]);
    const patient = await one<Pick<Row<'patients'>, 'id'>>(db, sql`SELECT id FROM patients`);
    expect(await pharmacyFillEntries(db, patient!.id, '2026-12-01')).toEqual([
      // No prescriber NPI in this export: the line names no prescriber.
      {
        source: 'pharmacyFill',
        product: 'Atorvastatin 40 mg tab',
        strength: '40 mg',
        sig: '1 PO QD',
        prescriberId: null,
      },
    ]);
    await session.signOut();
  });

  it("refuses a label's value longer than the medication list keeps, naming the row and the column", async () => {
    const session = await pharmacy();
    const long = `1 PO QD ${'AND '.repeat(75)}`.trim();
    const file = labelled(
      [row(), '20 mg', 'tablet', '1 PO QHS'],
      [row({ rx: '700002' }), '10 mg', 'tablet', long],
      [row({ rx: '700003' }), '5 mg'.padEnd(61, '0'), 'x'.repeat(61), '1 PO QD'],
    );
    const report = await run(session, file);
    expect(report).toMatchObject({ refused: true, imported: 0, invalidRows: 2 });
    expect(report.issues).toEqual([
      { line: 3, field: 'Directions (sig)', reason: `Longer than 300 characters (it has ${long.length})` },
      { line: 4, field: 'Strength', reason: 'Longer than 60 characters (it has 61)' },
      { line: 4, field: 'Dose form', reason: 'Longer than 60 characters (it has 61)' },
    ]);
    expect(await fillCount(session)).toBe(0);
    // Valid rows only: the good row goes in, nothing of the refused ones.
    expect(await run(session, file, { validOnly: true })).toMatchObject({ imported: 1, invalidRows: 2 });
    expect(await one(session.current().db, sql`SELECT rx_number, sig FROM fills`)).toEqual({
      rx_number: '700001',
      sig: '1 PO QHS',
    });
    await session.signOut();
  });

  it('handles a 10 MB file in one transaction', async () => {
    const session = await pharmacy();
    const rows: string[] = [];
    for (let i = 0; rows.join('\n').length < 10 * 1024 * 1024 && i < 200000; i++) {
      for (let k = 0; k < 1000; k++, i++)
        rows.push(row({ rx: String(1000000 + i), drug: `Atorvastatin 10 mg tablet lot ${i} ${'x'.repeat(20)}` }));
    }
    const bytes = csv(...rows);
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const r = await run(session, bytes);
    expect(r).toMatchObject({ refused: false, imported: rows.length, rows: rows.length });
    expect(await fillCount(session)).toBe(rows.length);
    await session.signOut();
  }, 120_000);
});
