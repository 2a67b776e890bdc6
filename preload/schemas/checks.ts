// Clinical checks: the knowledge-base rule files (bundled in resources/knowledge, or a pharmacy's
// own in its data folder) and the findings the engine reports for a patient.
import { z } from 'zod';
import { pageFields, type Page } from './paging';
import pgxResults from '../../resources/clinical/pgx-results.json';
import knowledgeSources from '../../resources/knowledge/sources.json';
import { idSchema, pastDate } from './fields';
import { optionalText } from './identifiers';

/** Genes and their result terms (CPIC standard terms), from resources/clinical/pgx-results.json. */
export const PGX_RESULTS: Record<string, string[]> = pgxResults.genes;
export const PGX_GENES = Object.keys(pgxResults.genes) as [string, ...string[]];

/** Short names of the knowledge sources, for the finding's source line. */
export const SOURCE_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(knowledgeSources.sources).map(([k, v]) => [k, v.short]),
);

/** Fills count as current medicines until this many days after their supply ran out. */
export const FILL_GRACE_DAYS = 30;

export const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor'] as const;
export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = {
  contraindicated: 'Contraindicated',
  major: 'Major',
  moderate: 'Moderate',
  minor: 'Minor',
};
/** Cipolle/Strand drug-therapy problem categories. */
export const DTP_CATEGORIES = [
  'unnecessaryTherapy',
  'needsAdditionalTherapy',
  'ineffectiveDrug',
  'doseTooLow',
  'adverseReaction',
  'doseTooHigh',
  'nonadherence',
] as const;
export const DTP_LABELS: Record<(typeof DTP_CATEGORIES)[number], string> = {
  unnecessaryTherapy: 'Unnecessary drug therapy',
  needsAdditionalTherapy: 'Needs additional drug therapy',
  ineffectiveDrug: 'Ineffective drug',
  doseTooLow: 'Dosage too low',
  adverseReaction: 'Adverse drug reaction',
  doseTooHigh: 'Dosage too high',
  nonadherence: 'Nonadherence',
};

/** Routes a medicine can be taken by, read from its product name, dose form and directions. */
export const ROUTES = [
  'oral',
  'sublingual',
  'topical',
  'transdermal',
  'vaginal',
  'rectal',
  'inhaled',
  'nasal',
  'ophthalmic',
  'otic',
  'injection',
] as const;

/**
 * Which medicines a rule is about: any of the ingredients (a combination product matches through
 * each of its ingredients), any product in an ATC class (a code prefix), or any member of a named
 * group (resources/knowledge/groups-*.json). Routes and release narrow the match (a vaginal
 * estrogen cream is not an oral estrogen; immediate-release nifedipine is not the XL tablet).
 */
const matcher = z
  .object({
    ingredients: z.array(z.string().min(2)).optional(),
    classes: z.array(z.string().min(1)).optional(),
    groups: z.array(z.string().regex(/^[a-z0-9][a-z0-9.-]+$/)).optional(),
    routes: z.array(z.enum(ROUTES)).min(1).optional(),
    notRoutes: z.array(z.enum(ROUTES)).min(1).optional(),
    release: z.enum(['immediate', 'extended']).optional(),
    /** false: only medicines taken on a schedule (directions without "as needed"; a fill counts as scheduled). */
    asNeeded: z.boolean().optional(),
  })
  .strict()
  .refine(
    (m) => (m.ingredients?.length ?? 0) + (m.classes?.length ?? 0) + (m.groups?.length ?? 0) > 0,
    'Name at least one ingredient, class or group',
  );
export type Matcher = z.output<typeof matcher>;

export const LAB_FACTS = [
  'scr',
  'weight',
  'potassium',
  'sodium',
  'inr',
  'a1c',
  'heartRate',
  'crcl',
  'egfr',
  'age',
] as const;
/** A patient fact against a bound: "age ≥ 80", "weight ≤ 60 kg", "serum creatinine ≥ 1.5 mg/dL". */
const factBound = z
  .object({ fact: z.enum(LAB_FACTS), min: z.number().optional(), max: z.number().optional() })
  .strict()
  .refine((f) => (f.min === undefined) !== (f.max === undefined), 'Give either min (at least) or max (at most)');
