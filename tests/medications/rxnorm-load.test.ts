import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeZip } from '../helpers/zip-file';
import { dispatch } from '../../main/bridge/dispatch';
import type { Row } from '../../main/db/rows';
import { all, sql } from '../../main/db/sql';
import { importFills } from '../../main/fills/import-fills';
import { loadRxNorm } from '../../main/medications/vocabulary/rxnorm-load';
import type { Session } from '../../main/security/session';
import { FILL_HEADER, FILL_MAPPING } from '../helpers/fill-csv';
import { call, newPharmacy, tempDir } from '../helpers/temp-pharmacy';

const SAMPLE = join(import.meta.dirname, '../fixtures/rxnorm-sample');

const zipOf = (dir: string, name: string) =>
  writeZip(
    name,
    ['RXNCONSO.RRF', 'RXNREL.RRF', 'RXNSAT.RRF'].map((f) => ({ path: `rrf/${f}`, file: join(dir, f) })),
  );

const search = (session: Session, query: string) => call(session, 'drugs:search', { query });

describe('RxNorm release loader', () => {
  it('loads ingredients, brands, clinical drugs and NDCs from the release zip, ignoring other sources and suppressed rows', async () => {
    const { session } = await newPharmacy();
    const report = await loadRxNorm(
      session.current().db,
      session.current().user,
      await zipOf(SAMPLE, 'RxNorm_full_prescribe_11032025.zip'),
    );
    expect(report).toEqual({
      release: 'RxNorm_full_prescribe_11032025',
      ingredients: 3,
      clinicalDrugs: 3,
      brands: 1,
      ndcs: 3,
      recodedFills: 0,
    });

    // An ingredient only the release knows: found by generic and by brand, single-ingredient drugs first.
    const [zorb] = await search(session, 'zorb');
    expect(zorb).toMatchObject({
      name: 'zorbitolol',
      rxcui: '9100010',
      origin: 'rxnorm',
      classCode: null,
      maintenance: false,
    });
    expect(zorb!.clinicalDrugs.map((c) => c.rxcui)).toEqual(['9100012', '9100016']);
    expect(await search(session, 'Zorbix')).toEqual([
      expect.objectContaining({ name: 'zorbitolol', matchedBrand: 'Zorbix' }),
    ]);
    expect(await search(session, 'obsol')).toEqual([]);
    // A bundled ingredient keeps its class and gains the release's clinical drugs.
    const [metformin] = await search(session, 'metf');
    expect(metformin).toMatchObject({
      name: 'metformin',
      rxcui: '6809',
      origin: 'bundled',
      classCode: 'A10BA',
      maintenance: true,
      clinicalDrugs: [{ rxcui: '9100020', name: 'metformin hydrochloride 500 MG Oral Tablet' }],
    });

    const status = await dispatch(session, 'drugs:status', {});
    expect(status).toMatchObject({
      ok: true,
      data: { release: 'RxNorm_full_prescribe_11032025', ingredients: 3, clinicalDrugs: 3, brands: 1, ndcs: 3 },
    });
    await session.signOut();
  });

  it('recognises earlier fills by NDC once a release is loaded, and a broken release leaves the loaded one in place', async () => {
    const { session } = await newPharmacy();
    await dispatch(session, 'patients:create', {
      patient: { firstName: 'Cornelius', lastName: 'Abernathy', dateOfBirth: '1940-01-02', sex: 'male' },
    });
    const csv = [
      FILL_HEADER,
      'Abernathy,Cornelius,01/02/1940,5001,0,2026-01-05,99999-0002-01,,60,30',
      'Abernathy,Cornelius,01/02/1940,5002,0,2026-01-05,,ZORBIX 5MG TAB,30,30',
    ].join('\n');
    const imported = await importFills(session.current().db, session.current().user, {
      fileName: 'fills.csv',
      bytes: Buffer.from(csv),
      validOnly: false,
      createPatients: false,
      preview: false,
      mapping: FILL_MAPPING,
    });
    expect(imported).toMatchObject({
      imported: 2,
      unrecognisedRows: 2,
      unrecognisedDrugs: ['NDC 99999000201', 'ZORBIX 5MG TAB'],
    });

    const folder = tempDir();
    cpSync(SAMPLE, folder, { recursive: true });
    const report = await loadRxNorm(session.current().db, session.current().user, folder);
    expect(report.recodedFills).toBe(2);
    const keys = await all<Pick<Row<'fills'>, 'rx_number' | 'drug_key'>>(
      session.current().db,
      sql`SELECT rx_number, drug_key FROM fills ORDER BY rx_number`,
    );
    expect(keys).toEqual([
      { rx_number: '5001', drug_key: 'metformin' },
      { rx_number: '5002', drug_key: 'zorbitolol' },
    ]);

    // A broken release is refused and the loaded one stays.
    writeFileSync(join(folder, 'RXNREL.RRF'), '9100010|x|CUI|\n');
    await expect(loadRxNorm(session.current().db, session.current().user, folder)).rejects.toThrow(
      /RXNREL.RRF line 1 has 3 fields, not 16/,
    );
    const notZip = join(tempDir(), 'release.zip');
    writeFileSync(notZip, 'not a zip');
    await expect(loadRxNorm(session.current().db, session.current().user, notZip)).rejects.toThrow(
      /release.zip is not a zip file/,
    );
    expect(await dispatch(session, 'drugs:status', {})).toMatchObject({
      data: { ingredients: 3, release: folder.split('/').at(-1) },
    });
    await session.signOut();
  });
});
