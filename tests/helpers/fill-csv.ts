// A short dispensing-system export as the fill tests write it: one header row of these names, mapped by name.
import type { ImportOptions } from '../../main/fills/import-fills';

export const FILL_HEADER = 'Last,First,DOB,Rx,Fill,Date,NDC,Drug,Qty,Days';

export const FILL_MAPPING = {
  lastName: 'Last',
  firstName: 'First',
  dateOfBirth: 'DOB',
  rxNumber: 'Rx',
  fillNumber: 'Fill',
  fillDate: 'Date',
  ndc: 'NDC',
  drugName: 'Drug',
  quantity: 'Qty',
  daysSupply: 'Days',
};

/** The import of `rows` under FILL_HEADER (patients created as needed), with any option changed by `more`. */
export const fillImport = (fileName: string, rows: string[], more: Partial<ImportOptions> = {}): ImportOptions => ({
  fileName,
  bytes: Buffer.from([FILL_HEADER, ...rows].join('\n')),
  mapping: FILL_MAPPING,
  validOnly: false,
  createPatients: true,
  preview: false,
  ...more,
});
