import { z } from 'zod';

/** The columns a fill import understands, with the header names dispensing systems commonly use. */
export const FILL_FIELDS = [
  {
    id: 'patientExternalId',
    label: 'Patient number (pharmacy system)',
    synonyms: [
      'patient id',
      'patient number',
      'patient no',
      'patient #',
      'pat id',
      'patientid',
      'pid',
      'customer id',
      'cust id',
    ],
  },
  {
    id: 'lastName',
    label: 'Patient last name',
    synonyms: ['last name', 'patient last name', 'lname', 'pt last name', 'last'],
  },
  {
    id: 'firstName',
    label: 'Patient first name',
    synonyms: ['first name', 'patient first name', 'fname', 'pt first name', 'first'],
  },
  {
    id: 'dateOfBirth',
    label: 'Date of birth',
    synonyms: ['dob', 'date of birth', 'birth date', 'birthdate', 'patient dob', 'pt dob'],
  },
  {
    id: 'rxNumber',
    label: 'Rx number',
    synonyms: ['rx', 'rx number', 'rx #', 'rx no', 'rxnumber', 'prescription number', 'script number'],
  },
  {
    id: 'fillNumber',
    label: 'Refill number',
    synonyms: ['refill', 'refill number', 'refill #', 'fill number', 'fill #', 'fill no', 'refill no'],
  },
  {
    id: 'fillDate',
    label: 'Fill date',
    synonyms: [
      'fill date',
      'date filled',
      'filled',
      'dispense date',
      'date dispensed',
      'service date',
      'date of service',
      'dos',
    ],
  },
  { id: 'ndc', label: 'NDC', synonyms: ['ndc', 'ndc11', 'ndc 11', 'ndc code', 'drug ndc', 'ndc number'] },
  {
    id: 'drugName',
    label: 'Drug name',
    synonyms: ['drug name', 'drug', 'medication', 'product', 'drug description', 'description', 'item'],
  },
  {
    id: 'strength',
    label: 'Strength',
    synonyms: ['strength', 'drug strength', 'strength description', 'product strength', 'med strength'],
  },
  {
    id: 'dosageForm',
    label: 'Dose form',
    synonyms: ['dosage form', 'dose form', 'form', 'drug form', 'dosage form description', 'form description'],
  },
  {
    id: 'sig',
    label: 'Directions (sig)',
    synonyms: [
      'sig',
      'sig text',
      'sig code',
      'directions',
      'rx directions',
      'label directions',
      'directions for use',
      'instructions',
      'patient instructions',
      'dosing instructions',
    ],
  },
  {
    id: 'quantity',
    label: 'Quantity',
    synonyms: ['qty', 'quantity', 'qty dispensed', 'quantity dispensed', 'dispensed qty', 'disp qty'],
  },
  {
    id: 'daysSupply',
    label: "Days' supply",
    synonyms: ['days supply', "days' supply", 'day supply', 'days', 'ds', 'days_supply', 'supply days'],
  },
  {
    id: 'prescriberNpi',
    label: 'Prescriber NPI',
    synonyms: ['prescriber npi', 'npi', 'doctor npi', 'dr npi', 'prescriber id', 'md npi'],
  },
  {
    id: 'payer',
    label: 'Payer / plan',
    synonyms: ['payer', 'plan', 'insurance', 'third party', 'plan name', 'primary payer'],
  },
  { id: 'bin', label: 'BIN', synonyms: ['bin', 'bin number', 'rx bin'] },
  { id: 'pcn', label: 'PCN', synonyms: ['pcn', 'processor control number'] },
  {
    id: 'cost',
    label: 'Cost',
    synonyms: ['cost', 'ingredient cost', 'acquisition cost', 'drug cost', 'price', 'total cost', 'amount'],
  },
] as const;
export type FillField = (typeof FILL_FIELDS)[number]['id'];

/** Field → the file's header that holds it. */
export const mappingSchema = z
  .partialRecord(z.enum(FILL_FIELDS.map((f) => f.id) as [FillField, ...FillField[]]), z.string().max(200))
  .superRefine((m, ctx) => {
    const has = (f: FillField) => Boolean(m[f]);
    const missing = (message: string, path: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!has('patientExternalId') && !(has('lastName') && has('firstName') && has('dateOfBirth')))
      missing('Map the patient number, or last name, first name and date of birth', 'lastName');
    if (!has('ndc') && !has('drugName')) missing('Map the NDC or the drug name column', 'ndc');
    for (const f of ['rxNumber', 'fillDate', 'quantity', 'daysSupply'] as const)
      if (!has(f)) missing(`Map the ${FILL_FIELDS.find((x) => x.id === f)!.label} column`, f);
  });
export type FillMapping = z.output<typeof mappingSchema>;

/** A file crosses the bridge as base64 so its bytes (and their encoding) arrive untouched. */
const fileSchema = z.object({
  name: z.string().trim().min(1).max(255),
  base64: z
    .string()
    .max(
      (16 * 1024 * 1024 * 4) / 3 + 4,
      'The file is larger than 16 MB: export a shorter period or use `mtm import fills`',
    ),
});

export const fillPreviewRequest = z.object({ file: fileSchema, mapping: mappingSchema.optional() }).strict();
export const fillImportRequest = z
  .object({
    file: fileSchema,
    mapping: mappingSchema,
    validOnly: z.boolean().default(false),
    createPatients: z.boolean().default(false),
  })
  .strict();

export interface ImportIssue {
  line: number;
  field: string;
  reason: string;
}

export interface FillImportReport {
  fileName: string;
  encoding: string;
  headers: string[];
  /** Each header's first value in the file, shortened, so the pharmacist sees what a column holds. */
  samples: Record<string, string>;
  mapping: Partial<Record<FillField, string>>;
  rows: number;
  validRows: number;
  /** Rows with at least one problem (skipped when importing valid rows only). */
  invalidRows: number;
  issues: ImportIssue[];
  /** Nothing was written because some rows were invalid and "valid rows only" was not chosen. */
  refused: boolean;
  imported: number;
  duplicates: number;
  newPatients: number;
  /** Preview only: rows whose patient is not on file (can be created on import). */
  unknownPatients: number;
  /**
   * Valid rows whose drug (NDC or description) the vocabulary does not recognise; they import but count as
   * unclassified.
   */
  unrecognisedRows: number;
  /** Up to 20 of those drug descriptions, for the pharmacist to check. */
  unrecognisedDrugs: string[];
}
