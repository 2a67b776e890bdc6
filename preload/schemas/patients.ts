import { z } from 'zod';
import identifiers from '../../resources/reference/identifiers.json';
import languages from '../../resources/reference/languages.json';
import {
  addressSchema,
  dateOfBirthSchema,
  mbiSchema,
  optionalText,
  phoneSchema,
  requiredText,
  type Address,
} from './identifiers';
import { idSchema, versionSchema } from './fields';

export const LANGUAGES = languages.languages;
const languageCodes = LANGUAGES.map((l) => l.code) as [string, ...string[]];

export const SEXES = ['female', 'male', 'unknown'] as const;
export const ALLERGY_SEVERITIES = ['mild', 'moderate', 'severe', 'unknown'] as const;
export const ALLERGY_KINDS = ['allergy', 'intolerance'] as const;

export const allergySchema = z.object({
  substance: requiredText('substance (drug, food or other)', 120),
  reaction: optionalText(200),
  severity: z.enum(ALLERGY_SEVERITIES, { error: 'Choose mild, moderate, severe or unknown' }).default('unknown'),
  kind: z.enum(ALLERGY_KINDS, { error: 'Choose allergy or intolerance' }).default('allergy'),
});

export const partDSchema = z
  .object({
    planName: optionalText(120),
    contractId: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((v) => (v ? v : undefined))
      .refine(
        (v) => v === undefined || new RegExp(identifiers.partDContractId.pattern).test(v),
        `A Part D contract number is a plan-type letter (${Object.keys(identifiers.partDContractId.planTypes).join(', ')}) and 4 digits, for example ${identifiers.partDContractId.example}`,
      ),
    memberId: optionalText(40),
  })
  .prefault({});

export const patientInputSchema = z
  .object({
    firstName: requiredText('first name', 80),
    middleName: optionalText(80),
    lastName: requiredText('last name', 80),
    dateOfBirth: dateOfBirthSchema,
    sex: z.enum(SEXES, { error: 'Choose female, male or unknown' }),
    phone: phoneSchema,
    address: addressSchema.prefault({}),
    preferredLanguage: z.enum(languageCodes, { error: 'Choose a language from the list' }).default('en'),
    /** Every patient document in large print (14 pt body, 18 pt titles). */
    largePrint: z.boolean().default(false),
    mbi: mbiSchema,
    partD: partDSchema,
    noKnownAllergies: z.boolean().default(false),
    allergies: z.array(allergySchema).max(100, 'At most 100 allergies').default([]),
    notes: optionalText(4000),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.noKnownAllergies && v.allergies.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['noKnownAllergies'],
        message: 'Clear "No known allergies" or remove the listed allergies',
      });
    }
  });
export type PatientInput = z.input<typeof patientInputSchema>;
export type PatientData = z.output<typeof patientInputSchema>;

export const patientCreateRequest = z
  .object({
    patient: patientInputSchema,
    /** The user saw the possible-duplicate warning and chose to create a new record anyway. */
    allowDuplicate: z.boolean().default(false),
  })
  .strict();

export const patientUpdateRequest = z
  .object({ id: idSchema, version: versionSchema, patient: patientInputSchema })
  .strict();

export const patientIdRequest = z.object({ id: idSchema }).strict();

export const patientDeleteRequest = z
  .object({ id: idSchema, reason: requiredText('reason for removing this patient', 200) })
  .strict();

export const patientSearchRequest = z
  .object({
    query: z.string().max(100, 'Search text is too long').default(''),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const duplicateCheckRequest = z
  .object({
    firstName: z.string().trim().min(1).max(80),
    lastName: z.string().trim().min(1).max(80),
    dateOfBirth: dateOfBirthSchema,
    excludeId: idSchema.optional(),
  })
  .strict();

export interface Allergy {
  id: string;
  substance: string;
  reaction: string | null;
  severity: (typeof ALLERGY_SEVERITIES)[number];
  kind: (typeof ALLERGY_KINDS)[number];
}

export interface PatientSummary {
  id: string;
  firstName: string;
  middleName: string | null;
  lastName: string;
  dateOfBirth: string;
  sex: (typeof SEXES)[number];
  phone: string | null;
  mbi: string | null;
  partDPlanName: string | null;
}

export interface PatientDetail extends PatientSummary {
  version: number;
  address: { [K in keyof Address]-?: string | null };
  preferredLanguage: string;
  largePrint: boolean;
  partD: { planName: string | null; contractId: string | null; memberId: string | null };
  noKnownAllergies: boolean;
  allergies: Allergy[];
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

export interface PatientSearchResult {
  patients: PatientSummary[];
  /** How the query was read, so the list can say "Showing patients born 03/14/1950". */
  matchedBy: 'all' | 'name' | 'dateOfBirth' | 'phone' | 'mbi';
  /** More patients matched than the limit returned. */
  truncated: boolean;
}
