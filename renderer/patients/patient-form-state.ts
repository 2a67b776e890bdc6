import { formatIsoDate, parseUsDate } from '../../preload/schemas/dates';
import { formatPhone } from '../../preload/schemas/identifiers';
import type { ALLERGY_KINDS, ALLERGY_SEVERITIES, PatientDetail, PatientInput } from '../../preload/schemas/patients';
import { addressFields, addressInput, BLANK_ADDRESS, type AddressFields } from '../ui/address-fields';
import { formatMbi } from './patient-format';

export interface AllergyDraft {
  substance: string;
  reaction: string;
  severity: (typeof ALLERGY_SEVERITIES)[number];
  kind: (typeof ALLERGY_KINDS)[number];
}

/** What the form edits: strings as typed, converted to the contract's shape only on save. */
export interface PatientFormState extends AddressFields {
  firstName: string;
  middleName: string;
  lastName: string;
  dateOfBirth: string;
  sex: string;
  phone: string;
  preferredLanguage: string;
  largePrint: boolean;
  mbi: string;
  planName: string;
  contractId: string;
  memberId: string;
  noKnownAllergies: boolean;
  allergies: AllergyDraft[];
  notes: string;
}

export const EMPTY_PATIENT: PatientFormState = {
  firstName: '',
  middleName: '',
  lastName: '',
  dateOfBirth: '',
  sex: '',
  phone: '',
  ...BLANK_ADDRESS,
  preferredLanguage: 'en',
  largePrint: false,
  mbi: '',
  planName: '',
  contractId: '',
  memberId: '',
  noKnownAllergies: false,
  allergies: [],
  notes: '',
};

export function formStateFrom(p: PatientDetail): PatientFormState {
  return {
    firstName: p.firstName,
    middleName: p.middleName ?? '',
    lastName: p.lastName,
    dateOfBirth: formatIsoDate(p.dateOfBirth),
    sex: p.sex,
    phone: formatPhone(p.phone),
    ...addressFields(p.address),
    preferredLanguage: p.preferredLanguage,
    largePrint: p.largePrint,
    mbi: formatMbi(p.mbi),
    planName: p.partD.planName ?? '',
    contractId: p.partD.contractId ?? '',
    memberId: p.partD.memberId ?? '',
    noKnownAllergies: p.noKnownAllergies,
    allergies: p.allergies.map(({ substance, reaction, severity, kind }) => ({
      substance,
      reaction: reaction ?? '',
      severity,
      kind,
    })),
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
    address: addressInput(f),
    preferredLanguage: f.preferredLanguage,
    largePrint: f.largePrint,
    mbi: f.mbi,
    partD: { planName: f.planName, contractId: f.contractId, memberId: f.memberId },
    noKnownAllergies: f.noKnownAllergies,
    allergies: f.allergies,
    notes: f.notes,
  };
}
