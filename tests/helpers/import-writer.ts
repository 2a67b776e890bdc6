// Test helper process: signs in and imports small fill files, each creating a new patient, again and
// again until it is killed — so that a kill lands at every point of an import, commit included.
// argv: data folder, password.
import { importFills } from '../../main/fills/import-fills';
import { Session } from '../../main/security/session';

const [dataDir, password] = process.argv.slice(2) as [string, string];
const session = new Session(dataDir);
await session.signIn({ username: 'pharmacist1', password });
const HEADER = 'Patient Last Name,Patient First Name,DOB,Rx #,Refill #,Date Filled,NDC,Drug Name,Qty,Days Supply';
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const rows = Array.from(
    { length: 40 },
    (_, j) =>
      `Killian${i},Row${j},01/02/1940,${800000 + i * 100 + j},0,20260105,0071-0155-23,Atorvastatin 10 mg tab,30,30`,
  );
  const { db, user } = session.current();
  await importFills(db, user, {
    fileName: `run-${i}.csv`,
    bytes: Buffer.from([HEADER, ...rows].join('\n')),
    validOnly: false,
    createPatients: true,
    preview: false,
  });
}
