import { z } from 'zod';
import icd from '../../resources/clinical/conditions.json';
import labTypes from '../../resources/clinical/lab-types.json';
import { idSchema, pastDate } from './fields';

export const CORE_CHRONIC_DISEASES = icd.coreChronicDiseases;
/**
 * The bundled ICD-10-CM codes a medication review meets, each with plain names in English and Spanish and everyday
 * search terms.
 */
export const ICD_CODES = icd.codes;
const CORE_OF_CODE = new Map(ICD_CODES.map((c) => [c.code, c.coreDiseases as string[]]));
/** An ICD-10-CM code as written with its dot ("E11.9", "I10", "F03.A0"). */
export const ICD_CODE_PATTERN = /^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$/;
/** The CMS core chronic diseases a set of ICD-10-CM codes establishes. */
const PLAIN_OF_CODE = new Map(icd.codes.map((c) => [c.code.replace('.', ''), c.plain] as const));

// A condition's own plain name typed as the reason ("High blood pressure", "Estreñimiento"), when only
// one condition has it. Everyday terms ("sugar", "heartburn") are not read as a diagnosis: printing
// "Type 2 diabetes" for "sugar" would add what nobody recorded.
const CODE_OF_NAME = (() => {
  const owners = new Map<string, string[]>();
  for (const c of icd.codes)
    for (const name of new Set([c.plain.en.toLowerCase(), c.plain.es.toLowerCase()]))
      owners.set(name, [...(owners.get(name) ?? []), c.code]);
  return new Map([...owners].filter(([, codes]) => codes.length === 1).map(([name, codes]) => [name, codes[0]!]));
})();

/** The bundled condition whose plain English or Spanish name a typed reason is, if exactly one. */
export const conditionOfWords = (reason: string): string | null =>
  CODE_OF_NAME.get(reason.trim().toLowerCase()) ?? null;

/**
 * A reason for use as the patient reads it: a bundled ICD-10-CM code (I10, E11.9, with or without the
 * dot) or its plain name in either language becomes its plain name in the document's language ("High blood
 * pressure" / "Presión arterial alta"); other words the pharmacist typed are kept as typed. Null when the
 * reason is an unknown code (never print a code).
 */
export function reasonInWords(reason: string, language: 'en' | 'es'): string | null {
  const text = reason.trim();
  const isCode = ICD_CODE_PATTERN.test(text.toUpperCase()) || /^[A-Z][0-9][0-9A-Z][0-9A-Z]{0,4}$/i.test(text);
  const code = isCode ? text.toUpperCase().replace('.', '') : conditionOfWords(text)?.replace('.', '');
  if (!code) return text;
  return PLAIN_OF_CODE.get(code)?.[language] ?? (isCode ? null : text);
}

export const coreDiseasesOf = (codes: string[]) => new Set(codes.flatMap((c) => CORE_OF_CODE.get(c) ?? []));
export const LAB_TYPES = labTypes.labs;
export type LabTypeId = (typeof LAB_TYPES)[number]['id'];

export const conditionAddRequest = z
  .object({
    patientId: idSchema,
    // The code must be a bundled one or one of a loaded ICD-10-CM release: checked in main, which holds the release.
    code: z
      .string({ error: 'Choose a condition' })
      .trim()
      .toUpperCase()
      .regex(ICD_CODE_PATTERN, 'Choose a condition from the list (an ICD-10-CM code such as I10 or E11.9)'),
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
      else if (value < min || value > max)
        ctx.addIssue({
          code: 'custom',
          path,
          message: `${value} ${lab.unit} is not a plausible ${part.name.toLowerCase()} (${min}–${max}): check the value and unit`,
        });
    });
    if (!lab.parts && v.value2 !== undefined)
      ctx.addIssue({ code: 'custom', path: ['value2'], message: `${lab.name} has one value` });
  });

export const patientClinicalRequest = z.object({ patientId: idSchema }).strict();

export interface Condition {
  id: string;
  patientId: string;
  code: string;
  title: string;
  /**
   * The patient-friendly name ("High blood pressure" / "Presión arterial alta"); null for a code known only from a
   * loaded release.
   */
  plain: { en: string; es: string } | null;
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

/** What a condition search returns: a bundled entry, or a code of the loaded ICD-10-CM release. */
export interface ConditionMatch {
  code: string;
  title: string;
  plain: { en: string; es: string } | null;
  coreDiseases: string[];
  origin: 'bundled' | 'release';
}

const words = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^a-z0-9.]+/)
    .filter(Boolean);
const SEARCH_TEXT = new Map(
  ICD_CODES.map((c) => [c.code, words([c.title, c.plain.en, c.plain.es, ...c.terms].join(' '))]),
);
const TERMS = new Map(ICD_CODES.map((c) => [c.code, c.terms.map((t) => t.toLowerCase())]));
/** The code an everyday term most often means ("sugar" → E11.9), from the data file. */
const PREFERRED: Record<string, string> = icd.preferred;

/**
 * Bundled conditions by code start, or by words of the title, the plain names (English and Spanish)
 * and the everyday terms people type ("afib", "high cholesterol", "sugar"); an exact everyday term
 * first, then CMS core chronic diseases, then by code.
 */
export function lookupConditions(query: string, limit = 25): ConditionMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const qw = words(q);
  const byCode = /^[a-z]\d/.test(q);
  // The codes everyday terms beginning with the query mean ("diab" → diabetes → E11.9).
  const preferred = new Set(
    q.length >= 3
      ? Object.entries(PREFERRED)
          .filter(([term]) => term.startsWith(q))
          .map(([, code]) => code)
      : [],
  );
  const score = (c: IcdEntry) => {
    if (c.code.toLowerCase().startsWith(q) || PREFERRED[q] === c.code) return 0;
    if (preferred.has(c.code)) return 0.5;
    // An everyday term: the code that lists it earliest is the one people mean ("gerd" → K21.9, not K21.00).
    const at = TERMS.get(c.code)!.indexOf(q);
    if (at >= 0) return 1 + at / 100;
    const text = SEARCH_TEXT.get(c.code)!;
    return qw.every((w) => text.some((t) => t.startsWith(w))) ? 2 : -1;
  };
  return (
    ICD_CODES.map((c) => ({ c, s: score(c) }))
      .filter((x) => x.s >= 0)
      // A typed code lists in code order; words list core chronic diseases first, then the plainest (shortest) titles.
      .sort(
        (a, b) =>
          a.s - b.s ||
          (byCode
            ? 0
            : Number(b.c.coreDiseases.length > 0) - Number(a.c.coreDiseases.length > 0) ||
              a.c.title.length - b.c.title.length) ||
          a.c.code.localeCompare(b.c.code),
      )
      .slice(0, limit)
      .map(({ c }) => ({
        code: c.code,
        title: c.title,
        plain: c.plain,
        coreDiseases: c.coreDiseases,
        origin: 'bundled' as const,
      }))
  );
}

export const conditionSearchRequest = z
  .object({ query: z.string().trim().min(1, 'Type a code or a few letters of the condition').max(80) })
  .strict();

export interface PatientClinical {
  conditions: Condition[];
  labs: LabResult[];
}
