// Synthetic claims for the 837P writer (tests and benchmark), free of vitest.
import type { ClaimFor837 } from '../../main/billing/x12-837p';
import type { Claim, Payer } from '../../preload/schemas/billing';

export const provider = {
  legalName: 'Lakeshore Family Pharmacy LLC',
  npi: '1234567893',
  taxId: '341234567',
  taxonomy: '3336C0003X',
  address: { line1: '9 Harbor Road', city: 'Cleveland', state: 'OH', zip: '441142301' },
  phone: '2165550100',
};
export const payer: Payer = {
  id: 'p',
  version: 1,
  name: 'Buckeye Senior Rx',
  payerId: 'BSRX1',
  kind: 'partD',
  submitterId: 'LAKESHORE01',
  receiverId: 'CLEARHOUSE',
  receiverName: 'Midwest Claims Exchange',
  claimFilingCode: 'CI',
  unitRule: 'midpoint',
  remotePlaceOfService: '01',
  fees: { '99605': 6500, '99606': 5000, '99607': 2550 },
  active: true,
  planContracts: ['S5810'],
};
const rendering = {
  username: 'pharmacist1',
  firstName: 'Lee',
  lastName: 'Ambrose',
  npi: '1245319599',
  taxonomy: '183500000X',
};

/** n claims with 1 to 4 service lines and awkward names (accents, apostrophes, delimiters). */
export function sampleClaims(n: number): ClaimFor837[] {
  return Array.from({ length: n }, (_, i) => {
    const extra = i % 4;
    const lines = [
      { code: i % 3 ? '99606' : '99605', units: 1, chargeCents: i % 3 ? 5000 : 6500, pointers: [1] },
      ...(extra ? [{ code: '99607', units: extra, chargeCents: 2550 * extra, pointers: [1, 2] }] : []),
    ];
    const claim = {
      claimNumber: `C${String(i + 1).padStart(6, '0')}`,
      totalCents: lines.reduce((s, l) => s + l.chargeCents, 0),
      frequency: '1',
      serviceDate: '2026-11-02',
      diagnoses: ['I10', 'E11.9'],
      lines,
      placeOfService: '01',
    } as unknown as Claim;
    return {
      claim,
      rendering,
      replaces: null,
      patient: {
        firstName: i % 2 ? 'Renée' : 'José*',
        middleName: null,
        lastName: `O'Brien~${i}`,
        dateOfBirth: '1949-09-30',
        sex: i % 2 ? 'female' : 'male',
        memberId: `M${i}`,
        address: { line1: '1 Elm St: Apt ^2', city: 'Akron', state: 'OH', zip: '44308' },
      },
    };
  });
}
