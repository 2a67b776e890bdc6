import { z } from 'zod';
import icd from '../../resources/clinical/icd10cm-subset.json';
import labTypes from '../../resources/clinical/lab-types.json';
import { isIsoDate } from './identifiers';
import { todayIso } from './dates';

export const CORE_CHRONIC_DISEASES = icd.coreChronicDiseases;
export const ICD_CODES = icd.codes;
const CORE_OF_CODE = new Map(ICD_CODES.map((c) => [c.code, c.coreDiseases as string[]]));
/** The CMS core chronic diseases a set of ICD-10-CM codes establishes. */
export const coreDiseasesOf = (codes: string[]) => new Set(codes.flatMap((c) => CORE_OF_CODE.get(c) ?? []));
export const LAB_TYPES = labTypes.labs;
export type LabTypeId = (typeof LAB_TYPES)[number]['id'];

const idSchema = z.uuid({ error: 'Not a valid record id' });

const pastDate = (label: string) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .refine(isIsoDate, `Enter the ${label} as MM/DD/YYYY`)
    .refine((v) => v <= todayIso(), `The ${label} cannot be in the future`);

export const conditionAddRequest = z
  .object({
    patientId: idSchema,
    code: z
      .string({ error: 'Choose a condition' })
      .trim()
      .toUpperCase()
      .refine((c) => ICD_CODES.some((e) => e.code === c), 'Choose a condition from the list'),
    onsetDate: pastDate('onset date').optional(),
  })
  .strict();

export const conditionResolveRequest = z.object({ id: idSchema, resolvedOn: pastDate('date it resolved') }).strict();

export const labAddRequest = z
  .object({
    patientId: idSchema,
    type: z.enum(LAB_TYPES.map((l) => l.id) as [LabTypeId, ...LabTypeId[]], { error: 'Choose what was measured' }),
    value: z.number({ error: 'Enter the value as a number' }),
    /** Diastolic pressure, for blood pressure only. */
    value2: z.number({ error: 'Enter the value as a number' }).optional(),
    takenOn: pastDate('date measured'),
  })
  .strict()
  .superRefine((v, ctx) => {
    const lab = LAB_TYPES.find((l) => l.id === v.type)!;
    const parts = lab.parts ?? [{ name: lab.name, entryLimits: lab.entryLimits }];
    const values = [v.value, v.value2];
    parts.forEach((part, i) => {
      const value = values[i];
      const path = [i === 0 ? 'value' : 'value2'];
      const [min, max] = part.entryLimits as [number, number];
      if (value === undefined) ctx.addIssue({ code: 'custom', path, message: `Enter the ${part.name}` });
      else if (value < min || value > max) ctx.addIssue({ code: 'custom', path, message: `${value} ${lab.unit} is not a plausible ${part.name.toLowerCase()} (${min}–${max}): check the value and unit` });
    });
    if (!lab.parts && v.value2 !== undefined) ctx.addIssue({ code: 'custom', path: ['value2'], message: `${lab.name} has one value` });
  });

export const patientClinicalRequest = z.object({ patientId: idSchema }).strict();

export interface Condition {
  id: string;
  patientId: string;
  code: string;
  title: string;
  coreDiseases: string[];
  onsetDate: string | null;
  resolvedOn: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface LabResult {
  id: string;
  type: LabTypeId;
  value: number;
  value2: number | null;
  unit: string;
  takenOn: string;
  recordedBy: string;
}

export type IcdEntry = (typeof ICD_CODES)[number];

/** Code start or words in the title, core chronic diseases first (runs in the renderer: no round trip). */
export function lookupConditions(query: string, limit = 25): IcdEntry[] {
  const q = query.trim().toLowerCase();
  const words = q.split(/\s+/).filter(Boolean);
  return ICD_CODES.filter((c) => !q || c.code.toLowerCase().startsWith(q) || words.every((w) => c.title.toLowerCase().includes(w)))
    .sort((a, b) => Number(b.coreDiseases.length > 0) - Number(a.coreDiseases.length > 0) || a.code.localeCompare(b.code))
    .slice(0, limit);
}

export interface PatientClinical {
  conditions: Condition[];
  labs: LabResult[];
}
