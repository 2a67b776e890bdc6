import type {
  Bundle,
  Composition,
  Condition,
  Coverage,
  FhirResource,
  MedicationStatement,
  Organization,
  Patient,
  Practitioner,
  Procedure,
} from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { billable } from '../helpers/billing-setup';
import { call } from '../helpers/temp-pharmacy';

/** Every { reference } anywhere in the Bundle. */
const references = (node: unknown): string[] =>
  Array.isArray(node)
    ? node.flatMap(references)
    : node && typeof node === 'object'
      ? Object.entries(node).flatMap(([k, v]) => (k === 'reference' && typeof v === 'string' ? [v] : references(v)))
      : [];

describe('the Pharmacist eCare Plan (FHIR R4 document Bundle)', () => {
  it('carries the review as a PhCP document whose every reference resolves inside the Bundle', async () => {
    const { session, review } = await billable();
    const file = await call(session, 'documents:carePlan', { reviewId: review.id });
    expect(file.fileName).toMatch(/^care-plan-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.json$/);
    const bundle = JSON.parse(file.json) as Bundle;
    expect(bundle).toMatchObject({
      resourceType: 'Bundle',
      type: 'document',
      identifier: { system: 'urn:ietf:rfc:3986' },
    });
    expect(bundle.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
    const urls = new Set(bundle.entry!.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry!.length);
    for (const ref of references(bundle)) expect(urls, ref).toContain(ref);
    const of = <T extends FhirResource>(type: T['resourceType']) =>
      bundle.entry!.map((e) => e.resource!).filter((r): r is T => r.resourceType === type);

    const [composition] = of<Composition>('Composition');
    expect(bundle.entry![0]!.resource).toBe(composition);
    expect(composition).toMatchObject({
      meta: { profile: ['http://hl7.org/fhir/us/phcp/StructureDefinition/PhCP-Composition'] },
      status: 'final',
      type: { coding: [{ system: 'http://loinc.org', code: '18776-5' }] },
      title: 'Pharmacist Care Plan',
      attester: [{ mode: 'legal' }],
      event: [{ period: { start: review.cmrDate, end: review.cmrDate } }],
    });
    for (const k of ['subject', 'encounter', 'date', 'author', 'custodian'] as const)
      expect(composition![k], k).toBeTruthy();
    expect(composition!.section!.map((s) => [s.code!.coding![0]!.code, s.entry?.length ?? 0])).toEqual([
      ['75310-3', 2],
      ['10160-0', 3],
      ['62387-6', 2],
      ['11383-7', 0],
    ]);
    for (const s of composition!.section!)
      expect(s.text!.div).toMatch(/^<div xmlns="http:\/\/www.w3.org\/1999\/xhtml">/);

    const [patient] = of<Patient>('Patient');
    expect(patient).toMatchObject({
      name: [{ family: "O'Connor-Nguyễn", given: ['Renée', 'Ángela'] }],
      gender: 'female',
      birthDate: '1947-03-09',
    });
    expect(patient!.identifier!.length).toBeGreaterThan(0);
    expect(of<Practitioner>('Practitioner')[0]!.identifier).toEqual([
      { system: 'http://hl7.org/fhir/sid/us-npi', value: '1245319599' },
    ]);
    expect(of<Organization>('Organization')[0]).toMatchObject({
      identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' }],
      name: 'Lakeshore Family Pharmacy',
    });
    expect(of<Coverage>('Coverage')[0]).toMatchObject({
      status: 'active',
      subscriberId: 'BSR-448812',
      payor: [{ display: 'Buckeye Senior Rx (PDP)' }],
    });
    const conditions = of<Condition>('Condition');
    expect(conditions.map((c) => c.code!.text)).toEqual([
      'Adverse drug reaction: amlodipine + lisinopril',
      'Nonadherence: atorvastatin',
    ]);
    for (const c of conditions)
      expect(c).toMatchObject({
        clinicalStatus: { coding: [{ code: 'active' }] },
        category: [{ coding: [{ code: '55607006' }, { code: '75326-9' }] }],
        subject: {},
      });
    const procedures = of<Procedure>('Procedure');
    expect(procedures.map((p) => [p.status, p.code!.text, p.reasonReference?.length])).toEqual([
      ['completed', 'Change dose: Consider stopping amlodipine 5 mg; home BP 104/62 with orthostatic dizziness', 1],
      ['completed', 'Educate: Statin adherence: pill box and phone alarm', 1],
    ]);
    expect(
      of<MedicationStatement>('MedicationStatement').map((m) => [m.status, m.medicationCodeableConcept!.text]),
    ).toEqual([
      ['active', 'Atorvastatin'],
      ['active', 'Lisinopril'],
      ['active', 'Metformin ER'],
    ]);
    await session.signOut();
  });
});
