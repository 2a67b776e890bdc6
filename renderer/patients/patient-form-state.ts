import { formatIsoDate, parseUsDate } from '../../preload/schemas/dates';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { ALLERGY_KINDS, ALLERGY_SEVERITIES, PatientDetail, PatientInput } from '../../preload/schemas/patients';
import { formatMbi } from './patient-format';

export interface AllergyDraft {
  substance: string;
  reaction: string;
  severity: (typeof ALLERGY_SEVERITIES)[number];
  kind: (typeof ALLERGY_KINDS)[number];
}

/** What the form edits: strings as typed, converted to the contract's shape only on save. */
export interface PatientFormState {
  firstName: string;
  middleName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string;
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
  preferredLanguage: string;
  mbi: string;
  planName: string;
  contractId: string;
  memberId: string;
  noKnownAllergies: boolean;
  allergies: AllergyDraft[];
  notes: string;
}

export const EMPTY_PATIENT: PatientFormState = {
  firstName: '', middleName: '', lastName: '', dateOfBirth: '', sex: '', phone: '',
  line1: '', line2: '', city: '', state: '', zip: '', preferredLanguage: 'en',
  mbi: '', planName: '', contractId: '', memberId: '', noKnownAllergies: false, allergies: [], notes: '',
};

export function formStateFrom(p: PatientDetail): PatientFormState {
  return {
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    lastName: p.lastName,
    dateOfBirth: formatIsoDate(p.dateOfBirth),
    sex: p.sex,
    phone: formatPhone(p.phone),
    line1: p.address.line1 ?? '',
    line2: p.address.line2 ?? '',
    city: p.address.city ?? '',
    state: p.address.state ?? '',
    zip: p.address.zip ?? '',
    preferredLanguage: p.preferredLanguage,
    mbi: formatMbi(p.mbi),
    planName: p.partD.planName ?? '',
    contractId: p.partD.contractId ?? '',
    memberId: p.partD.memberId ?? '',
    noKnownAllergies: p.noKnownAllergies,
    allergies: p.allergies.map(({ substance, reaction, severity, kind }) => ({ substance, reaction: reaction ?? '', severity, kind })),
    notes: p.notes ?? '',
  };
}

export function toPatientInput(f: PatientFormState): PatientInput {
  return {
    firstName: f.firstName,
    middleName: f.middleName,
    lastName: f.lastName,
    // Unparseable text goes through as typed so the contract answers with its own message.
    dateOfBirth: parseUsDate(f.dateOfBirth) ?? f.dateOfBirth,
    sex: f.sex as PatientInput['sex'],
    phone: f.phone,
    address: { line1: f.line1, line2: f.line2, city: f.city, state: f.state, zip: f.zip },
    preferredLanguage: f.preferredLanguage,
    mbi: f.mbi,
    partD: { planName: f.planName, contractId: f.contractId, memberId: f.memberId },
    noKnownAllergies: f.noKnownAllergies,
    allergies: f.allergies,
    notes: f.notes,
  };
}
