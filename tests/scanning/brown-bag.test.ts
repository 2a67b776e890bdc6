// A brown bag scanned through the bridge: each bottle lands on its line (on the list, filled here, new), expired
// and doubled bottles raise a problem to propose, list medicines without a bottle are named, a bad code or
// another patient's label changes nothing, and the last scan can be taken back.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../main/bridge/dispatch';
import { one, sql } from '../../main/db/sql';
import { importFills } from '../../main/fills/import-fills';
import { importNdcDirectory } from '../../main/ndc-directory/import-ndc-directory';
import { gs1CheckDigit } from '../../main/scanning/gs1';
import type { Session } from '../../main/security/session';
import { ndcZip } from '../ndc-directory/ndc-fixture';
import { fillImport } from '../helpers/fill-csv';
import { auditRows, call, newPharmacy } from '../helpers/temp-pharmacy';

const GS = '\x1d';
const gtin = (ndc10: string) => `003${ndc10}${gs1CheckDigit(`003${ndc10}`)}`;
const wrongCheck = (code: string) => `${code.slice(0, -1)}${(Number(code.at(-1)) + 1) % 10}`;
const upc = (ndc10: string) => `3${ndc10}${gs1CheckDigit(`3${ndc10}`)}`;
const dataMatrix = (ndc10: string, expiry: string, lot: string, serial: string) =>
  `${GS}01${gtin(ndc10)}17${expiry}10${lot}${GS}21${serial}`;

/** Cornelius has atorvastatin and metformin filled here; Beatrix (another patient) has Rx 6001. */
async function pharmacy(): Promise<{ session: Session; patientId: string }> {
  const { session } = await newPharmacy();
  const { db, user } = session.current();
  const rows = [
    'Abernathy,Cornelius,01/02/1940,5001,0,11/02/2026,0071-0155-23,LIPITOR 10MG TAB,30,30',
    'Abernathy,Cornelius,01/02/1940,5002,0,11/02/2026,68180-512-01,METFORMIN 500MG TAB,60,30',
    'Quill,Beatrix,05/06/1941,6001,0,11/02/2026,0071-0155-23,LIPITOR 10MG TAB,30,30',
  ];
  const report = await importFills(db, user, fillImport('november.csv', rows));
  expect(report).toMatchObject({ refused: false, imported: 3 });
  await importNdcDirectory(db, user, await ndcZip());
  const p = await one<{ id: string }>(db, sql`SELECT id FROM patients WHERE last_name = 'Abernathy'`);
  for (const [product, source] of [
    ['Atorvastatin 10 mg tablet', 'pharmacyFill'],
    ['Amlodipine 5 mg tablet', 'patientReported'],
  ] as const)
    await call(session, 'medications:add', {
      patientId: p!.id,
      medication: { product, kind: 'rx', source },
    });
  return { session, patientId: p!.id };
}

