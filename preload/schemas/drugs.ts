// The drug vocabulary: the bundled file's shape (checked when it loads and in a test) and what a
// search returns. Both the bundled entries and a loaded RxNorm release answer the same search.
import { z } from 'zod';
import { MEDICATION_KINDS } from './medications';

const rxcui = z.string().regex(/^\d{1,10}$/);

export const drugClassesFileSchema = z.object({
  version: z.string().min(1),
  system: z.string().min(1),
  source: z.string().min(1),
  maintenanceRule: z.string().min(1),
  classes: z.record(
    z.string().regex(/^([A-Z]\d\d[A-Z]{1,2}|HERBAL|SUPPL)$/),
    z.object({ name: z.string().min(3), maintenance: z.boolean() }).strict(),
  ),
});

export const vocabularyFileSchema = z.object({
  version: z.string().min(1),
  about: z.string().min(1),
  sources: z.record(z.string(), z.string().min(10)),
  drugs: z
    .array(
      z
        .object({
          name: z
            .string()
            .min(2)
            .regex(/^[^A-Z]|^St /, 'Ingredient names are lower case'),
          rxcui: rxcui.nullable(),
          class: z.string(),
          kind: z.enum(MEDICATION_KINDS),
          alsoOtc: z.literal(true).optional(),
          brands: z.array(z.string().min(2)),
          forms: z.array(z.string().min(3)).min(1),
          clinicalDrugs: z.array(z.object({ rxcui, name: z.string().min(5), source: z.string() }).strict()).optional(),
          aliases: z.array(z.string().min(2)).optional(),
          sources: z.array(z.string()).min(1),
        })
        .strict(),
    )
    .min(300),
});

export type VocabularyFile = z.output<typeof vocabularyFileSchema>;
export type DrugClassesFile = z.output<typeof drugClassesFileSchema>;

export interface ClinicalDrug {
  rxcui: string;
  name: string;
}

/** One search hit: an ingredient (or fixed combination) with what the form needs to fill itself in. */
export interface DrugMatch {
  /** Generic name, as the medication list shows it. */
  name: string;
  /** The RxNorm ingredient concept, when known (bundled with a source, or from a loaded release). */
  rxcui: string | null;
  /** The brand the query matched, when it matched a brand rather than the generic name. */
  matchedBrand: string | null;
  brands: string[];
  kind: (typeof MEDICATION_KINDS)[number];
  alsoOtc: boolean;
  classCode: string | null;
  className: string | null;
  maintenance: boolean;
  forms: string[];
  clinicalDrugs: ClinicalDrug[];
  origin: 'bundled' | 'rxnorm';
}

/** "atorvastatin 10 MG Oral Tablet" → strength "10 mg", form "oral tablet"; combinations keep every strength. */
export function describeClinicalDrug(name: string): { strength: string; doseForm: string } {
  // Compound units first, so "MG/HR" is not read as "MG".
  const unit = /(\d[\d.,]*\s*(?:MG\/ML|MG\/HR|MCG\/HR|UNT\/ML|MG\/ACTUAT|MCG\/ACTUAT|MG|MCG|UNT|MEQ|ML|%))(?![A-Z/])/gi;
  const strengths = [...name.matchAll(unit)].map((m) => m[1]!.toLowerCase());
  const last = [...name.matchAll(unit)].at(-1);
  const doseForm = last
    ? name
        .slice(last.index! + last[0].length)
        .trim()
        .toLowerCase()
    : '';
  return { strength: strengths.join(' / '), doseForm };
}

export const drugSearchRequest = z
  .object({ query: z.string().trim().min(3, 'Type at least three letters of the brand or generic name').max(80) })
  .strict();

export interface RxNormStatus {
  /** The loaded release (from the file name, e.g. RxNorm_full_prescribe_11032025), or null when none is loaded. */
  release: string | null;
  loadedAt: string | null;
  ingredients: number;
  clinicalDrugs: number;
  brands: number;
  ndcs: number;
  bundledVersion: string;
  bundledDrugs: number;
}
