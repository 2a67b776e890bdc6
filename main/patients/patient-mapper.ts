import type { Allergy, PatientData, PatientDetail, PatientSummary } from '../../preload/schemas/patients';
import { fromAddressColumns, toAddressColumns } from '../common/address-columns';
import type { AllergyRow, PatientRow } from './patient.entity';

/** The editable columns of a patient row from validated input. */
export function patientColumns(p: PatientData): Omit<PatientRow, 'id' | 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'deletedAt' | 'deletedBy' | 'deletedReason'> {
  return {
    firstName: p.firstName,
    middleName: p.middleName ?? null,
    lastName: p.lastName,
    dateOfBirth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone ?? null,
    ...toAddressColumns(p.address),
    preferredLanguage: p.preferredLanguage,
    mbi: p.mbi ?? null,
    partDPlanName: p.partD.planName ?? null,
    partDContractId: p.partD.contractId ?? null,
    partDMemberId: p.partD.memberId ?? null,
    noKnownAllergies: p.noKnownAllergies,
    notes: p.notes ?? null,
  };
}

export function toSummary(r: PatientRow): PatientSummary {
  return {
    id: r.id,
    firstName: r.firstName,
    middleName: r.middleName,
    lastName: r.lastName,
    dateOfBirth: r.dateOfBirth,
    sex: r.sex,
    phone: r.phone,
    mbi: r.mbi,
    partDPlanName: r.partDPlanName,
  };
}

export function toDetail(r: PatientRow, allergies: AllergyRow[]): PatientDetail {
  return {
    ...toSummary(r),
    version: r.version,
    address: fromAddressColumns(r),
    preferredLanguage: r.preferredLanguage,
    partD: { planName: r.partDPlanName, contractId: r.partDContractId, memberId: r.partDMemberId },
    noKnownAllergies: r.noKnownAllergies,
    allergies: allergies.map(({ id, substance, reaction, severity, kind }): Allergy => ({ id, substance, reaction, severity, kind })),
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}
