// The review as an HL7 FHIR R4 document Bundle after the Pharmacist Care Plan guide
// (hl7.fhir.us.phcp, STU1): Composition first, then everything it points to, each with a
// urn:uuid full URL so every reference resolves inside the Bundle.
import { randomUUID } from 'node:crypto';
import type {
  Bundle,
  Composition,
  CompositionSection,
  Condition,
  Coverage,
  Encounter,
  FhirResource,
  MedicationStatement,
  Organization,
  Patient,
  Practitioner,
  Procedure,
  Reference,
  ServiceRequest,
} from 'fhir/r4';
import { DTP_LABELS, SEVERITY_LABELS } from '../../preload/schemas/checks';
import { RECOMMENDATION_LABELS, REVIEW_TYPE_LABELS } from '../../preload/schemas/reviews';
import type { ReviewDocumentData } from './document-data';

const PHCP = 'http://hl7.org/fhir/us/phcp/StructureDefinition';
const US_CORE = 'http://hl7.org/fhir/us/core/StructureDefinition';
const LOINC = 'http://loinc.org';
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const narrative = (rows: string[]) => ({
  status: 'generated' as const,
  div: `<div xmlns="http://www.w3.org/1999/xhtml"><ul>${rows.map((r) => `<li>${esc(r)}</li>`).join('') || '<li>None recorded.</li>'}</ul></div>`,
});

export interface CarePlanInput extends ReviewDocumentData {
  /** The pharmacist's NPI and the pharmacy's, when billing set-up has them. */
  pharmacistNpi: string | null;
  pharmacyNpi: string | null;
}

