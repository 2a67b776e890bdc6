import type { Allergy, PatientData, PatientDetail, PatientSummary } from '../../preload/schemas/patients';
import { toAddressColumns } from '../common/address-columns';
import type { Row } from '../db/rows';

/** A row of the patients table, its sex narrowed to the values there are. */
export type PatientRow = Omit<Row<'patients'>, 'sex'> & { sex: PatientSummary['sex'] };
/** A row of patient_allergies, severity and kind narrowed likewise. */
export type AllergyRow = Omit<Row<'patient_allergies'>, 'severity' | 'kind'> & Pick<Allergy, 'severity' | 'kind'>;

/** Who made and changed a row, and when (set by the store, not the form). */
type Stamped =
  'created_at' | 'created_by' | 'updated_at' | 'updated_by' | 'deleted_at' | 'deleted_by' | 'deleted_reason';

/** The columns a list of patients shows. */
type SummaryRow = Pick<
  PatientRow,
  'id' | 'first_name' | 'middle_name' | 'last_name' | 'date_of_birth' | 'sex' | 'phone' | 'mbi' | 'part_d_plan_name'
>;

/** The editable columns of a patient row from validated input. */
export function patientColumns(p: PatientData): Omit<PatientRow, 'id' | 'version' | Stamped | 'external_id'> {
  const a = toAddressColumns(p.address);
  return {
    first_name: p.firstName,
    middle_name: p.middleName ?? null,
    last_name: p.lastName,
    date_of_birth: p.dateOfBirth,
    sex: p.sex,
    phone: p.phone ?? null,
    address_line1: a.addressLine1,
    address_line2: a.addressLine2,
    city: a.city,
    state: a.state,
    zip: a.zip,
    preferred_language: p.preferredLanguage,
    large_print: p.largePrint ? 1 : 0,
    mbi: p.mbi ?? null,
    part_d_plan_name: p.partD.planName ?? null,
    part_d_contract_id: p.partD.contractId ?? null,
    part_d_member_id: p.partD.memberId ?? null,
    no_known_allergies: p.noKnownAllergies ? 1 : 0,
    notes: p.notes ?? null,
  };
}

export function toSummary(r: SummaryRow): PatientSummary {
  return {
    id: r.id,
    firstName: r.first_name,
    middleName: r.middle_name,
    lastName: r.last_name,
    dateOfBirth: r.date_of_birth,
    sex: r.sex,
    phone: r.phone,
    mbi: r.mbi,
    partDPlanName: r.part_d_plan_name,
  };
}

export function toDetail(r: PatientRow, allergies: AllergyRow[]): PatientDetail {
  return {
    ...toSummary(r),
    version: r.version,
    address: { line1: r.address_line1, line2: r.address_line2, city: r.city, state: r.state, zip: r.zip },
    preferredLanguage: r.preferred_language,
    largePrint: Boolean(r.large_print),
    partD: { planName: r.part_d_plan_name, contractId: r.part_d_contract_id, memberId: r.part_d_member_id },
    noKnownAllergies: Boolean(r.no_known_allergies),
    allergies: allergies.map(({ id, substance, reaction, severity, kind }): Allergy => ({
      id,
      substance,
      reaction,
      severity,
      kind,
    })),
    notes: r.notes,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
