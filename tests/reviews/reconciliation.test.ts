import { describe, expect, it } from 'vitest';
import { reconcile } from '../../main/reviews/reconciliation';
import type { ReconciliationEntry } from '../../preload/schemas/reviews';

const fill = (product: string, strength?: string, sig?: string): ReconciliationEntry => ({
  source: 'pharmacyFill',
  product,
  strength,
  sig,
});
const told = (product: string, strength?: string, sig?: string): ReconciliationEntry => ({
  source: 'patientReported',
  product,
  strength,
  sig,
});
const lines = (...entries: ReconciliationEntry[]) =>
  reconcile(entries).map(
    (l) =>
      `${l.ingredients.join(' + ') || l.entries[0]!.product}: ${l.status}${l.differences.length ? ` (${l.differences.join('; ')})` : ''}`,
  );

describe('medication reconciliation', () => {
  it('matches the same ingredient under a brand and a generic name', () => {
    expect(
      lines(
        fill('ATORVASTATIN CALCIUM 20 MG TAB', '20 mg', 'Take 1 tablet daily'),
        told('Lipitor', '20MG', 'take 1 tablet daily.'),
      ),
    ).toEqual(['atorvastatin: matched']);
  });

  it('reads directions for what they say: the fill’s codes and the list’s words agree when they say the same', () => {
    expect(
      lines(fill('lisinopril 10 mg tab', '10 mg', '1 PO QD'), told('lisinopril', '10 mg', 'Take 1 tablet daily')),
    ).toEqual(['lisinopril: matched']);
    expect(
      lines(fill('metformin 500 mg', '500 mg', '1 PO BID'), told('metformin', '500 mg', 'Take 1 tablet daily')),
    ).toEqual([
      'metformin: different (directions: 1 PO BID (Our pharmacy fills) vs Take 1 tablet daily (Patient reported))',
    ]);
  });

  it('shows a different strength or different directions, naming each source', () => {
    expect(lines(fill('lisinopril 10 mg tab', '10 mg'), told('lisinopril', '20 mg'))).toEqual([
      'lisinopril: different (strength: 10 mg (Our pharmacy fills) vs 20 mg (Patient reported))',
    ]);
    expect(
      lines(
        fill('metformin 500 mg', '500 mg', 'Take 1 tablet twice daily'),
        told('Glucophage', '500 mg', 'Takes 1 tablet once a day'),
      ),
    ).toEqual([
      'metformin: different (directions: Take 1 tablet twice daily (Our pharmacy fills) vs Takes 1 tablet once a day (Patient reported))',
    ]);
  });

  it('keeps what only one source knows on its own line, recognised or not', () => {
    expect(lines(fill('amlodipine 5 mg'), told('fish oil'), told('Grandma’s tonic'))).toEqual([
      'amlodipine: onlyOne',
      'fish oil: onlyOne',
      'Grandma’s tonic: onlyOne',
    ]);
  });

  it('sees a combination product in one source taken as separate products in another', () => {
    expect(
      lines(
        fill('LISINOPRIL-HYDROCHLOROTHIAZIDE 20-12.5 MG'),
        told('lisinopril 20 mg'),
        told('hydrochlorothiazide 12.5 mg'),
      ),
    ).toEqual([
      'hydrochlorothiazide: different (taken as a combination (Our pharmacy fills) and as separate products (Patient reported))',
      'hydrochlorothiazide + lisinopril: different (taken as a combination (Our pharmacy fills) and as separate products (Patient reported))',
      'lisinopril: different (taken as a combination (Our pharmacy fills) and as separate products (Patient reported))',
    ]);
    // The same combination from both sources simply matches.
    expect(lines(fill('Norco 5-325'), told('hydrocodone and acetaminophen 5/325'))).toEqual([
      'acetaminophen + hydrocodone: matched',
    ]);
  });

  it('uses an RxCUI when the entry is coded', () => {
    expect(lines({ source: 'dischargeList', product: 'ELIQUIS 5MG', rxcui: '1364445' }, fill('apixaban 5 mg'))).toEqual(
      ['apixaban: matched'],
    );
  });
});
