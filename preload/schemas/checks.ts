// Clinical checks: the knowledge-base rule files (bundled in resources/knowledge, or a pharmacy's
// own in its data folder) and the findings the engine reports for a patient.
import { z } from 'zod';
import pgxResults from '../../resources/clinical/pgx-results.json';
import { isIsoDate, optionalText } from './identifiers';

/** Genes and their result terms (CPIC standard terms), from resources/clinical/pgx-results.json. */
export const PGX_RESULTS: Record<string, string[]> = pgxResults.genes;
export const PGX_GENES = Object.keys(pgxResults.genes) as [string, ...string[]];

/** Fills count as current medicines until this many days after their supply ran out. */
export const FILL_GRACE_DAYS = 30;

export const SEVERITIES = ['contraindicated', 'major', 'moderate', 'minor'] as const;
export const SEVERITY_LABELS: Record<(typeof SEVERITIES)[number], string> = { contraindicated: 'Contraindicated', major: 'Major', moderate: 'Moderate', minor: 'Minor' };
/** Cipolle/Strand drug-therapy problem categories. */
export const DTP_CATEGORIES = ['unnecessaryTherapy', 'needsAdditionalTherapy', 'ineffectiveDrug', 'doseTooLow', 'adverseReaction', 'doseTooHigh', 'nonadherence'] as const;
export const DTP_LABELS: Record<(typeof DTP_CATEGORIES)[number], string> = {
  unnecessaryTherapy: 'Unnecessary drug therapy',
  needsAdditionalTherapy: 'Needs additional drug therapy',
  ineffectiveDrug: 'Ineffective drug',
  doseTooLow: 'Dosage too low',
  adverseReaction: 'Adverse drug reaction',
  doseTooHigh: 'Dosage too high',
  nonadherence: 'Nonadherence',
};

const matcher = z
  .object({ ingredients: z.array(z.string().min(2)).optional(), classes: z.array(z.string().min(3)).optional() })
  .strict()
  .refine((m) => (m.ingredients?.length ?? 0) + (m.classes?.length ?? 0) > 0, 'Name at least one ingredient or class');
export type Matcher = z.output<typeof matcher>;

/** Who a care-gap rule is about: a core chronic disease or an ICD-10-CM code prefix, an age band, prior fills. */
const careCondition = z
  .object({
    diseases: z.array(z.string()).optional(),
    icdPrefixes: z.array(z.string().regex(/^[A-Z]\d\d(\.\d*)?$/)).optional(),
    ageMin: z.number().int().min(0).optional(),
    ageMax: z.number().int().max(130).optional(),
    fills: z.object({ match: matcher, min: z.number().int().min(1) }).strict().optional(),
  })
  .strict()
  .refine((w) => (w.diseases?.length ?? 0) + (w.icdPrefixes?.length ?? 0) > 0, 'Name a disease or ICD-10-CM code prefix');

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]+$/, 'Rule ids are lower case, digits, dots and dashes'),
  severity: z.enum(SEVERITIES),
  dtp: z.enum(DTP_CATEGORIES),
  explanation: z.string().min(20),
  patientText: z.string().min(10),
  action: z.string().min(10),
  citation: z.object({ document: z.string().min(10), year: z.number().int().min(1950).max(2100).nullable(), locator: z.string().min(3) }).strict(),
};

