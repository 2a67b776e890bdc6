import { EntitySchema } from 'typeorm';
import type { Allergy, PatientSummary } from '../../preload/schemas/patients';

export interface PatientRow {
  id: string;
  version: number;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dateOfBirth: string;
  sex: PatientSummary['sex'];
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  preferredLanguage: string;
  mbi: string | null;
  partDPlanName: string | null;
  partDContractId: string | null;
  partDMemberId: string | null;
  noKnownAllergies: boolean;
  notes: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  deletedAt: string | null;
  deletedBy: string | null;
  deletedReason: string | null;
}

export interface AllergyRow extends Allergy {
  patientId: string;
  createdAt: string;
}

const text = (name: string, nullable = true) => ({ type: 'text' as const, name, nullable });

export const PatientEntity = new EntitySchema<PatientRow>({
  name: 'Patient',
  tableName: 'patients',
  columns: {
    id: { type: 'text', primary: true },
    version: { type: 'integer' },
    firstName: text('first_name', false),
    middleName: text('middle_name'),
    lastName: text('last_name', false),
    dateOfBirth: text('date_of_birth', false),
    sex: { type: 'text' },
    phone: text('phone'),
    addressLine1: text('address_line1'),
    addressLine2: text('address_line2'),
    city: text('city'),
    state: text('state'),
    zip: text('zip'),
    preferredLanguage: text('preferred_language', false),
    mbi: text('mbi'),
    partDPlanName: text('part_d_plan_name'),
    partDContractId: text('part_d_contract_id'),
    partDMemberId: text('part_d_member_id'),
    noKnownAllergies: { type: 'boolean', name: 'no_known_allergies' },
    notes: text('notes'),
    createdAt: text('created_at', false),
    createdBy: text('created_by', false),
    updatedAt: text('updated_at', false),
    updatedBy: text('updated_by', false),
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by'),
    deletedReason: text('deleted_reason'),
  },
});

export const AllergyEntity = new EntitySchema<AllergyRow>({
  name: 'PatientAllergy',
  tableName: 'patient_allergies',
  columns: {
    id: { type: 'text', primary: true },
    patientId: text('patient_id', false),
    substance: { type: 'text' },
    reaction: text('reaction'),
    severity: { type: 'text' },
    kind: { type: 'text' },
    createdAt: text('created_at', false),
  },
});
