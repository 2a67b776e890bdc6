// A patient built through the real channels for the clinical checks: age and sex, medicines as a
// pharmacist types them (product, strength, directions), conditions by ICD-10-CM code, labs.
import { randomUUID } from 'node:crypto';
import { isoDaysBefore, todayIso } from '../../preload/schemas/dates';
import type { LabTypeId } from '../../preload/schemas/clinical';
import type { MEDICATION_KINDS } from '../../preload/schemas/medications';
import type { Session } from '../../main/security/session';
import { call } from './call';

export interface CaseMedicine {
  product: string;
  strength?: string;
  sig?: string;
  kind?: (typeof MEDICATION_KINDS)[number];
  doseForm?: string;
  /** Days since it was started (long-term by default). */
  startedDaysAgo?: number;
}
export interface ClinicalCase {
  age: number;
  sex?: 'female' | 'male';
  medicines: (string | CaseMedicine)[];
  conditions?: string[];
  labs?: Partial<Record<LabTypeId, number>>;
}

const today = () => todayIso();
/** A date of birth that makes the patient `age` today (birthday half a year ago). */
const bornAt = (age: number) => {
  const [y, m, d] = isoDaysBefore(today(), 182).split('-').map(Number) as [number, number, number];
  return `${y - age}-${String(m).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
};

let made = 0;
export async function casePatient(session: Session, c: ClinicalCase): Promise<string> {
  // A new name each time: the registry refuses a second patient with the same name and date of birth.
  const p = await call(session, 'patients:create', {
    patient: {
      firstName: 'Case',
      lastName: `Patient ${++made} ${randomUUID().slice(0, 8)}`,
      dateOfBirth: bornAt(c.age),
      sex: c.sex ?? 'female',
    },
  });
  for (const m of c.medicines) {
    const med = typeof m === 'string' ? { product: m } : m;
    await call(session, 'medications:add', {
      patientId: p.id,
      medication: {
        product: med.product,
        kind: med.kind ?? 'rx',
        source: 'patientReported',
        ...(med.strength ? { strength: med.strength } : {}),
        ...(med.sig ? { sig: med.sig } : {}),
        ...(med.doseForm ? { doseForm: med.doseForm } : {}),
        startDate: isoDaysBefore(today(), med.startedDaysAgo ?? 400),
      },
    });
  }
  for (const code of c.conditions ?? []) await call(session, 'conditions:add', { patientId: p.id, code });
  for (const [type, value] of Object.entries(c.labs ?? {}))
    if (value !== undefined)
      await call(session, 'labs:add', {
        patientId: p.id,
        type: type as LabTypeId,
        value,
        takenOn: isoDaysBefore(today(), 10),
      });
  return p.id;
}