export const ruleSchema = z.discriminatedUnion('family', [
  z.object({ family: z.literal('interaction'), a: matcher, b: matcher, ...common }).strict(),
  z.object({ family: z.literal('duplication'), members: matcher, ...common }).strict(),
  z
    .object({
      family: z.literal('renal'),
      match: matcher,
      /** crcl: Cockcroft–Gault creatinine clearance (mL/min); egfr: CKD-EPI 2021 (mL/min/1.73 m²). */
      measure: z.enum(['crcl', 'egfr']),
      below: z.number().positive().optional(),
      atOrBelow: z.number().positive().optional(),
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
  z
    .object({
      family: z.literal('olderAdult'),
      minAge: z.number().int().min(50).max(100),
      match: matcher,
      /** The rule is quiet when the patient also takes one of these (e.g. a laxative with an opioid). */
      unless: matcher.optional(),
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

export const ruleFileSchema = z.object({ version: z.string().min(1), family: z.string(), about: z.string().min(10), rules: z.array(ruleSchema).min(1) }).strict();

export interface Finding {
  ruleId: string;
  family: Rule['family'];
  severity: Rule['severity'];
  dtp: Rule['dtp'];
  /** "warfarin + ibuprofen" */
  title: string;
  /** The patient's products involved, as named on their list or fills. */
  involved: { ingredient: string; product: string; source: 'list' | 'fill' }[];
  explanation: string;
  patientText: string;
  action: string;
  citation: Rule['citation'];
  /** Local rules come from the pharmacy's own folder, not the bundled knowledge base. */
  local: boolean;
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
    /** Current medicines acting on the central nervous system (resources/knowledge/burden.json): a sedation and falls burden count. */
    cnsActive: string[];
    /** Current medicines whose FDA pharmacologic class is anticholinergic (resources/knowledge/burden.json). */
    anticholinergic: string[];
    adherence: { ruleId: string; pdc: number; periodDays: number }[];
    /** PDC per Part D maintenance medicine with two or more fills in 12 months. */
    adherenceByDrug: { drug: string; pdc: number }[];
    /** Kidney estimates from the latest values of the last 12 months; note says what is missing. */
    kidney: { crcl: number | null; egfr: number | null; scrDate: string | null; note: string | null };
  };
  /** Problems with the pharmacy's local rule files (bad files are skipped, never half-used). */
  localRuleProblems: string[];
  knowledgeVersion: string;
}

export interface PopulationEntry {
  patientId: string;
  name: string;
  findings: string[];
}

/** The whole pharmacy at once: who to call first. Dismissed findings are left out. */
export interface PopulationChecks {
  screened: number;
  majorInteraction: PopulationEntry[];
  lowAdherence: PopulationEntry[];
  /** Care gaps and older-adult findings. */
  careGaps: PopulationEntry[];
  elapsedMs: number;
}

const idSchema = z.uuid({ error: 'Not a valid record id' });

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
    description: z.string({ error: 'Describe the problem' }).trim().min(5, 'Describe the problem in a few words').max(2000),
  })
  .strict();

export const problemResolveRequest = z
  .object({
    id: idSchema,
    resolvedOn: z.string({ error: 'Enter the date it was resolved' }).trim().refine(isIsoDate, 'Enter the date it was resolved as MM/DD/YYYY').refine((v) => v <= new Date().toISOString().slice(0, 10), 'The date it was resolved cannot be in the future'),
    resolution: z.string({ error: 'Say how it was resolved' }).trim().min(3, 'Say how it was resolved, in a few words').max(1000),
  })
  .strict();
export const problemReopenRequest = z.object({ id: idSchema }).strict();

export const genotypeAddRequest = z
  .object({
    patientId: idSchema,
    gene: z.enum(PGX_GENES, { error: 'Choose the gene' }),
    result: z.string({ error: 'Choose the result' }).trim().min(1, 'Choose the result'),
    testedOn: z.string({ error: 'Enter the test date' }).trim().refine(isIsoDate, 'Enter the test date as MM/DD/YYYY').refine((v) => v <= new Date().toISOString().slice(0, 10), 'The test date cannot be in the future'),
    laboratory: optionalText(120),
  })
  .strict()
  .superRefine((g, ctx) => {
    if (PGX_RESULTS[g.gene] && !PGX_RESULTS[g.gene]!.includes(g.result)) ctx.addIssue({ code: 'custom', path: ['result'], message: `Not a ${g.gene} result: choose one of ${PGX_RESULTS[g.gene]!.join(', ')}` });
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
  .object({ patientId: idSchema, ruleId: z.string().min(3).max(120), fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Not a finding fingerprint') })
  .strict();
export const dismissFindingRequest = z
  .object({ patientId: idSchema, ruleId: z.string().min(3).max(120), fingerprint: z.string().regex(/^[0-9a-f]{64}$/, 'Not a finding fingerprint'), reason: z.string().trim().min(3, 'Say why this does not apply to the patient').max(300) })
  .strict();