export type FactBound = z.output<typeof factBound>;

/**
 * The patient context a rule needs besides the medicines it matches. Every part must hold:
 * conditions (any of the condition groups in resources/clinical/conditions.json), not one of
 * unlessConditions, taking (also takes one of these), not unless (takes none of these, in the
 * list or the last 12 months of fills), every fact bound, and `criteria` (at least or at most so many facts).
 */
const when = z
  .object({
    minAge: z.number().int().min(18).max(110).optional(),
    conditions: z.array(z.string()).min(1).optional(),
    unlessConditions: z.array(z.string()).min(1).optional(),
    taking: matcher.optional(),
    unless: matcher.optional(),
    facts: z.array(factBound).min(1).optional(),
    /**
     * At least (or at most) so many of the facts hold: apixaban's dose criteria. An unknown fact counts as not holding
     * for atLeast and as holding for atMost, so neither fires on a guess.
     */
    criteria: z
      .object({
        atLeast: z.number().int().min(1).optional(),
        atMost: z.number().int().min(0).optional(),
        of: z.array(factBound).min(2),
      })
      .strict()
      .refine((c) => (c.atLeast === undefined) !== (c.atMost === undefined), 'Give either atLeast or atMost')
      .optional(),
  })
  .strict();
export type When = z.output<typeof when>;

const amount = z.object({ amount: z.number().positive(), unit: z.enum(['mg', 'mcg', 'g', 'unit', 'mEq']) }).strict();
export type DoseAmount = z.output<typeof amount>;

/**
 * Who a care-gap rule is about: a core chronic disease, a condition group or an ICD-10-CM code prefix, an age band,
 * prior fills, a current medicine.
 */
const careCondition = z
  .object({
    diseases: z.array(z.string()).optional(),
    conditions: z.array(z.string()).optional(),
    icdPrefixes: z.array(z.string().regex(/^[A-Z]\d\d(\.\d*)?$/)).optional(),
    taking: matcher.optional(),
    ageMin: z.number().int().min(0).optional(),
    ageMax: z.number().int().max(130).optional(),
    fills: z
      .object({ match: matcher, min: z.number().int().min(1) })
      .strict()
      .optional(),
  })
  .strict()
  .refine(
    (w) =>
      (w.diseases?.length ?? 0) + (w.conditions?.length ?? 0) + (w.icdPrefixes?.length ?? 0) + (w.taking ? 1 : 0) > 0,
    'Name a disease, condition group, ICD-10-CM code prefix or current medicine',
  );

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]+$/, 'Rule ids are lower case, digits, dots and dashes'),
  /**
   * The key of the rule's source in resources/knowledge/sources.json (required of bundled rules; a pharmacy's own may
   * omit it).
   */
  source: z.string().min(2).optional(),
  severity: z.enum(SEVERITIES),
  dtp: z.enum(DTP_CATEGORIES),
  explanation: z.string().min(20),
  patientText: z.string().min(10),
  /** The patient sentence in Spanish (required of bundled rules; a pharmacy's own rule falls back to English). */
  patientTextEs: z.string().min(10).optional(),
  action: z.string().min(10),
  citation: z
    .object({
      document: z.string().min(10),
      year: z.number().int().min(1950).max(2100).nullable(),
      locator: z.string().min(3),
    })
    .strict(),
};