describe('brown-bag scanning', () => {
  it('reconciles each bottle as it is scanned, and refuses codes that say nothing usable', async () => {
    const { session, patientId } = await pharmacy();
    try {
      const scan = (code: string) => dispatch(session, 'scanning:scan', { patientId, code });

      // A DSCSA DataMatrix of the statin on the list and filled here.
      const first = await call(session, 'scanning:scan', {
        patientId,
        code: dataMatrix('0071015523', '281231', 'A1B2', 'SN778'),
      });
      expect(first.line).toMatchObject({
        kind: 'gs1',
        ndc: '00071-0155-23',
        product: 'LIPITOR 10MG TAB',
        lot: 'A1B2',
        serial: 'SN778',
        expiry: '2028-12-31',
        place: 'matched',
        flags: [],
      });
      expect(first.line.matchedTo).toMatch(/^On the list \(Our pharmacy fills\); filled here 11\/02\/2026$/);
      expect(first.message).toBe('LIPITOR 10MG TAB: On the list (Our pharmacy fills); filled here 11/02/2026.');

      // The UPC-A on the metformin bottle: its 10-digit NDC is read by the pharmacy's own fill of it.
      const second = await call(session, 'scanning:scan', { patientId, code: upc('6818051201') });
      expect(second.line).toMatchObject({ kind: 'retail', ndc: '68180-0512-01', place: 'matched' });
      expect(second.line.matchedTo).toBe('Filled here 11/02/2026');

      // Our own label of the statin: the same medicine twice.
      const third = await call(session, 'scanning:scan', { patientId, code: '5001' });
      expect(third.line).toMatchObject({ kind: 'label', rxNumber: '5001', flags: ['twice'] });
      expect(third.line.proposals[0]).toMatch(/^LIPITOR 10MG TAB: a second bottle of the same medicine/);

      // A bottle from elsewhere, known only to FDA's directory, and expired.
      const fourth = await call(session, 'scanning:scan', {
        patientId,
        code: dataMatrix('0002322730', '250100', 'X9', 'S1'),
      });
      expect(fourth.line).toMatchObject({ place: 'new', expiry: '2025-01-31', flags: ['expired'] });
      expect(fourth.line.product).toMatch(/Strattera/);
      expect(fourth.line.proposals[0]).toMatch(/expired on 01\/31\/2025/);
      expect(fourth.bag.counts).toEqual({ scanned: 4, matched: 3, new: 1, expired: 1, twice: 1, noBottle: 1 });
      expect(fourth.bag.noBottle.map((m) => m.product)).toEqual(['Amlodipine 5 mg tablet']);

      // Codes that say nothing usable: a clear message, and the bag is as it was.
      const audit = (await auditRows(session)).length;
      for (const [code, message] of [
        ['hello there', /Nothing was added/],
        [`${GS}01${wrongCheck(gtin('0071015523'))}`, /check digit/],
        ['6001', /filled for another patient/],
        ['9999999', /not one of this pharmacy’s prescriptions/],
        [upc('1234567890'), /not known to the pharmacy’s fills, RxNorm or the FDA NDC Directory/],
      ] as const)
        expect(await scan(code)).toMatchObject({
          ok: false,
          error: { code: 'validation', field: 'code', message: expect.stringMatching(message) },
        });
      const bag = await call(session, 'scanning:bag', { patientId });
      expect(bag.counts.scanned).toBe(4);
      // Each refusal is in the audit trail as a failure, naming no code.
      const failures = (await auditRows(session)).slice(audit).filter((r) => r.action === 'scan.add');
      expect(failures.map((r) => r.outcome)).toEqual(Array(5).fill('failure'));

      // Adding the new one to the list (from another pharmacy) moves it to matched.
      await call(session, 'medications:add', {
        patientId,
        medication: { product: fourth.line.product, kind: 'rx', source: 'otherPharmacy' },
      });
      expect((await call(session, 'scanning:bag', { patientId })).counts).toMatchObject({ matched: 4, new: 0 });

      // Undo takes back the last scan only; with nothing left, it says so.
      const undone = await call(session, 'scanning:undo', { patientId });
      expect(undone.lines.map((l) => l.kind)).toEqual(['gs1', 'retail', 'label']);
      for (let i = 0; i < 3; i++) await call(session, 'scanning:undo', { patientId });
      expect(await dispatch(session, 'scanning:undo', { patientId })).toMatchObject({
        ok: false,
        error: { code: 'conflict', message: expect.stringMatching(/nothing to undo/) },
      });
    } finally {
      await session.signOut();
    }
  });

  it('keeps a review’s bag apart from the medication list’s and refuses a review of another patient', async () => {
    const { session, patientId } = await pharmacy();
    try {
      const review = await call(session, 'reviews:create', { patientId, type: 'cmr' });
      await call(session, 'scanning:scan', { patientId, reviewId: review.id, code: '5001' });
      expect((await call(session, 'scanning:bag', { patientId, reviewId: review.id })).counts.scanned).toBe(1);
      expect((await call(session, 'scanning:bag', { patientId })).counts.scanned).toBe(0);
      const other = await one<{ id: string }>(
        session.current().db,
        sql`SELECT id FROM patients WHERE last_name = 'Quill'`,
      );
      expect(await dispatch(session, 'scanning:bag', { patientId: other!.id, reviewId: review.id })).toMatchObject({
        ok: false,
        error: { code: 'notFound' },
      });
    } finally {
      await session.signOut();
    }
  });

  it('reads the pharmacy’s own label layout from its settings, and refuses a layout it could not read', async () => {
    const { session, patientId } = await pharmacy();
    try {
      const layout = (labelPattern: string) =>
        dispatch(session, 'settings:update', {
          scanner: { labelSymbology: 'code128', labelPattern, groupSeparator: '' },
        });
      expect(await layout('{fill}')).toMatchObject({
        ok: false,
        error: { code: 'validation', field: 'scanner.labelPattern' },
      });
      expect((await call(session, 'settings:get', {})).scanner.labelPattern).toBe('{rx}');
      expect(await layout('RX{rx}-{fill}')).toMatchObject({ ok: true });
      const scanned = await call(session, 'scanning:scan', { patientId, code: 'RX5001-0' });
      expect(scanned.line).toMatchObject({ kind: 'label', rxNumber: '5001', place: 'matched' });
    } finally {
      await session.signOut();
    }
  });
});
