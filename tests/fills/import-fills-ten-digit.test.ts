import { describe, expect, it } from 'vitest';
import { all, sql } from '../../main/db/sql';
import { importFills } from '../../main/fills/import-fills';
import { fillImport } from '../helpers/fill-csv';
import { importNdcDirectory } from '../../main/ndc-directory/import-ndc-directory';
import { ndcZip } from '../ndc-directory/ndc-fixture';
import { newPharmacy } from '../helpers/temp-pharmacy';

// Some pharmacy systems export the NDC as 10 digits without dashes. Which 11-digit NDC that is depends on the
// configuration the dashes would have shown; the import takes it only when exactly one reading is known (from
// the pharmacy's own earlier fills, the RxNorm release or the FDA NDC Directory), and otherwise refuses the row.
const row = (rx: string, date: string, ndc: string, drug: string) =>
  `Abernathy,Cornelius,01/02/1940,${rx},0,${date},${ndc},${drug},30,30`;
const BASE =
  'is a 10-digit NDC without dashes, which cannot be converted safely: export the 11-digit NDC or keep the dashes';

describe('fill import of 10-digit NDCs without dashes', () => {
  it('reads them by the pharmacy’s own earlier fills and the FDA directory, and refuses the rest with the reason', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    // The earlier export kept the dashes.
    expect(
      await importFills(
        db,
        user,
        fillImport('september.csv', [
          row('5001', '2026-09-01', '0071-0155-23', 'LIPITOR 10MG TAB'),
          row('5002', '2026-09-01', '65862-0080-01', 'METFORMIN 500MG TAB'),
        ]),
      ),
    ).toMatchObject({ refused: false, imported: 2 });

    const october = [
      row('5001', '2026-10-01', '0071015523', 'LIPITOR 10MG TAB'), // line 2: known from September's fill
      row('5003', '2026-10-01', '0002322730', 'STRATTERA 10MG CAP'), // line 3: unknown until the directory is loaded
      row('5002', '2026-10-01', '6586200801', 'METFORMIN 500MG TAB'), // line 4: two readings known once it is
    ];
    // Before the directory: 0002322730 is unknown, the metformin one resolves by September's fill.
    const first = await importFills(db, user, fillImport('october.csv', october, { preview: true }));
    expect(first.issues).toEqual([
      { line: 3, field: 'NDC', reason: `"0002322730" ${BASE}; none of the three readings is known` },
    ]);

    await importNdcDirectory(db, user, await ndcZip());
    const refused = await importFills(db, user, fillImport('october.csv', october));
    expect(refused).toMatchObject({ refused: true, imported: 0, invalidRows: 1 });
    expect(refused.issues).toEqual([
      {
        line: 4,
        field: 'NDC',
        reason: `"6586200801" ${BASE}; both 65862-0008-01 and 65862-0080-01 are known`,
      },
    ]);

    const taken = await importFills(db, user, fillImport('october.csv', october, { validOnly: true }));
    expect(taken).toMatchObject({ refused: false, imported: 2, invalidRows: 1 });
    const rows = await all<{ rx_number: string; fill_date: string; ndc: string }>(
      db,
      sql`SELECT rx_number, fill_date, ndc FROM fills ORDER BY fill_date, rx_number`,
    );
    expect(rows).toEqual([
      { rx_number: '5001', fill_date: '2026-09-01', ndc: '00071015523' },
      { rx_number: '5002', fill_date: '2026-09-01', ndc: '65862008001' },
      { rx_number: '5001', fill_date: '2026-10-01', ndc: '00071015523' },
      { rx_number: '5003', fill_date: '2026-10-01', ndc: '00002322730' },
    ]);
  });

  it('still refuses a 10-digit NDC nothing knows, and the dashed and 11-digit forms as before', async () => {
    const { session } = await newPharmacy();
    const { db, user } = session.current();
    const report = await importFills(
      db,
      user,
      fillImport('export.csv', [
        row('7001', '2026-10-01', '1234567890', 'SOMETHING'),
        row('7002', '2026-10-01', '12345-678-90', 'DASHED'),
        row('7003', '2026-10-01', '12345678901', 'ELEVEN'),
      ]),
    );
    expect(report).toMatchObject({ refused: true, invalidRows: 1 });
    expect(report.issues).toEqual([
      { line: 2, field: 'NDC', reason: `"1234567890" ${BASE}; none of the three readings is known` },
    ]);
  });
});
