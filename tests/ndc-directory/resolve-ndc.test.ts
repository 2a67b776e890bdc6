import type { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { run, sql } from '../../main/db/sql';
import { importFills } from '../../main/fills/import-fills';
import { tenDigitReadings } from '../../main/fills/ndc';
import { importNdcDirectory } from '../../main/ndc-directory/import-ndc-directory';
import { lookupNdcProduct, resolveTenDigitNdc, resolveTenDigitNdcs } from '../../main/ndc-directory/resolve-ndc';
import type { SignedInUser } from '../../preload/schemas/security';
import { FILL_MAPPING } from '../helpers/fill-csv';
import { newPharmacy } from '../helpers/temp-pharmacy';
import { ndcZip } from './ndc-fixture';

const MAPPING = { ...FILL_MAPPING, strength: 'Strength' };

/** Fills for one patient, created by the import: [rx, date, ndc, drug, strength]. */
async function fills(db: DataSource, user: SignedInUser, rows: string[][]) {
  const csv = [
    'Last,First,DOB,Rx,Fill,Date,NDC,Drug,Strength,Qty,Days',
    ...rows.map(
      ([rx, date, ndc, drug, strength]) =>
        `Abernathy,Cornelius,01/02/1940,${rx},0,${date},${ndc},${drug},${strength},30,30`,
    ),
  ].join('\n');
  const r = await importFills(db, user, {
    fileName: 'earlier.csv',
    bytes: Buffer.from(csv),
    mapping: MAPPING,
    validOnly: false,
    createPatients: true,
    preview: false,
  });
  expect(r).toMatchObject({ refused: false, imported: rows.length });
}

async function rxnorm(db: DataSource, ndc: string, rxcui: string, name: string) {
  await run(db, sql`INSERT INTO rxn_concepts (rxcui, tty, name) VALUES (${rxcui}, 'SCD', ${name})`);
  await run(db, sql`INSERT INTO rxn_ndcs (ndc, rxcui) VALUES (${ndc}, ${rxcui})`);
}

describe('reading a 10-digit NDC without dashes', () => {
  it('has three readings, the short segment padded in each configuration', () => {
    expect(tenDigitReadings('0002322730')).toEqual(['00002322730', '00023022730', '00023227300']);
  });

  it('takes the one reading the pharmacy’s fills, RxNorm or the FDA directory knows, and refuses none or several', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    // Nothing known yet.
    expect(await resolveTenDigitNdc(db, '0071015523')).toEqual({
      problem:
        '"0071015523" is a 10-digit NDC without dashes, which cannot be converted safely: export the 11-digit NDC or keep the dashes; none of the three readings is known',
    });

    await fills(db, user, [['5001', '2026-10-01', '0071-0155-23', 'LIPITOR 10MG TAB', '10 mg']]);
    expect(await resolveTenDigitNdc(db, '0071015523')).toEqual({ ndc11: '00071015523' }); // by the pharmacy's fills

    await rxnorm(db, '99999000201', '9100020', 'metformin hydrochloride 500 MG Oral Tablet');
    expect(await resolveTenDigitNdc(db, '9999900021')).toEqual({ ndc11: '99999000201' }); // by RxNorm (5-4-1)

    await importNdcDirectory(db, user, await ndcZip());
    expect(await resolveTenDigitNdc(db, '0002322730')).toEqual({ ndc11: '00002322730' }); // by FDA (4-4-2)
    expect(await resolveTenDigitNdc(db, '5784411001')).toEqual({ ndc11: '57844011001' }); // by FDA (5-3-2)

    // A fill of 65862-0080-01 makes two readings of 6586200801 known: the FDA's 65862-008-01 and it.
    await fills(db, user, [['5002', '2026-10-02', '65862-0080-01', 'METFORMIN 500MG TAB', '']]);
    expect(await resolveTenDigitNdc(db, '6586200801')).toEqual({
      problem:
        '"6586200801" is a 10-digit NDC without dashes, which cannot be converted safely: export the 11-digit NDC or keep the dashes; both 65862-0008-01 and 65862-0080-01 are known',
    });

    // Many at once: one answer per distinct NDC, the same as one by one.
    const batch = await resolveTenDigitNdcs(db, [
      '0071015523',
      ' 0002322730 ',
      '0071015523',
      '6586200801',
      '1234567890',
      '12345',
    ]);
    expect([...batch.keys()]).toEqual(['0071015523', '0002322730', '6586200801', '1234567890', '12345']);
    expect(batch.get('0002322730')).toEqual({ ndc11: '00002322730' });
    expect(batch.get('6586200801')).toMatchObject({
      problem: expect.stringMatching(/both 65862-0008-01 and 65862-0080-01/),
    });
    expect(batch.get('1234567890')).toMatchObject({
      problem: expect.stringMatching(/none of the three readings is known$/),
    });
    expect(batch.get('12345')).toEqual({ problem: '"12345" is not a 10-digit NDC without dashes' });
  });

  it('reads thousands of NDCs in a few queries', async () => {
    const { session } = await newPharmacy();
    const { db } = session.current();
    await importNdcDirectory(db, session.current().user, await ndcZip());
    const tens = Array.from({ length: 5000 }, (_, i) => String(1_000_000_000 + i));
    let queries = 0;
    const counting = new Proxy(db, {
      get: (t, k) =>
        k === 'query'
          ? (...a: Parameters<DataSource['query']>) => {
              queries++;
              return t.query(...a);
            }
          : Reflect.get(t, k),
    });
    const out = await resolveTenDigitNdcs(counting, [...tens, '0002322730']);
    expect(out.get('0002322730')).toEqual({ ndc11: '00002322730' });
    expect(out.size).toBe(5001);
    expect(queries).toBe(Math.ceil((5001 * 3) / 2000));
  });
});

describe('what an NDC is', () => {
  it('names it from the latest fill, else RxNorm, else the FDA directory', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    expect(await lookupNdcProduct(db, '00006057561')).toBeNull();

    await importNdcDirectory(db, user, await ndcZip());
    expect(await lookupNdcProduct(db, '00006057561')).toEqual({
      name: 'Janumet (sitagliptin and metformin hydrochloride)',
      strength: '50 mg; 500 mg',
      form: 'TABLET, FILM COATED',
      source: 'fda',
    });
    expect(await lookupNdcProduct(db, '65862000801')).toEqual({
      name: 'Metformin Hydrochloride',
      strength: '500 mg',
      form: 'TABLET, FILM COATED',
      source: 'fda',
    });

    await rxnorm(db, '00006057561', '861769', 'Janumet 50 MG / 500 MG Oral Tablet');
    expect(await lookupNdcProduct(db, '00006057561')).toEqual({
      name: 'Janumet 50 MG / 500 MG Oral Tablet',
      strength: null,
      form: null,
      source: 'rxnorm',
    });

    await fills(db, user, [
      ['6001', '2026-09-01', '0006-0575-61', 'JANUMET 50-500 TAB', ''],
      ['6002', '2026-11-01', '0006-0575-61', 'JANUMET 50-500MG TABLET', '50-500 mg'],
      ['6003', '2026-10-01', '0006-0575-61', 'JANUMET TAB', ''],
    ]);
    expect(await lookupNdcProduct(db, '00006057561')).toEqual({
      name: 'JANUMET 50-500MG TABLET',
      strength: '50-500 mg',
      form: null,
      source: 'fills',
    });
    expect(await lookupNdcProduct(db, '12345678901')).toBeNull();
  });
});