export function carePlanBundle(d: CarePlanInput): Bundle {
  const r = d.review;
  const entries: { fullUrl: string; resource: FhirResource }[] = [];
  const add = <T extends FhirResource>(resource: T): Reference => {
    const fullUrl = `urn:uuid:${randomUUID()}`;
    entries.push({ fullUrl, resource });
    return { reference: fullUrl };
  };
  const when = r.cmrDate ?? r.createdAt.slice(0, 10);
  const signedAt = r.completedAt ?? new Date().toISOString();

  const patient = add<Patient>({
    resourceType: 'Patient',
    meta: { profile: [`${US_CORE}/us-core-patient`] },
    identifier: [
      { system: 'urn:mtm-desk:patient', value: d.patient.id },
      ...(d.patient.mbi ? [{ system: 'http://hl7.org/fhir/sid/us-mbi', value: d.patient.mbi }] : []),
    ],
    name: [
      {
        family: d.patient.lastName,
        given: [d.patient.firstName, ...(d.patient.middleName ? [d.patient.middleName] : [])],
      },
    ],
    gender: d.patient.sex === 'unknown' ? 'unknown' : d.patient.sex,
    birthDate: d.patient.dateOfBirth,
    ...(d.patient.address.line1
      ? {
          address: [
            {
              line: [d.patient.address.line1, ...(d.patient.address.line2 ? [d.patient.address.line2] : [])],
              city: d.patient.address.city ?? undefined,
              state: d.patient.address.state ?? undefined,
              postalCode: d.patient.address.zip ?? undefined,
            },
          ],
        }
      : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: d.patient.preferredLanguage }] } }],
  });
  const pharmacist = add<Practitioner>({
    resourceType: 'Practitioner',
    meta: { profile: [`${US_CORE}/us-core-practitioner`] },
    identifier: d.pharmacistNpi
      ? [{ system: 'http://hl7.org/fhir/sid/us-npi', value: d.pharmacistNpi }]
      : [{ system: 'urn:mtm-desk:user', value: d.pharmacist }],
    name: [{ text: d.pharmacist }],
  });
  const pharmacy = add<Organization>({
    resourceType: 'Organization',
    meta: { profile: [`${PHCP}/PhCP-Organization`] },
    identifier: d.pharmacyNpi ? [{ system: 'http://hl7.org/fhir/sid/us-npi', value: d.pharmacyNpi }] : [],
    active: true,
    name: d.pharmacy.name,
    telecom: [
      { system: 'phone', value: d.pharmacy.phone },
      ...(d.pharmacy.fax ? [{ system: 'fax' as const, value: d.pharmacy.fax }] : []),
    ],
  });
  const encounter = add<Encounter>({
    resourceType: 'Encounter',
    meta: { profile: [`${PHCP}/PhCP-Encounter`] },
    status: r.status === 'completed' ? 'finished' : 'in-progress',
    class:
      r.deliveryMethod === 'inPerson'
        ? { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB', display: 'ambulatory' }
        : { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'VR', display: 'virtual' },
    type: [{ text: REVIEW_TYPE_LABELS[r.type] }],
    subject: patient,
    participant: [{ individual: pharmacist }],
    period: { start: when, end: when },
    serviceProvider: pharmacy,
  });
  if (d.patient.partD.planName || d.patient.partD.memberId) {
    add<Coverage>({
      resourceType: 'Coverage',
      meta: { profile: [`${PHCP}/PhCP-Coverage`] },
      status: 'active',
      subscriberId: d.patient.partD.memberId ?? undefined,
      beneficiary: patient,
      payor: [{ display: d.patient.partD.planName ?? 'Medicare Part D plan' }],
      class: d.patient.partD.contractId
        ? [{ type: { text: 'Part D contract' }, value: d.patient.partD.contractId }]
        : undefined,
    });
  }
  const conditionRefs = new Map<string, Reference>();
  for (const p of r.problems) {
    conditionRefs.set(
      p.id,
      add<Condition>({
        resourceType: 'Condition',
        meta: { profile: [`${US_CORE}/us-core-condition`, `${PHCP}/PhCP-Medication-Therapy-Condition`] },
        clinicalStatus: {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
              code: p.status === 'open' ? 'active' : 'resolved',
            },
          ],
        },
        category: [
          {
            coding: [
              { system: 'http://snomed.info/sct', code: '55607006', display: 'Problem' },
              { system: LOINC, code: '75326-9', display: 'Problem' },
            ],
          },
        ],
        severity: { text: SEVERITY_LABELS[p.severity] },
        // The drug-therapy problem category is stated in words: no cited SNOMED mapping is bundled.
        code: { text: `${DTP_LABELS[p.category]}: ${p.title}` },
        subject: patient,
        asserter: pharmacist,
        recordedDate: p.createdAt,
        ...(p.resolvedOn ? { abatementDateTime: p.resolvedOn } : {}),
        note: [{ text: p.description }, ...(p.resolution ? [{ text: `Resolved: ${p.resolution}` }] : [])],
      }),
    );
  }
  const medicationRefs = d.review.reconciliation.map((l) =>
    add<MedicationStatement>({
      resourceType: 'MedicationStatement',
      status: l.resolution === 'stopped' ? 'stopped' : l.resolution === 'notTaking' ? 'not-taken' : 'active',
      medicationCodeableConcept: {
        text: l.entries[0]!.product,
        ...(l.entries.find((e) => e.rxcui)
          ? {
              coding: [
                { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: l.entries.find((e) => e.rxcui)!.rxcui! },
              ],
            }
          : {}),
      },
      subject: patient,
      context: encounter,
      dateAsserted: when,
      dosage: l.entries.some((e) => e.sig) ? [{ text: l.entries.find((e) => e.sig)!.sig! }] : undefined,
      note: l.note ? [{ text: l.note }] : undefined,
    }),
  );
  const interventions = r.plan.map((x) =>
    x.action === 'refer'
      ? add<ServiceRequest>({
          resourceType: 'ServiceRequest',
          meta: { profile: [`${PHCP}/PhCP-ServiceRequest`] },
          status: 'active',
          intent: 'plan',
          code: { text: `${RECOMMENDATION_LABELS.refer}: ${x.detail}` },
          subject: patient,
          encounter,
          requester: pharmacist,
          reasonReference: conditionRefs.has(x.problemId) ? [conditionRefs.get(x.problemId)!] : undefined,
        })
      : add<Procedure>({
          resourceType: 'Procedure',
          meta: { profile: [`${PHCP}/PhCP-Intervention-Procedure`] },
          status: 'completed',
          code: { text: `${RECOMMENDATION_LABELS[x.action]}: ${x.detail}` },
          subject: patient,
          encounter,
          performedDateTime: when,
          performer: [{ actor: pharmacist }],
          reasonReference: conditionRefs.has(x.problemId) ? [conditionRefs.get(x.problemId)!] : undefined,
          ...(x.outcome
            ? {
                outcome: {
                  text: `${x.outcome.result} on ${x.outcome.date}${x.outcome.note ? `: ${x.outcome.note}` : ''}`,
                },
              }
            : {}),
          ...(x.prescriber ? { note: [{ text: `Recommended to ${x.prescriber.name}` }] } : {}),
        }),
  );
  const section = (
    title: string,
    code: string,
    display: string,
    rows: string[],
    entry: Reference[],
  ): CompositionSection => ({
    title,
    code: { coding: [{ system: LOINC, code, display }] },
    text: narrative(rows),
    ...(entry.length ? { entry } : {}),
  });
  const composition: Composition = {
    resourceType: 'Composition',
    meta: { profile: [`${PHCP}/PhCP-Composition`] },
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${r.id}` },
    status: r.status === 'completed' ? 'final' : 'preliminary',
    type: { coding: [{ system: LOINC, code: '18776-5', display: 'Plan of care note' }] },
    subject: patient,
    encounter,
    date: signedAt,
    author: [pharmacist],
    title: 'Pharmacist Care Plan',
    ...(r.completedAt ? { attester: [{ mode: 'legal' as const, time: r.completedAt, party: pharmacist }] } : {}),
    custodian: pharmacy,
    event: [{ period: { start: when, end: when } }],
    section: [
      section(
        'Health Concerns Section',
        '75310-3',
        'Health concerns document',
        r.problems.map(
          (p) =>
            `${p.title} — ${DTP_LABELS[p.category]}, ${SEVERITY_LABELS[p.severity].toLowerCase()}: ${p.description}`,
        ),
        [...conditionRefs.values()],
      ),
      section(
        'Medications Section',
        '10160-0',
        'History of Medication use Narrative',
        r.reconciliation.map((l) => `${l.entries[0]!.product}${l.resolution ? ` (${l.resolution})` : ''}`),
        medicationRefs,
      ),
      section(
        'Interventions Section',
        '62387-6',
        'Interventions Narrative',
        r.plan.map((x) => `${RECOMMENDATION_LABELS[x.action]}: ${x.detail}`),
        interventions,
      ),
      section(
        'Health Status Evaluations and Outcomes Section',
        '11383-7',
        'Patient problem outcome',
        r.plan.filter((x) => x.outcome).map((x) => `${x.detail}: ${x.outcome!.result} on ${x.outcome!.date}`),
        [],
      ),
    ],
  };
  return {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${randomUUID()}` },
    type: 'document',
    timestamp: new Date().toISOString(),
    entry: [{ fullUrl: `urn:uuid:${randomUUID()}`, resource: composition }, ...entries],
  };
}
