// A pharmacy ready to bill: a signed CMR for a patient with conditions, the billing provider, the
// rendering pharmacist and one payer (whole 15-minute blocks).
import { call, daysAgo, newPharmacy } from './temp-pharmacy';
import { sampleSignedCmr } from './sample-review';

export const PROVIDER = {
  legalName: 'Lakeshore Family Pharmacy LLC',
  npi: '1234567893',
  taxId: '34-1234567',
  taxonomy: '3336C0003X',
  address: { line1: '9 Harbor Road', city: 'Cleveland', state: 'OH', zip: '44114-2301' },
  phone: '216-555-0100',
};
export const PAYER = {
  name: 'Buckeye Senior Rx',
  payerId: 'BSRX1',
  kind: 'partD',
  submitterId: 'LAKESHORE01',
  receiverId: 'CLEARHOUSE',
  receiverName: 'Midwest Claims Exchange',
  claimFilingCode: 'CI',
  unitRule: 'whole',
  fees: { '99605': 65, '99606': 50, '99607': 25.5 },
  // The sample patient's plan, Buckeye Senior Rx (PDP).
  planContracts: ['S5810'] as string[],
} as const;

export async function billable() {
  const { session, dataDir } = await newPharmacy();
  const sample = await sampleSignedCmr(session, { medicines: 3, cmrDate: daysAgo(2) });
  for (const code of ['I10', 'E11.9']) await call(session, 'conditions:add', { patientId: sample.patientId, code });
  await call(session, 'billing:saveProvider', PROVIDER);
  await call(session, 'billing:savePharmacist', {
    username: 'pharmacist1',
    firstName: 'Lee',
    lastName: 'Ambrose',
    npi: '1245319599',
    taxonomy: '183500000X',
  });
  const setup = await call(session, 'billing:savePayer', PAYER);
  return { session, dataDir, ...sample, payerId: setup.payers[0]!.id };
}