export const ruleSchema = z.discriminatedUnion('family', [
  /** Two (or three) different current products, one from each matcher. */
  z
    .object({
      family: z.literal('interaction'),
      a: matcher,
      b: matcher,
      c: matcher.optional(),
      mechanism: z.string().min(5),
      when: when.optional(),
      ...common,
    })
    .strict(),
  /**
   * Two or more different current products of the members. A pair that is one of `allowed`
   * (each side matched by one product) is deliberate and stays quiet, with its reason shown.
   */
  z
    .object({
      family: z.literal('duplication'),
      members: matcher,
      allowed: z.array(z.object({ a: matcher, b: matcher, reason: z.string().min(10) }).strict()).optional(),
      /**
       * Fires for each ingredient that two or more member products taken the same way contain (a combination and a
       * single product).
       */
      sameIngredient: z.literal(true).optional(),
      when: when.optional(),
      ...common,
    })
    .strict(),
  z
    .object({
      family: z.literal('renal'),
      match: matcher,
      /** crcl: Cockcroft–Gault creatinine clearance (mL/min); egfr: CKD-EPI 2021 (mL/min/1.73 m²). */
      measure: z.enum(['crcl', 'egfr']),
      below: z.number().positive().optional(),
      atOrBelow: z.number().positive().optional(),
      /** The band's lower end (inclusive), so that "30–49: reduce the dose" and "below 30: avoid" do not both fire. */
      from: z.number().positive().optional(),
      /**
       * A dose-adjustment rule: quiet when the known daily dose is at most this; fires when it is higher or not known.
       */
      maxDaily: amount.optional(),
      when: when.optional(),
      ...common,
    })
    .strict()
    .refine((r) => (r.below === undefined) !== (r.atOrBelow === undefined), 'Give either below or atOrBelow'),
  z
    .object({
      family: z.literal('missingTherapy'),
      /** What the finding is called: nothing the patient takes names it. */
      title: z.string().min(5),
      when: careCondition,
      excludeDiseases: z.array(z.string()).optional(),
      excludeConditions: z.array(z.string()).optional(),
      /** Fires when the patient has none of these on the list or in current fills. */
      missing: matcher,
      ...common,
    })
    .strict(),
  z
    .object({
      family: z.literal('overuse'),
      when: careCondition,
      /** Fires when the last 12 months hold at least `min` fills of the matched drugs. */
      fills: z.object({ match: matcher, min: z.number().int().min(2) }).strict(),
      ...common,
    })
    .strict(),
  /**
   * A medicine to avoid (or use with caution) at an age: optionally only above a daily dose, or
   * after it has been taken for more than `minDays` days (from the list's start date or the fills).
   */
  z
    .object({
      family: z.literal('olderAdult'),
      minAge: z.number().int().min(50).max(100),
      match: matcher,
      /** The rule is quiet when the patient also takes one of these (e.g. a laxative with an opioid). */
      unless: matcher.optional(),
      doseAbove: amount.optional(),
      minDays: z.number().int().min(7).max(3650).optional(),
      when: when.optional(),
      ...common,
    })
    .strict(),
  /** A medicine that harms in a condition the patient has (Beers Table 3, STOPP by system). */
  z
    .object({
      family: z.literal('diseaseDrug'),
      conditions: z.array(z.string()).min(1),
      match: matcher,
      when: when.optional(),
      ...common,
    })
    .strict(),
  /**
   * The daily dose of an ingredient, summed over every current product that contains it, against a
   * maximum (or, for an under-dose, a minimum); needs strength and directions (or a fill's quantity
   * and days' supply) to be known.
   */
  z
    .object({
      family: z.literal('dose'),
      match: matcher,
      maxDaily: amount.optional(),
      minDaily: amount.optional(),
      when: when.optional(),
      ...common,
    })
    .strict()
    .refine((r) => (r.maxDaily === undefined) !== (r.minDaily === undefined), 'Give either maxDaily or minDaily'),
  /**
   * At least `min` different current products of the matched medicines (three CNS-active drugs, two strong
   * anticholinergics).
   */
  z
    .object({
      family: z.literal('burden'),
      match: matcher,
      min: z.number().int().min(2).max(10),
      when: when.optional(),
      ...common,
    })
    .strict(),
  z
    .object({
      family: z.literal('pharmacogenomic'),
      gene: z.enum(PGX_GENES),
      /** The recorded results (CPIC terms) that make the drugs a concern. */
      results: z.array(z.string()).min(1),
      match: matcher,
      ...common,
    })
    .strict(),
  z
    .object({
      family: z.literal('lateRefill'),
      /** Days after the last supply ran out before a maintenance medicine counts as late. */
      daysLate: z.number().int().min(1).max(90),
      /** Days without supply after which the medicine is taken to be stopped (no finding). */
      stoppedAfter: z.number().int().min(14).max(365),
      ...common,
    })
    .strict(),
  z
    .object({
      family: z.literal('adherence'),
      classes: z.array(z.string().min(3)).min(1),
      excludeClasses: z.array(z.string().min(3)).optional(),
      /** Core chronic disease ids (resources/clinical) whose patients the measure excludes. */
      excludeConditions: z.array(z.string()).optional(),
      threshold: z.number().gt(0).lte(1),
      ...common,
    })
    .strict(),
]);
export type Rule = z.output<typeof ruleSchema>;
export type RuleFamily = Rule['family'];

export const ruleFileSchema = z
  .object({
    version: z.string().min(1),
    family: z.string(),
    about: z.string().min(10),
    rules: z.array(ruleSchema).min(1),
  })
  .strict();

/** A named list of medicines kept once and used by many rules ("strong CYP3A4 inhibitors"). */
export const groupFileSchema = z
  .object({
    version: z.string().min(1),
    about: z.string().min(10),
    groups: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z0-9][a-z0-9.-]+$/),
          name: z.string().min(3),
          members: matcher,
          source: z.string().min(2),
          citation: common.citation,
        })
        .strict(),
    ),
  })
  .strict();
export type DrugGroup = z.output<typeof groupFileSchema>['groups'][number];

export interface Finding {
  ruleId: string;
  family: Rule['family'];
  severity: Rule['severity'];
  dtp: Rule['dtp'];
  /** "warfarin + ibuprofen" */
  title: string;
  /** The patient's products involved, as named on their list or fills. */
  involved: { ingredient: string; product: string; source: 'list' | 'fill' }[];
  /** The rule's source key (resources/knowledge/sources.json); null for a pharmacy's own rule without one. */
  source: string | null;
  explanation: string;
  patientText: string;
  patientTextEs: string;
  action: string;
  citation: Rule['citation'];
  /** Local rules come from the pharmacy's own folder, not the bundled knowledge base. */
  local: boolean;
  /** Other rules that name the same problem (a guideline and a label), cited beside the one shown. */
  alsoCited: { ruleId: string; source: string | null; citation: Rule['citation'] }[];
  /** Stable for the same rule and ingredients: a dismissal holds until what is involved changes. */
  fingerprint: string;
  dismissed: { reason: string; by: string; at: string } | null;
  /** Confirmed by a pharmacist as a drug-therapy problem for the patient's review. */
  accepted: { by: string; at: string } | null;
}

export interface PatientChecks {
  findings: Finding[];
  summary: {
    activeDrugs: number;
    uncoded: string[];
    interactingPairs: number;
    duplications: number;
    /** Current CNS-active medicines as AGS Beers 2023 Table 5 counts them: a sedation and falls burden. */
    cnsActive: string[];
    /** Current medicines that are strongly anticholinergic (AGS Beers 2023 Table 7). */
    anticholinergic: string[];
    adherence: { ruleId: string; pdc: number; periodDays: number }[];
    /** PDC per Part D maintenance medicine with two or more fills in 12 months. */
    adherenceByDrug: { drug: string; pdc: number }[];
    /** Kidney estimates from the latest values of the last 12 months; note says what is missing. */
    kidney: { crcl: number | null; egfr: number | null; scrDate: string | null; note: string | null };
    /** What could not be checked and why ("No weight on record…: gabapentin"); empty means every rule could run. */
    notChecked: string[];
    /** Labs that would let narrower rules run ("With a recent potassium, more could be checked for: lisinopril"). */
    couldCheckMore: string[];
    /** Combinations recognised as deliberate and so not flagged, with the reason. */
    deliberate: string[];
    conditionsRecorded: number;
    /** How many rules the patient's picture was checked against (bundled and local). */
    rulesChecked: number;
  };
  /** Problems with the pharmacy's local rule files (bad files are skipped, never half-used). */
  localRuleProblems: string[];
  knowledgeVersion: string;
}

export interface PopulationEntry {
  patientId: string;
  name: string;
  dateOfBirth: string;
  findings: string[];
}

/**
 * The population worklists: serious (contraindicated or major findings of any kind: interactions, kidney dosing,
 * dose, disease–drug…), review (moderate findings to raise at the next review: older-adult criteria, disease–drug,
 * dose, duplications) and careGaps (therapy missing for a condition — START, the statin-in-diabetes gap — or a drug
 * filled too often).
 */
export const POPULATION_LISTS = ['serious', 'review', 'careGaps'] as const;
export type PopulationList = (typeof POPULATION_LISTS)[number];
export const populationRequest = z
  .object({ list: z.enum(POPULATION_LISTS, { error: 'Choose a worklist' }).default('serious'), ...pageFields })
  .strict();

/**
 * The whole pharmacy at once, who to call first: one page of one list (dismissed findings left out, most findings
 * first), each list's size, and how many patients were checked.
 */
export interface PopulationChecks extends Page<PopulationEntry> {
  screened: number;
  list: PopulationList;
  counts: Record<PopulationList, number>;
  elapsedMs: number;
}

/** A drug-therapy problem on the patient's record: confirmed from a check, or entered by the pharmacist. */
export interface DrugTherapyProblem {
  id: string;
  patientId: string;
  source: 'check' | 'manual';
  ruleId: string | null;
  category: (typeof DTP_CATEGORIES)[number];
  severity: (typeof SEVERITIES)[number];
  title: string;
  description: string;
  suggestedAction: string | null;
  status: 'open' | 'resolved';
  /** When, how and by whom it was resolved; null while open. */
  resolvedOn: string | null;
  resolution: string | null;
  resolvedBy: string | null;
  createdAt: string;
  createdBy: string;
}
export const problemListRequest = z.object({ patientId: idSchema }).strict();
export const problemAddRequest = z
  .object({
    patientId: idSchema,
    category: z.enum(DTP_CATEGORIES, { error: 'Choose the kind of problem' }),
    severity: z.enum(SEVERITIES, { error: 'Choose how serious it is' }),
    title: z.string({ error: 'Name the medicines involved' }).trim().min(2, 'Name the medicines involved').max(200),
    description: z
      .string({ error: 'Describe the problem' })
      .trim()
      .min(5, 'Describe the problem in a few words')
      .max(2000),
  })
  .strict();

export const problemResolveRequest = z
  .object({
    id: idSchema,
    resolvedOn: pastDate('date it was resolved'),
    resolution: z
      .string({ error: 'Say how it was resolved' })
      .trim()
      .min(3, 'Say how it was resolved, in a few words')
      .max(1000),
  })
  .strict();
export const problemReopenRequest = z.object({ id: idSchema }).strict();

export const genotypeAddRequest = z
  .object({
    patientId: idSchema,
    gene: z.enum(PGX_GENES, { error: 'Choose the gene' }),
    result: z.string({ error: 'Choose the result' }).trim().min(1, 'Choose the result'),
    testedOn: pastDate('test date'),
    laboratory: optionalText(120),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (PGX_RESULTS[g.gene] && !PGX_RESULTS[g.gene]!.includes(g.result))
      ctx.addIssue({
        code: 'custom',
        path: ['result'],
        message: `Not a ${g.gene} result: choose one of ${PGX_RESULTS[g.gene]!.join(', ')}`,
      });
  });
export const genotypeListRequest = z.object({ patientId: idSchema }).strict();

export interface Genotype {
  id: string;
  gene: string;
  result: string;
  testedOn: string;
  laboratory: string | null;
  recordedBy: string;
}
export const patientChecksRequest = z.object({ patientId: idSchema }).strict();
export const acceptFindingRequest = z
  .object({
    patientId: idSchema,
    ruleId: z.string().min(3).max(120),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Not a finding fingerprint'),
  })
  .strict();
export const dismissFindingRequest = z
  .object({
    patientId: idSchema,
    ruleId: z.string().min(3).max(120),
    fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Not a finding fingerprint'),
    reason: z.string().trim().min(3, 'Say why this does not apply to the patient').max(300),
  })
  .strict();
